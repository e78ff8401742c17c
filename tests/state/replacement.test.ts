import { describe, expect, it } from 'vitest';
import { certificateNameSchema } from '../../src/crypto/rules';
import { replacementName } from '../../src/state/replacement';

const NOW = new Date(2026, 11, 2, 12);

describe('the name of a replacing certificate', () => {
  it.each([
    { old: 'Biuro rachunkowe', expected: 'Biuro rachunkowe 2026-12' },
    { old: 'Biuro 2025', expected: 'Biuro 2026-12' },
    { old: 'Księgowość Żółw 2025-03', expected: 'Księgowość Żółw 2026-12' },
    { old: 'ERP-2025', expected: 'ERP-2025 2026-12' },
    { old: 'x'.repeat(100), expected: `${'x'.repeat(92)} 2026-12` },
  ])('$old -> $expected, a name KSeF accepts', ({ old, expected }) => {
    const name = replacementName(old, NOW);
    expect(name).toBe(expected);
    expect(certificateNameSchema.safeParse(name).success).toBe(true);
  });
});
