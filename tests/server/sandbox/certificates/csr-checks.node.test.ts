import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateEnrollmentData } from '../../../../src/crypto/enrollment-data';
import { buildCsr } from '../../../../src/crypto/csr';
import { generateKeyPair } from '../../../../src/crypto/keys';
import { OID } from '../../../../src/crypto/oids';
import { toBase64 } from '../../../../src/lib/bytes';
import { validateCsr } from '../../../../server/sandbox/certificates/csr-checks';
import { isSandboxError } from '../../../../server/sandbox/core/errors';
import {
  PERSON,
  PERSON_NIP,
  SEAL,
  encodeRdns,
  generateKeyPair as generateTestKeyPair,
  makeCsr,
  subjectFor,
} from '../../../support/certificates';
import { openssl, withTempDir } from '../../../support/openssl';

/**
 * The sandbox's CSR checks (docs/ksef-contract.md §5.3, §6.1) against requests made by OpenSSL, an independent
 * tool, as well as by the app's builder and by hand for what neither tool writes.
 */

type Outcome = 'accepted' | 25003 | 25004 | 25010 | 25011;

function outcomeOf(der: Uint8Array, data: CertificateEnrollmentData): Outcome {
  try {
    validateCsr(toBase64(der), data);
    return 'accepted';
  } catch (cause) {
    if (isSandboxError(cause, 'bad-request') && cause.problem.kind === 'bad-request') {
      const code = cause.problem.exceptionCode;
      if (code === 25003 || code === 25004 || code === 25010 || code === 25011) return code;
    }
    throw cause;
  }
}

/** `-subj` for `data`, in the Java SDK's order (givenName last): the sandbox must not care about order. */
function subj(
  data: CertificateEnrollmentData,
  override: Readonly<Record<string, string | null>> = {},
  extra = '',
): string {
  const names = [
    ['commonName', 'CN'],
    ['surname', 'SN'],
    ['organizationName', 'O'],
    ['organizationIdentifier', 'organizationIdentifier'],
    ['countryName', 'C'],
    ['serialNumber', 'serialNumber'],
    ['uniqueIdentifier', 'x500UniqueIdentifier'],
    ['givenName', 'GN'],
  ] as const;
  const parts = names.flatMap(([key, short]) => {
    const value = Object.hasOwn(override, key) ? override[key] : data[key];
    return value === null || value === undefined || value === '' ? [] : [`/${short}=${value}`];
  });
  return parts.join('') + extra;
}

const keys: Record<string, string> = {};

async function opensslKey(kind: string): Promise<string> {
  const args: Record<string, string[]> = {
    'EC-P256': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
    'EC-P384': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
    'RSA-1024': ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'],
    'RSA-2048': ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
    'RSA-4096': ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:4096'],
    Ed25519: ['-algorithm', 'ED25519'],
  };
  return withTempDir((dir) => openssl(['genpkey', ...(args[kind] ?? [])], { cwd: dir.path }).stdout.toString('utf8'));
}

/** `openssl req -new` with the key of `kind`, the subject `subject` and extra options, as DER. */
async function opensslCsr(
  kind: string,
  subject: string,
  options: readonly string[] = ['-sha256', '-utf8'],
): Promise<Uint8Array> {
  const key = keys[kind] ?? '';
  return withTempDir((dir) => {
    dir.write('key.pem', key);
    openssl(['req', '-new', '-key', 'key.pem', '-subj', subject, '-outform', 'DER', '-out', 'csr.der', ...options], {
      cwd: dir.path,
    });
    return dir.read('csr.der');
  });
}

