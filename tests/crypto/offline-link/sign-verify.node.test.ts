import { beforeAll, describe, expect, it } from 'vitest';
import { parsePem } from '../../../src/crypto/pem';
import { readPrivateKey } from '../../../src/crypto/private-key-reader';
import { ecdsaRawToDer } from '../../../src/crypto/ecdsa-signature';
import { OfflineLinkError, type OfflineLinkErrorCode } from '../../../src/crypto/offline-link/errors';
import { buildCertificateLink, certificateSignedString } from '../../../src/crypto/offline-link/link';
import { type CertificateLinkRequest, signCertificateLink } from '../../../src/crypto/offline-link/sign';
import { verifyCertificateLink } from '../../../src/crypto/offline-link/verify';
import { engines } from '../../support/engines';
import { type OfflineLinkCertificates, makeOfflineLinkCertificates } from '../../support/offline-link-certificates';
import { PSS_32, opensslDerFromRaw, opensslVerifies } from '../../support/kod-openssl';

const REQUEST: CertificateLinkRequest = {
  environment: 'test',
  contextType: 'Nip',
  contextValue: '1111111111',
  sellerNip: '1111111111',
  invoiceHash: 'UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE',
};

const der = (pem: string): Uint8Array => {
  const [block] = parsePem(pem);
  if (block === undefined) throw new Error('no PEM block');
  return block.der;
};
const utf8 = (text: string) => new TextEncoder().encode(text);

let certs: OfflineLinkCertificates;
beforeAll(async () => {
  certs = await makeOfflineLinkCertificates();
});

describe.each(engines)('KOD II with $name WebCrypto', ({ crypto }) => {
  it('RSA-2048: RSASSA-PSS salt 32 over the signed string, verified by openssl and by our verifier', async () => {
    const key = await readPrivateKey(utf8(certs.offlineRsa.keyPem), undefined, crypto);
    const signed = await signCertificateLink(REQUEST, key, der(certs.offlineRsa.certificatePem), { crypto });
    expect(signed.signedString).toBe(
      certificateSignedString({ ...REQUEST, certificateSerial: certs.offlineRsa.serial }),
    );
    expect(signed.signature).toHaveLength(256);
    expect(await opensslVerifies(certs.offlineRsa.certificatePem, signed.signedString, signed.signature, PSS_32)).toBe(
      true,
    );
    // The oracle can say no: another string, or the same with the https:// prefix, does not verify.
    expect(
      await opensslVerifies(
        certs.offlineRsa.certificatePem,
        `https://${signed.signedString}`,
        signed.signature,
        PSS_32,
      ),
    ).toBe(false);
    const verdict = await verifyCertificateLink(signed.url, der(certs.offlineRsa.certificatePem), { crypto });
    expect(verdict).toMatchObject({ valid: true, encoding: 'rsa-pss' });
  });

  it('EC P-256: r||s over the signed string, verified by openssl after DER conversion; DER accepted too', async () => {
    const key = await readPrivateKey(utf8(certs.offlineEc.keyPem), undefined, crypto);
    const certificate = der(certs.offlineEc.certificatePem);
    const signed = await signCertificateLink(REQUEST, key, certificate, { crypto });
    expect(signed.signature).toHaveLength(64);
    const derSignature = await opensslDerFromRaw(signed.signature);
    expect(derSignature).toEqual(ecdsaRawToDer(signed.signature));
    expect(await opensslVerifies(certs.offlineEc.certificatePem, signed.signedString, derSignature, [])).toBe(true);
    expect(await opensslVerifies(certs.offlineEc.certificatePem, `${signed.signedString}/`, derSignature, [])).toBe(
      false,
    );
    expect(await verifyCertificateLink(signed.url, certificate, { crypto })).toMatchObject({
      valid: true,
      encoding: 'ecdsa-p1363',
    });
    const fields = { ...REQUEST, certificateSerial: signed.certificateSerial };
    expect(
      await verifyCertificateLink(buildCertificateLink(fields, derSignature), certificate, { crypto }),
    ).toMatchObject({
      valid: true,
      encoding: 'ecdsa-der',
    });
    const asDer = await signCertificateLink(REQUEST, key, certificate, { crypto, ecdsaEncoding: 'der' });
    expect(await opensslVerifies(certs.offlineEc.certificatePem, asDer.signedString, asDer.signature, [])).toBe(true);
  });

  it('catches a signature made over the hash of the signed string (hashed twice)', async () => {
    for (const pair of [certs.offlineEc, certs.offlineRsa]) {
      const key = await readPrivateKey(utf8(pair.keyPem), undefined, crypto);
      const fields = { ...REQUEST, certificateSerial: pair.serial };
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(certificateSignedString(fields))));
      // The mistake of §13 #18: a pre-computed digest handed to an API that hashes again.
      const signature =
        key.keyType.kind === 'EC'
          ? await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key.privateKey, digest)
          : await crypto.subtle.sign(
              { name: 'RSA-PSS', saltLength: 32 },
              await crypto.subtle.importKey(
                'pkcs8',
                await crypto.subtle.exportKey('pkcs8', key.privateKey),
                { name: 'RSA-PSS', hash: 'SHA-256' },
                false,
                ['sign'],
              ),
              digest,
            );
      const link = buildCertificateLink(fields, new Uint8Array(signature));
      expect(await verifyCertificateLink(link, der(pair.certificatePem), { crypto })).toMatchObject({
        valid: false,
        fault: 'signature-double-hashed',
      });
    }
  });

  it('names the other known signature mistakes', async () => {
    const rsa = await readPrivateKey(utf8(certs.offlineRsa.keyPem), undefined, crypto);
    const fields = { ...REQUEST, certificateSerial: certs.offlineRsa.serial };
    const data = utf8(certificateSignedString(fields));
    const pkcs1 = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', rsa.privateKey, data));
    const certificate = der(certs.offlineRsa.certificatePem);
    const check = (signature: Uint8Array) =>
      verifyCertificateLink(buildCertificateLink(fields, signature), certificate, { crypto });
    expect(await check(pkcs1)).toMatchObject({ fault: 'signature-rsa-pkcs1' });
    const pss = await crypto.subtle.importKey(
      'pkcs8',
      await crypto.subtle.exportKey('pkcs8', rsa.privateKey),
      { name: 'RSA-PSS', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const salt0 = new Uint8Array(await crypto.subtle.sign({ name: 'RSA-PSS', saltLength: 0 }, pss, data));
    expect(await check(salt0)).toMatchObject({ fault: 'signature-rsa-pss-salt' });
    const scheme = new Uint8Array(
      await crypto.subtle.sign(
        { name: 'RSA-PSS', saltLength: 32 },
        pss,
        utf8(`https://${certificateSignedString(fields)}`),
      ),
    );
    expect(await check(scheme)).toMatchObject({ fault: 'signature-includes-scheme' });
    const flipped = Uint8Array.from(salt0);
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    expect(await check(flipped)).toMatchObject({ fault: 'signature-mismatch' });
    expect(await check(salt0.subarray(1))).toMatchObject({ fault: 'signature-malformed' });
  });
});

