import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../src/crypto/csr';
import type { CertificateEnrollmentData } from '../../src/crypto/enrollment-data';
import { generateKeyPair, PERSON, PERSON_NIP, SEAL, SEAL_UID, subjectFor } from '../support/certificates';
import { engines } from '../support/engines';
import { NAMEOPT, openssl, parseOpensslName, withTempDir } from '../support/openssl-x509';

const DATA: [string, CertificateEnrollmentData][] = [
  ['person (PESEL)', PERSON],
  ['person (NIP) with uniqueIdentifier', PERSON_NIP],
  ['seal', SEAL],
  ['seal with uniqueIdentifier', SEAL_UID],
];

const OPENSSL_TYPES = { UTF8String: 'UTF8STRING', PrintableString: 'PRINTABLESTRING' } as const;

describe.each(engines)('buildCsr checked by openssl ($name)', ({ crypto }) => {
  it.each(['EC-P256', 'RSA-2048'] as const)(
    '%s requests verify and carry exactly the enrollment data',
    async (kind) => {
      const keyPair = await generateKeyPair(crypto, kind);
      await withTempDir(async (dir) => {
        for (const [label, data] of DATA) {
          const file = dir.write(`${label}.der`, await buildCsr(data, keyPair, crypto));

          const verify = openssl(['req', '-inform', 'DER', '-in', file, '-verify', '-noout']);
          expect(verify.stderr + verify.stdout).toContain('verify OK');

          const subject = openssl(['req', '-inform', 'DER', '-in', file, '-noout', '-subject', '-nameopt', NAMEOPT]);
          const expected = subjectFor(data).map((a) => [
            a.type,
            OPENSSL_TYPES[a.stringType === 'PrintableString' ? 'PrintableString' : 'UTF8String'],
            a.value,
          ]);
          expect(parseOpensslName(subject.stdout), label).toEqual(expected);

          const rfc2253 = openssl([
            'req',
            '-inform',
            'DER',
            '-in',
            file,
            '-noout',
            '-subject',
            '-nameopt',
            'RFC2253,utf8,-esc_msb',
          ]);
          expect(rfc2253.stdout).toContain(`CN=${data.commonName}`);

          const asn1 = openssl(['asn1parse', '-inform', 'DER', '-in', file]).stdout;
          const lines = asn1.split('\n').map((l) => l.replace(/^\s*\d+:/, '').trim());
          expect(lines[2]).toMatch(/^d=2\s+hl=2 l=\s+1 prim: INTEGER\s+:00$/);
          expect(lines.filter((l) => l.includes('cont [ 0 ]'))).toEqual([
            expect.stringMatching(/d=2\s+hl=2 l=\s+0 cons: cont \[ 0 \]/),
          ]);
          const strings = lines.filter((l) =>
            /prim: (UTF8STRING|PRINTABLESTRING|BMPSTRING|T61STRING|IA5STRING)/.test(l),
          );
          expect(
            strings.map((l) => (l.includes('PRINTABLESTRING') ? 'P' : l.includes('UTF8STRING') ? 'U' : 'other')),
          ).toEqual(subjectFor(data).map((a) => (a.stringType === 'PrintableString' ? 'P' : 'U')));
          const algorithm = lines.findIndex((l, i) => i > 2 && /^d=1 .*cons: SEQUENCE/.test(l));
          if (kind === 'EC-P256') {
            expect(lines[algorithm + 1]).toMatch(/prim: OBJECT\s+:ecdsa-with-SHA256$/);
            expect(lines[algorithm + 2]).toMatch(/^d=1 .*prim: BIT STRING/); // no NULL parameter (RFC 5758)
          } else {
            expect(lines[algorithm + 1]).toMatch(/prim: OBJECT\s+:sha256WithRSAEncryption$/);
            expect(lines[algorithm + 2]).toMatch(/prim: NULL/);
          }
        }
      });
    },
  );
});
