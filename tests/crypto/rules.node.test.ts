import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { certificateNameRules } from '../../src/crypto/rules';

/** The contract, read from the official open-api.json kept in spec/ksef/. */
const openApiPath = fileURLToPath(new URL('../../spec/ksef/open-api.json', import.meta.url));
const openApi = z
  .object({
    components: z.object({
      schemas: z.object({
        EnrollCertificateRequest: z.object({
          properties: z.object({
            certificateName: z.object({ pattern: z.string(), minLength: z.number(), maxLength: z.number() }),
          }),
        }),
      }),
    }),
  })
  .parse(JSON.parse(readFileSync(openApiPath, 'utf8')));
const contract = openApi.components.schemas.EnrollCertificateRequest.properties.certificateName;
// JSON Schema patterns are ECMA-262 regular expressions; lengths count code points.
const pattern = new RegExp(contract.pattern);
const meetsContract = (name: string): boolean =>
  pattern.test(name) && [...name].length >= contract.minLength && [...name].length <= contract.maxLength;

describe('certificateName rules against open-api.json', () => {
  it('has the lengths of the contract', () => {
    expect([contract.minLength, contract.maxLength]).toEqual([5, 100]);
  });

  it('agrees with the contract pattern on every BMP character and a few astral ones', () => {
    const disagreements: string[] = [];
    const characters = [
      ...Array.from({ length: 0x10000 }, (_, i) => i).filter((i) => i < 0xd800 || i > 0xdfff),
      0x1f44d,
      0x10000,
    ];
    for (const code of characters) {
      const name = `abcd${String.fromCodePoint(code)}`;
      const ours = certificateNameRules(name).every((r) => r.ok);
      if (ours !== meetsContract(name)) disagreements.push(code.toString(16));
    }
    expect(disagreements).toEqual([]);
  });

  it.each([4, 5, 100, 101])('agrees with the contract at length %i', (length) => {
    const name = 'ą'.repeat(length);
    expect(certificateNameRules(name).every((r) => r.ok)).toBe(meetsContract(name));
  });
});