describe('verifier findings beyond the signature', () => {
  it('another environment, another serial, the certificate at the wrong time', async () => {
    const key = await readPrivateKey(utf8(certs.offlineEc.keyPem), undefined);
    const certificate = der(certs.offlineEc.certificatePem);
    const signed = await signCertificateLink(REQUEST, key, certificate);
    expect(await verifyCertificateLink(signed.url, certificate, { environment: 'prod' })).toMatchObject({
      fault: 'wrong-environment',
    });
    expect(await verifyCertificateLink(signed.url, der(certs.offlineRsa.certificatePem))).toMatchObject({
      fault: 'serial-mismatch',
    });
    const later = new Date(certs.issuedAt.getTime() + 800 * 86_400_000);
    expect(await verifyCertificateLink(signed.url, certificate, { now: later })).toMatchObject({
      fault: 'certificate-expired',
    });
  });
});

describe('refusals when making KOD II', () => {
  async function refusal(run: () => Promise<unknown>): Promise<OfflineLinkErrorCode | 'none' | 'other'> {
    try {
      await run();
      return 'none';
    } catch (error) {
      return error instanceof OfflineLinkError ? error.code : 'other';
    }
  }
  const day = 86_400_000;

  it('an Authentication certificate', async () => {
    const key = await readPrivateKey(utf8(certs.authenticationEc.keyPem), undefined);
    expect(await refusal(() => signCertificateLink(REQUEST, key, der(certs.authenticationEc.certificatePem)))).toBe(
      'certificate-authentication',
    );
  });

  it('an expired or not yet valid certificate', async () => {
    const key = await readPrivateKey(utf8(certs.offlineEc.keyPem), undefined);
    const certificate = der(certs.offlineEc.certificatePem);
    const at = (offsetDays: number) => ({ now: new Date(certs.issuedAt.getTime() + offsetDays * day) });
    expect(await refusal(() => signCertificateLink(REQUEST, key, certificate, at(731)))).toBe('certificate-expired');
    expect(await refusal(() => signCertificateLink(REQUEST, key, certificate, at(-2)))).toBe(
      'certificate-not-yet-valid',
    );
  });

  it('a key that does not pair', async () => {
    const other = await readPrivateKey(utf8(certs.authenticationEc.keyPem), undefined);
    expect(await refusal(() => signCertificateLink(REQUEST, other, der(certs.offlineEc.certificatePem)))).toBe(
      'key-certificate-mismatch',
    );
  });

  it('an RSA key under 2048 bits', async () => {
    const key = await readPrivateKey(utf8(certs.offlineRsa1024.keyPem), undefined);
    expect(await refusal(() => signCertificateLink(REQUEST, key, der(certs.offlineRsa1024.certificatePem)))).toBe(
      'rsa-key-too-small',
    );
  });

  it('a certificate of another environment, and a field KSeF would not accept', async () => {
    const key = await readPrivateKey(utf8(certs.offlineEc.keyPem), undefined);
    const certificate = der(certs.offlineEc.certificatePem);
    expect(await refusal(() => signCertificateLink({ ...REQUEST, environment: 'prod' }, key, certificate))).toBe(
      'certificate-other-environment',
    );
    expect(await refusal(() => signCertificateLink({ ...REQUEST, sellerNip: '1234567890' }, key, certificate))).toBe(
      'seller-nip-invalid',
    );
  });
});
