import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkRevocation,
  crlFreshness,
  findRevocation,
  MAX_CRL_BYTES,
  readCrl,
  verifyCrlSignature,
} from '../../src/crypto/crl';
import { CryptoError, isCryptoError } from '../../src/crypto/errors';
import { parsePem } from '../../src/crypto/pem';
import { openssl, withTempDir, type TempDir } from '../support/openssl';

/*
 * CRLs made by `openssl ca -gencrl` (an independent implementation of RFC 5280 §5), read by ours and
 * compared with what `openssl crl -text` says of the same file.
 */

const CA_CONFIG = `[ ca ]
default_ca = test_ca
[ test_ca ]
dir = .
database = ./index.txt
crlnumber = ./crlnumber
default_md = sha256
default_crl_days = 7
[ crl_ext ]
authorityKeyIdentifier = keyid:always
`;

interface Made {
  readonly crlPem: string;
  readonly crlDer: Uint8Array;
  readonly caDer: Uint8Array;
  /** Same name as the CA, another key. */
  readonly impostorDer: Uint8Array;
  /** Another name and key. */
  readonly otherCaDer: Uint8Array;
  /** `openssl crl -text -noout`. */
  readonly text: string;
}

const KEYS = {
  'EC P-256': ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  'RSA 2048': ['-newkey', 'rsa:2048'],
} as const;

