import { describe, expect, it } from 'vitest';
import type { CertificateSummary } from '../../src/crypto/certificate-summary';
import {
  checkPairs,
  exportPfx,
  inspectFile,
  unlockFile,
  type InspectedFile,
  type OpenedKeyFile,
} from '../../src/crypto/check-files';
import { CryptoError, type CryptoErrorCode } from '../../src/crypto/errors';
import { readPfx } from '../../src/crypto/pkcs12';
import { FIXTURE_PASSWORD, expectedSpki, fixture } from '../support/key-fixtures';

const NOW = new Date('2026-06-01T00:00:00Z');

async function codeOf(promise: Promise<unknown>): Promise<CryptoErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  throw new Error('expected a CryptoError');
}

/** What a test can compare: the kind, the format and how many certificates came with the file. */
function shapeOf(found: InspectedFile): string {
  switch (found.kind) {
    case 'key':
    case 'locked':
      return `${found.kind} ${found.format} +${found.certificates.length}`;
    case 'certificates':
      return `certificates +${found.certificates.length}`;
    case 'csr':
      return 'csr';
  }
}

async function opened(file: string): Promise<OpenedKeyFile> {
  const found = await inspectFile(fixture(file), NOW);
  if (found.kind !== 'key') throw new Error(`${file} did not open without a password`);
  return found;
}

async function certificatesIn(file: string): Promise<readonly CertificateSummary[]> {
  const found = await inspectFile(fixture(file), NOW);
  if (found.kind !== 'certificates') throw new Error(`${file} is not a certificate file`);
  return found.certificates;
}

describe('inspectFile', () => {
  it.each([
    ['ec-p256.pkcs8.pem', 'key private-key +0'],
    ['ec-p256.cert-and-key.pem', 'key private-key +1'],
    ['ec-p256.pbes2-sha256-aes-256-cbc.pem', 'locked encrypted-private-key +0'],
    ['ec-p256.openssl3.p12', 'locked pkcs12 +0'],
    ['ec-p256.unprotected.p12', 'key pkcs12 +1'],
    ['ec-p256.cert.pem', 'certificates +1'],
    ['ec-p256.trusted-cert.pem', 'certificates +1'],
    ['rsa-2048.chain.p7b.pem', 'certificates +2'],
    ['rsa-2048.chain.p7b.der', 'certificates +2'],
    ['ec-p256.csr.pem', 'csr'],
  ])('%s: %s', async (file, shape) => {
    expect(shapeOf(await inspectFile(fixture(file), NOW))).toBe(shape);
  });

  it('opens a plain key to the key the file holds', async () => {
    expect((await opened('ec-p256.pkcs8.pem')).key.spki).toEqual(expectedSpki('ec-p256'));
  });

  it.each([
    ['an empty file', new Uint8Array(), 'empty-file'],
    ['an RC4 PFX, before any password', fixture('ec-p256.pbe-sha1-rc4.p12'), 'legacy-pfx-encryption'],
    ['a legacy encrypted PEM, before any password', fixture('ec-p256.legacy-aes256.pem'), 'legacy-pem-encryption'],
  ] as const)('refuses %s', async (_name, bytes, code) => {
    expect(await codeOf(inspectFile(bytes, NOW))).toBe(code);
  });
});

describe('unlockFile', () => {
  it('opens an encrypted key with its password, keeping the certificates found beside it', async () => {
    const found = await inspectFile(fixture('ec-p256.pbes2-sha256-aes-256-cbc.pem'), NOW);
    if (found.kind !== 'locked') throw new Error('expected a locked key');
    const key = await unlockFile(found, FIXTURE_PASSWORD, NOW);
    expect(shapeOf(key)).toBe('key encrypted-private-key +0');
    expect(key.key.spki).toEqual(expectedSpki('ec-p256'));
  });

  it('opens a PFX with its password, with the certificates inside', async () => {
    const found = await inspectFile(fixture('ec-p256.openssl3.p12'), NOW);
    if (found.kind !== 'locked') throw new Error('expected a locked PFX');
    const key = await unlockFile(found, FIXTURE_PASSWORD, NOW);
    expect(shapeOf(key)).toBe('key pkcs12 +1');
    expect(key.key.spki).toEqual(expectedSpki('ec-p256'));
  });

  it('says wrong-password for a wrong password', async () => {
    const locked = {
      format: 'encrypted-private-key',
      bytes: fixture('ec-p256.pbes2-sha256-aes-256-cbc.pem'),
      certificates: [],
    } as const;
    expect(await codeOf(unlockFile(locked, 'not-the-password', NOW))).toBe('wrong-password');
  });
});

