import { describe, expect, it } from 'vitest';
import { issueCertificate, type CertificateTemplate } from '../../src/crypto/certificate-builder';
import { readCertificate } from '../../src/crypto/certificate-reader';
import { buildSubject, encodeName } from '../../src/crypto/distinguished-name';
import { CryptoError } from '../../src/crypto/errors';
import { generateKeyPair } from '../../src/crypto/keys';
import { classifyCertificate } from '../../src/crypto/ksef-profile';
import { engines } from '../support/engines';

const SERIAL = Uint8Array.of(0x01, 0xf2, 0x0a, 0x5d, 0x35, 0x2a, 0xe5, 0x90);
const NOW = new Date('2026-11-21T10:00:00Z');

async function template(
  crypto: Crypto,
  keyPair: CryptoKeyPair,
  overrides: Partial<CertificateTemplate> = {},
): Promise<CertificateTemplate> {
  const name = encodeName(
    buildSubject({
      commonName: 'Jan Kowalski (uwierzytelnienie)',
      countryName: 'PL',
      surname: 'Kowalski',
      givenName: 'Jan',
      serialNumber: 'TINPL-5265877635',
    }),
  );
  return {
    serialNumber: SERIAL,
    issuer: name,
    subject: name,
    notBefore: new Date('2026-11-21T09:00:00Z'),
    notAfter: new Date('2028-11-21T09:00:00Z'),
    subjectPublicKeyInfo: new Uint8Array(await crypto.subtle.exportKey('spki', keyPair.publicKey)),
    keyUsage: ['digitalSignature'],
    ...overrides,
  };
}

describe.each(engines)('issueCertificate ($name)', ({ crypto }) => {
  it.each(['EC-P256', 'RSA-2048'] as const)(
    'issues a self-signed %s certificate our reader accepts',
    async (algorithm) => {
      const keyPair = await generateKeyPair(algorithm, crypto);
      const der = await issueCertificate(await template(crypto, keyPair), keyPair.privateKey, crypto);
      const summary = await readCertificate(der, NOW, crypto);
      expect(summary.selfSigned).toBe(true);
      expect(summary.serialHex).toBe('01F20A5D352AE590');
      expect(summary.keyUsage).toEqual(['digitalSignature']);
      // The KSeF suffix makes it read as KSeF; no KSeF issuer or CRL names the environment.
      expect(classifyCertificate(summary)).toEqual({ kind: 'ksef', purpose: 'Authentication', environment: 'unknown' });
      expect(summary.notBefore.toISOString()).toBe('2026-11-21T09:00:00.000Z');
      expect(summary.notAfter.toISOString()).toBe('2028-11-21T09:00:00.000Z');
      expect(summary.keyType).toEqual(
        algorithm === 'EC-P256' ? { kind: 'EC', curve: 'P-256' } : { kind: 'RSA', modulusBits: 2048 },
      );
    },
  );

  it('writes nonRepudiation for Offline and GeneralizedTime from 2050', async () => {
    const keyPair = await generateKeyPair('EC-P256', crypto);
    const der = await issueCertificate(
      await template(crypto, keyPair, { keyUsage: ['nonRepudiation'], notAfter: new Date('2051-01-01T00:00:00Z') }),
      keyPair.privateKey,
      crypto,
    );
    const summary = await readCertificate(der, NOW, crypto);
    expect(summary.keyUsage).toEqual(['nonRepudiation']);
    expect(summary.notAfter.toISOString()).toBe('2051-01-01T00:00:00.000Z');
  });

  it.each([
    ['an empty serial', { serialNumber: new Uint8Array() }],
    ['a negative serial', { serialNumber: Uint8Array.of(0x80, 1) }],
    ['notAfter before notBefore', { notAfter: new Date('2020-01-01T00:00:00Z') }],
  ])('refuses %s', async (_name, overrides) => {
    const keyPair = await generateKeyPair('EC-P256', crypto);
    const error = await issueCertificate(await template(crypto, keyPair, overrides), keyPair.privateKey, crypto).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CryptoError);
    expect(error).toMatchObject({ code: 'invalid-argument' });
  });

  it('refuses an issuer key KSeF would not accept', async () => {
    const p384 = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, false, ['sign', 'verify']);
    const keyPair = await generateKeyPair('EC-P256', crypto);
    await expect(issueCertificate(await template(crypto, keyPair), p384.privateKey, crypto)).rejects.toMatchObject({
      code: 'invalid-argument',
    });
  });
});