function makeCa(dir: TempDir, name: string, subject: string, key: readonly string[]): Uint8Array {
  const run = (args: string[]) => openssl(args, { cwd: dir.path });
  run([
    'req',
    '-x509',
    ...key,
    '-nodes',
    '-days',
    '30',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.pem`,
    '-subj',
    subject,
  ]);
  run(['x509', '-in', `${name}.pem`, '-outform', 'DER', '-out', `${name}.der`]);
  return dir.read(`${name}.der`);
}

function makeCrl(key: readonly string[]): Promise<Made> {
  return withTempDir((dir) => {
    const run = (args: string[]) => openssl(args, { cwd: dir.path });
    dir.write('ca.cnf', CA_CONFIG);
    dir.write('index.txt', '');
    dir.write('crlnumber', '01\n');
    const subject = '/C=PL/O=Test/CN=TEST CRL CA';
    const caDer = makeCa(dir, 'ca', subject, key);
    const impostorDer = makeCa(dir, 'impostor', subject, key);
    const otherCaDer = makeCa(dir, 'other', '/C=PL/O=Test/CN=OTHER CA', key);
    run(['req', '-new', ...KEYS['EC P-256'], '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=leaf']);
    const ca = ['-config', 'ca.cnf', '-keyfile', 'ca.key', '-cert', 'ca.pem'];
    const leaf = (serial: string, file: string) =>
      run([
        'x509',
        '-req',
        '-in',
        'leaf.csr',
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-set_serial',
        serial,
        '-out',
        file,
      ]);
    leaf('0x0123456789ABCDEF', 'compromised.pem');
    leaf('0x00FEDCBA98765432', 'plain.pem');
    leaf('0x1111111111111111', 'superseded.pem');
    run(['ca', ...ca, '-revoke', 'compromised.pem', '-crl_reason', 'keyCompromise']);
    run(['ca', ...ca, '-revoke', 'plain.pem']);
    run(['ca', ...ca, '-revoke', 'superseded.pem', '-crl_reason', 'superseded']);
    run(['ca', ...ca, '-gencrl', '-crlexts', 'crl_ext', '-out', 'crl.pem']);
    run(['crl', '-in', 'crl.pem', '-outform', 'DER', '-out', 'crl.der']);
    const text = run(['crl', '-in', 'crl.pem', '-text', '-noout']).stdout.toString('utf8');
    return {
      crlPem: new TextDecoder().decode(dir.read('crl.pem')),
      crlDer: dir.read('crl.der'),
      caDer,
      impostorDer,
      otherCaDer,
      text,
    };
  });
}

/** openssl's "Dec  9 11:27:34 2026 GMT" as a Date. */
const opensslDate = (text: string, label: string): Date => {
  const value = new RegExp(`${label}: (.+ GMT)`).exec(text)?.[1];
  if (value === undefined) throw new Error(`openssl printed no ${label}`);
  return new Date(value);
};

describe.each(Object.entries(KEYS))('a CRL of an %s CA made by openssl ca -gencrl', (_name, key) => {
  let made: Made;
  beforeAll(async () => {
    made = await makeCrl(key);
  }, 60_000);

  it('reads DER and PEM alike, with the dates and serials openssl prints', () => {
    const der = readCrl(made.crlDer);
    const pem = readCrl(new TextEncoder().encode(made.crlPem));
    expect(pem.entries).toEqual(der.entries);
    expect(der.thisUpdate).toEqual(opensslDate(made.text, 'Last Update'));
    expect(der.nextUpdate).toEqual(opensslDate(made.text, 'Next Update'));
    const opensslSerials = [...made.text.matchAll(/Serial Number: ([0-9A-F]+)/g)].map((m) => m[1]);
    expect(der.entries.map((e) => e.serialHex).sort()).toEqual(opensslSerials.sort());
    expect(der.entries.map((e) => e.serialHex).sort()).toEqual([
      '0123456789ABCDEF',
      '1111111111111111',
      'FEDCBA98765432',
    ]);
  });

  it('finds each serial with its reason and date, and none that was not revoked', () => {
    const crl = readCrl(made.crlDer);
    expect(findRevocation(crl, '0123456789ABCDEF')).toMatchObject({ reason: 'keyCompromise' });
    expect(findRevocation(crl, '1111111111111111')).toMatchObject({ reason: 'superseded' });
    // openssl writes no reason extension without -crl_reason; lower case and a leading zero still find it.
    expect(findRevocation(crl, '00fedcba98765432')).toMatchObject({ serialHex: 'FEDCBA98765432', reason: null });
    expect(findRevocation(crl, '0123456789ABCDEE')).toBeNull();
    const revocationDate = findRevocation(crl, '0123456789ABCDEF')?.revocationDate;
    expect(revocationDate).toEqual(opensslDate(made.text, 'Revocation Date'));
  });

  it('verifies the signature with the issuer certificate, and openssl agrees', async () => {
    const crl = readCrl(made.crlDer);
    expect(await verifyCrlSignature(crl, made.caDer)).toBe('valid');
    await withTempDir((dir) => {
      dir.write('crl.der', made.crlDer);
      dir.write('ca.der', made.caDer);
      openssl(['x509', '-inform', 'DER', '-in', 'ca.der', '-out', 'ca.pem'], { cwd: dir.path });
      const verified = openssl(['crl', '-inform', 'DER', '-in', 'crl.der', '-CAfile', 'ca.pem', '-noout'], {
        cwd: dir.path,
      });
      expect(verified.stderr).toContain('verify OK');
    });
  });

  it('says invalid for a tampered signature or a tampered entry, and openssl refuses both', async () => {
    const signatureFlipped = Uint8Array.from(made.crlDer);
    const last = signatureFlipped.length - 5;
    signatureFlipped[last] = (signatureFlipped[last] ?? 0) ^ 0x01;
    const entryFlipped = Uint8Array.from(made.crlDer);
    const serialAt = indexOf(entryFlipped, Uint8Array.of(0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef));
    entryFlipped[serialAt + 7] = 0xee;
    for (const tampered of [signatureFlipped, entryFlipped]) {
      expect(await verifyCrlSignature(readCrl(tampered), made.caDer)).toBe('invalid');
      await withTempDir((dir) => {
        dir.write('crl.der', tampered);
        dir.write('ca.der', made.caDer);
        openssl(['x509', '-inform', 'DER', '-in', 'ca.der', '-out', 'ca.pem'], { cwd: dir.path });
        const result = openssl(['crl', '-inform', 'DER', '-in', 'crl.der', '-CAfile', 'ca.pem', '-noout'], {
          cwd: dir.path,
          allowFailure: true,
        });
        expect(result.stderr).not.toContain('verify OK');
      });
    }
    expect(findRevocation(readCrl(entryFlipped), '0123456789ABCDEE')).not.toBeNull();
  });

  it('says wrong-issuer for another CA, invalid for one of the same name and another key, and says when none was given', async () => {
    const crl = readCrl(made.crlDer);
    expect(await verifyCrlSignature(crl, made.otherCaDer)).toBe('wrong-issuer');
    expect(await verifyCrlSignature(crl, made.impostorDer)).toBe('invalid');
    expect(await verifyCrlSignature(crl, null)).toBe('no-issuer-certificate');
  });

  it('is current between thisUpdate and nextUpdate, stale after it, not yet valid before', () => {
    const crl = readCrl(made.crlDer);
    const nextUpdate = crl.nextUpdate ?? new Date(Number.NaN);
    expect(crlFreshness(crl, new Date(crl.thisUpdate.getTime() + 1000))).toBe('current');
    expect(crlFreshness(crl, new Date(nextUpdate.getTime() + 1000))).toBe('stale');
    expect(crlFreshness(crl, new Date(crl.thisUpdate.getTime() - 60_000))).toBe('not-yet-valid');
  });

  it('checkRevocation puts it together', async () => {
    const crl = readCrl(made.crlDer);
    const stale = new Date((crl.nextUpdate?.getTime() ?? 0) + 86_400_000);
    const check = await checkRevocation(made.crlDer, '0123456789ABCDEF', { issuerCertificate: made.caDer, now: stale });
    expect(check).toMatchObject({ signature: 'valid', freshness: 'stale', revoked: { reason: 'keyCompromise' } });
    const other = await checkRevocation(made.crlDer, '2222222222222222', {
      issuerCertificate: null,
      now: crl.thisUpdate,
    });
    expect(other).toMatchObject({ signature: 'no-issuer-certificate', freshness: 'current', revoked: null });
  });

  it('refuses a certificate, PEM without a CRL, and a CRL cut short, each with its own code', () => {
    const certificatePem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(made.caDer).toString('base64')}\n-----END CERTIFICATE-----\n`;
    expect(parsePem(certificatePem)).toHaveLength(1);
    expectCode(() => readCrl(made.caDer), 'not-a-crl');
    expectCode(() => readCrl(new TextEncoder().encode(certificatePem)), 'not-a-crl');
    expectCode(() => readCrl(made.crlDer.subarray(0, made.crlDer.length - 10)), 'corrupt-file');
  });
});

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const at = Buffer.from(haystack).indexOf(Buffer.from(needle));
  if (at < 0) throw new Error('needle not found');
  return at;
}

