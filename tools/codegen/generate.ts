/**
 * Writes `src/ksef/generated/open-api.ts` from the official KSeF contract `spec/ksef/open-api.json`
 * with openapi-typescript. Run it with `npm run generate:api` whenever the contract file changes;
 * `tests/ksef/generated.node.test.ts` fails while the committed file is stale.
 *
 * openapi-typescript lives in this workspace (tools/codegen) with its own TypeScript 5, because it
 * declares a TypeScript 5 peer while the app is on TypeScript 6.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

/** The official contract, kept unchanged in the repository (spec/ksef/SOURCES.md). */
export const SPEC_URL = new URL('../../spec/ksef/open-api.json', import.meta.url);

/** The committed output. */
export const OUTPUT_URL = new URL('../../src/ksef/generated/open-api.ts', import.meta.url);

const HEADER = `/**
 * GENERATED FILE - DO NOT EDIT.
 *
 * TypeScript types of the official KSeF API 2.0 contract (spec/ksef/open-api.json), made by
 * openapi-typescript (tools/codegen/generate.ts). To regenerate after the contract changes, run
 * \`npm run generate:api\`; tests/ksef/generated.node.test.ts fails while this file is stale.
 *
 * These types describe the contract only; responses are checked at run time by the zod schemas
 * beside this folder.
 */

`;

/** Turns the text of an OpenAPI document into the source of the generated module. */
export async function generateApiTypes(specText: string): Promise<string> {
  // Passed as JSON text (it starts with "{"), so openapi-typescript parses it in memory and never
  // resolves anything from disk or network on its own.
  if (!specText.trimStart().startsWith('{')) throw new Error('open-api.json is not a JSON document');
  const ast = await openapiTS(specText.trimStart(), { silent: true });
  return HEADER + astToString(ast);
}

/** Reads the contract and writes the generated module; returns the output path. */
export async function writeApiTypes(): Promise<string> {
  const source = await generateApiTypes(await readFile(SPEC_URL, 'utf8'));
  await mkdir(new URL('.', OUTPUT_URL), { recursive: true });
  await writeFile(OUTPUT_URL, source, 'utf8');
  return fileURLToPath(OUTPUT_URL);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = await writeApiTypes();
  process.stdout.write(`wrote ${path}\n`);
}