describe('checkPairs and exportPfx', () => {
  it('answers for every entry, keeping its fields; a mismatch is a result', async () => {
    const { key } = await opened('ec-p256.pkcs8.pem');
    const [ecCertificate] = await certificatesIn('ec-p256.cert.pem');
    const [rsaCertificate] = await certificatesIn('rsa-2048.cert.pem');
    if (ecCertificate === undefined || rsaCertificate === undefined) throw new Error('fixtures without certificates');
    const pairs = await checkPairs(key, [
      { id: 'ec', certificate: ecCertificate },
      { id: 'rsa', certificate: rsaCertificate },
    ]);
    expect(pairs.map((p) => [p.id, p.certificate, p.result.match])).toEqual([
      ['ec', ecCertificate, true],
      ['rsa', rsaCertificate, false],
    ]);
  });

  it('marks the CA certificate of a PFX carrying its chain as a CA, not as a mismatch', async () => {
    const found = await inspectFile(fixture('rsa-2048.chain.p12'), NOW);
    if (found.kind !== 'locked') throw new Error('expected a locked PFX');
    const { key, certificates } = await unlockFile(found, FIXTURE_PASSWORD, NOW);
    const pairs = await checkPairs(
      key,
      certificates.map((certificate) => ({ certificate })),
    );
    expect(pairs.map((p) => [p.certificate.subjectText, p.result.match, p.ca])).toEqual([
      ['C=PL, CN=Fixture RSA 2048', true, false],
      ['C=PL, CN=Fixture CA', false, true],
    ]);
  });

  it('marks a certificate with basicConstraints cA=TRUE as a CA, and a stranger leaf as a mismatch', async () => {
    const { key } = await opened('ec-p256.pkcs8.pem');
    const [ca] = await certificatesIn('ca.cert.pem');
    const [stranger] = await certificatesIn('rsa-2048.cert.pem');
    const [own] = await certificatesIn('ec-p256.cert.pem');
    if (ca === undefined || stranger === undefined || own === undefined)
      throw new Error('fixtures without certificates');
    const pairs = await checkPairs(key, [{ certificate: own }, { certificate: ca }, { certificate: stranger }]);
    expect(pairs.map((p) => [p.result.match, p.ca])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
  });

  it("reads OpenSSL's TRUSTED CERTIFICATE as the certificate it starts with, which pairs with its key", async () => {
    const { key } = await opened('ec-p256.pkcs8.pem');
    const [trusted] = await certificatesIn('ec-p256.trusted-cert.pem');
    const [plain] = await certificatesIn('ec-p256.cert.pem');
    if (trusted === undefined || plain === undefined) throw new Error('fixtures without certificates');
    expect(trusted.sha256Fingerprint).toBe(plain.sha256Fingerprint);
    const [pair] = await checkPairs(key, [{ certificate: trusted }]);
    expect(pair?.result.match).toBe(true);
  });

  it.each(['rsa-2048.chain.p7b.pem', 'rsa-2048.chain.p7b.der'])(
    'reads the certificates of the PKCS#7 bundle %s in order; the leaf pairs with its key',
    async (file) => {
      const { key } = await opened('rsa-2048.pkcs8.pem');
      const bundle = await certificatesIn(file);
      // openssl crl2pkcs7 made the bundle from these two files, in this order.
      const separate = [...(await certificatesIn('rsa-2048.cert.pem')), ...(await certificatesIn('ca.cert.pem'))];
      expect(bundle.map((c) => c.sha256Fingerprint)).toEqual(separate.map((c) => c.sha256Fingerprint));
      const pairs = await checkPairs(
        key,
        bundle.map((certificate) => ({ certificate })),
      );
      expect(pairs.map((p) => [p.result.match, p.ca])).toEqual([
        [true, false],
        [false, true],
      ]);
    },
  );

  it('exports a PFX that opens again to the same key and certificate', async () => {
    const { key, certificates } = await opened('ec-p256.unprotected.p12');
    const [certificate] = certificates;
    if (certificate === undefined) throw new Error('fixture without a certificate');
    const pfx = await exportPfx(key, certificate, 'Export-Password-1!', 'Test');
    const reopened = await readPfx(pfx, 'Export-Password-1!');
    expect(reopened.key.spki).toEqual(key.spki);
    expect(reopened.certificates).toEqual([certificate.der]);
  });
});
