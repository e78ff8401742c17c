import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { generateApiTypes, OUTPUT_URL, SPEC_URL } from '../../tools/codegen/generate';

/** The first line where two texts differ, or `null` when they are equal. */
function firstDifference(
  generated: string,
  committed: string,
): { line: number; generated?: string; committed?: string } | null {
  const a = generated.split('\n');
  const b = committed.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return { line: i + 1, generated: a[i], committed: b[i] };
  }
  return null;
}

it('src/ksef/generated/open-api.ts is what open-api.json generates today', async () => {
  const generated = await generateApiTypes(await readFile(SPEC_URL, 'utf8'));
  const committed = await readFile(OUTPUT_URL, 'utf8');
  expect(firstDifference(generated, committed), 'stale generated types: run npm run generate:api').toBeNull();
});