function flipped(der: Uint8Array, at: number): Uint8Array {
  const copy = Uint8Array.from(der);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

/** The offset of `text`'s UTF-8 bytes in `der`. */
function offsetOf(der: Uint8Array, text: string): number {
  const needle = new TextEncoder().encode(text);
  for (let i = 0; i + needle.length <= der.length; i++) if (needle.every((b, j) => der[i + j] === b)) return i;
  throw new Error(`${text} not found`);
}

const rows: readonly (readonly [string, () => Promise<Uint8Array>, CertificateEnrollmentData, Outcome])[] = [
  // Accepted.
  ['app builder, EC P-256, person', async () => buildCsr(PERSON, await generateKeyPair('EC-P256')), PERSON, 'accepted'],
  ['app builder, RSA 2048, seal', async () => buildCsr(SEAL, await generateKeyPair('RSA-2048')), SEAL, 'accepted'],
  [
    'openssl, EC P-256, SHA-256, person in the Java SDK order',
    () => opensslCsr('EC-P256', subj(PERSON)),
    PERSON,
    'accepted',
  ],
  [
    'openssl, EC P-256, SHA-1 (docs/ksef-contract.md §6.1 allows it), person with uniqueIdentifier',
    () => opensslCsr('EC-P256', subj(PERSON_NIP), ['-sha1', '-utf8']),
    PERSON_NIP,
    'accepted',
  ],
  [
    'openssl, RSA 2048 PKCS#1 v1.5 SHA-512, seal',
    () => opensslCsr('RSA-2048', subj(SEAL), ['-sha512', '-utf8']),
    SEAL,
    'accepted',
  ],
  [
    'openssl, RSA 2048 PSS SHA-256 salt 32 (the C# SDK default), seal',
    () =>
      opensslCsr('RSA-2048', subj(SEAL), [
        '-sha256',
        '-utf8',
        '-sigopt',
        'rsa_padding_mode:pss',
        '-sigopt',
        'rsa_pss_saltlen:32',
      ]),
    SEAL,
    'accepted',
  ],
  [
    'by hand, countryName as UTF8String (the choice of string type is not compared, docs/ksef-contract.md §14)',
    async () =>
      makeCsr(
        crypto,
        await generateTestKeyPair(crypto, 'EC-P256'),
        encodeRdns(
          subjectFor(PERSON).map((a) => [a.type === OID.countryName ? { ...a, stringType: 'UTF8String' as const } : a]),
        ),
      ),
    PERSON,
    'accepted',
  ],
  // 25004: format and signature.
  [
    'openssl, a signature byte flipped',
    async () => {
      const der = await opensslCsr('EC-P256', subj(PERSON));
      return flipped(der, der.length - 10);
    },
    PERSON,
    25004,
  ],
  [
    'app builder, a subject letter changed after signing',
    async () => {
      const der = await buildCsr(PERSON_NIP, await generateKeyPair('EC-P256'));
      return flipped(der, offsetOf(der, 'Kowalski'));
    },
    PERSON_NIP,
    25004,
  ],
  [
    'by hand, CN as PrintableString with Polish letters in code-page bytes (ksef-api#655)',
    async () =>
      makeCsr(
        crypto,
        await generateTestKeyPair(crypto, 'EC-P256'),
        encodeRdns(
          subjectFor(PERSON).map((a) => [
            a.type === OID.commonName ? { ...a, stringType: 'PrintableString' as const } : a,
          ]),
        ),
      ),
    PERSON,
    25004,
  ],
  ['openssl, truncated', async () => (await opensslCsr('EC-P256', subj(PERSON))).subarray(0, 100), PERSON, 25004],
  [
    'openssl, a byte after the request',
    async () => Uint8Array.of(...(await opensslCsr('EC-P256', subj(PERSON))), 0),
    PERSON,
    25004,
  ],
  // 25003: the subject against the enrollment data.
  [
    'openssl, another CN value',
    () => opensslCsr('EC-P256', subj(PERSON, { commonName: 'RÓŻA ŻÓŁTOWSKA' })),
    PERSON,
    25003,
  ],
  ['openssl, serialNumber missing', () => opensslCsr('EC-P256', subj(PERSON, { serialNumber: null })), PERSON, 25003],
  [
    'openssl, an organizationName the person data does not have',
    () => opensslCsr('EC-P256', subj(PERSON, {}, '/O=Firma')),
    PERSON,
    25003,
  ],
  ['openssl, CN twice', () => opensslCsr('EC-P256', subj(PERSON, {}, `/CN=${PERSON.commonName}`)), PERSON, 25003],
  [
    'openssl without -utf8, Polish letters read as Latin-1',
    () => opensslCsr('EC-P256', subj(PERSON), ['-sha256']),
    PERSON,
    25003,
  ],
  [
    'openssl, an emailAddress',
    () => opensslCsr('EC-P256', subj(PERSON, {}, '/emailAddress=roza@example.com')),
    PERSON,
    25003,
  ],
  // 25010: key type and size.
  ['openssl, EC P-384', () => opensslCsr('EC-P384', subj(PERSON)), PERSON, 25010],
  ['openssl, RSA 1024', () => opensslCsr('RSA-1024', subj(PERSON)), PERSON, 25010],
  [
    'openssl, RSA 4096 (docs/ksef-contract.md §6.1: exactly 2048)',
    () => opensslCsr('RSA-4096', subj(PERSON)),
    PERSON,
    25010,
  ],
  ['openssl, Ed25519', () => opensslCsr('Ed25519', subj(PERSON), ['-utf8']), PERSON, 25010],
  // 25011: signature algorithm.
  ['openssl, RSA 2048 with MD5', () => opensslCsr('RSA-2048', subj(PERSON), ['-md5', '-utf8']), PERSON, 25011],
  [
    'by hand, ecdsa-with-SHA256 with a NULL parameter',
    async () =>
      makeCsr(crypto, await generateTestKeyPair(crypto, 'EC-P256'), encodeRdns(subjectFor(PERSON).map((a) => [a])), {
        ecdsaNullParameters: true,
      }),
    PERSON,
    25011,
  ],
];

describe('the sandbox CSR checks (docs/ksef-contract.md §6.1)', () => {
  beforeAll(async () => {
    for (const kind of ['EC-P256', 'EC-P384', 'RSA-1024', 'RSA-2048', 'RSA-4096', 'Ed25519'])
      keys[kind] = await opensslKey(kind);
  }, 60_000);

  it.each(rows)('%s', async (_, make, data, expected) => {
    expect(outcomeOf(await make(), data)).toBe(expected);
  });

  it('25004 for text that is not base64 or is empty', () => {
    for (const text of ['!!not base64!!', ''])
      expect(() => validateCsr(text, PERSON)).toThrow(/Niepoprawny format CSR/);
  });

  it('returns the exact subjectPublicKeyInfo of an accepted request', async () => {
    const keyPair = await generateKeyPair('EC-P256');
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keyPair.publicKey));
    expect(validateCsr(toBase64(await buildCsr(PERSON, keyPair)), PERSON).subjectPublicKeyInfo).toEqual(spki);
  });
});