function expectCode(run: () => unknown, code: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(isCryptoError(thrown) ? thrown.code : thrown).toBe(code);
}

describe('garbage', () => {
  it.each([
    ['no bytes', new Uint8Array(), 'empty-file'],
    ['text', new TextEncoder().encode('<html>Not found</html>'), 'unrecognized-file'],
    ['a JSON error from the relay', new TextEncoder().encode('{"error":"not-found"}'), 'unrecognized-file'],
    ['a DER SEQUENCE of nothing', Uint8Array.of(0x30, 0x00), 'not-a-crl'],
    ['a DER length past the end', Uint8Array.of(0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x00), 'corrupt-file'],
    [
      'PEM with broken base64',
      new TextEncoder().encode('-----BEGIN X509 CRL-----\n!!!\n-----END X509 CRL-----\n'),
      'corrupt-file',
    ],
    ['more than the cap', new Uint8Array(MAX_CRL_BYTES + 1).fill(0x30), 'crl-too-large'],
  ] as const)('%s: %s', (_name, bytes, code) => {
    expectCode(() => readCrl(bytes), code);
  });
});

describe('damaged and random bytes (fast-check)', () => {
  let made: Made;
  beforeAll(async () => {
    made = await makeCrl(KEYS['EC P-256']);
  }, 60_000);

  /** A result, or a CryptoError with a code: never a TypeError, never a hang. */
  async function settles(bytes: Uint8Array): Promise<void> {
    try {
      const crl = readCrl(bytes);
      expect(await verifyCrlSignature(crl, made.caDer)).toMatch(/^(valid|invalid|wrong-issuer|unsupported-algorithm)$/);
      findRevocation(crl, '0123456789ABCDEF');
    } catch (error) {
      if (!(error instanceof CryptoError)) throw error;
    }
  }

  it('a CRL with bits flipped or cut short is read or refused with a code', async () => {
    const bytes = made.crlDer;
    const flips = fc
      .array(fc.record({ index: fc.nat({ max: bytes.length - 1 }), bit: fc.integer({ min: 0, max: 7 }) }), {
        minLength: 1,
        maxLength: 3,
      })
      .map((list) => {
        const copy = bytes.slice();
        for (const { index, bit } of list) copy[index] = (copy[index] ?? 0) ^ (1 << bit);
        return copy;
      });
    const truncations = fc.nat({ max: bytes.length - 1 }).map((length) => bytes.slice(0, length));
    await fc.assert(fc.asyncProperty(fc.oneof(flips, truncations), settles), { numRuns: 300 });
  });

  it('random bytes, and random bytes behind a SEQUENCE tag, are refused with a code', async () => {
    const random = fc.uint8Array({ maxLength: 512 });
    const sequence = fc.uint8Array({ maxLength: 512 }).map((b) => Uint8Array.of(0x30, ...b));
    await fc.assert(fc.asyncProperty(fc.oneof(random, sequence), settles), { numRuns: 300 });
  });
});
