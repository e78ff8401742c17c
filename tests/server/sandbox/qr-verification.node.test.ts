import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateKeyPair } from '../../../src/crypto/keys';
import { QR_HOSTS, buildCertificateLink, parseCertificateLink } from '../../../src/crypto/offline-link/link';
import { signCertificateLink } from '../../../src/crypto/offline-link/sign';
import { SANDBOX_QR_PREFIX } from '../../../server/sandbox/qr-verification';
import { REVOCATION_BLOCKED_MS } from '../../../server/sandbox/core/state';
import { loadedKey } from '../../support/certificates';
import { PSS_32, opensslDerFromRaw, opensslVerifies } from '../../support/kod-openssl';
import {
  NIP,
  ORIGIN,
  PERSON,
  type SandboxHarness,
  type TestSigner,
  createSandboxHarness,
  testSigner,
} from '../../support/sandbox-harness';

const verdictSchema = z.union([
  z.object({ valid: z.literal(true) }).strict(),
  z.object({ valid: z.literal(false), reason: z.string() }).strict(),
]);

let person: TestSigner;
let h: SandboxHarness;

beforeAll(async () => {
  person = await testSigner(PERSON);
});
beforeEach(() => {
  h = createSandboxHarness();
});

/** What the sandbox's verification answers for a link: the path after the QR host, under `/api/sandbox/qr`. */
async function check(link: string, method = 'GET'): Promise<z.infer<typeof verdictSchema> | number> {
  const prefix = `https://${QR_HOSTS.sandbox}`;
  const path = link.startsWith(prefix) ? link.slice(prefix.length) : link;
  const response = await h.sandbox.handle(new Request(new URL(`${SANDBOX_QR_PREFIX}${path}`, ORIGIN), { method }));
  if (response.status !== 200) return response.status;
  return verdictSchema.parse(await response.json());
}

/** An offline invoice's round trip: a certificate from the sandbox, KOD II signed with its key, checked by the sandbox. */
async function offlineLink(type: 'Offline' | 'Authentication', algorithm: 'EC-P256' | 'RSA-2048' = 'EC-P256') {
  const session = await h.signIn(person, { context: { type: 'Nip', value: NIP } });
  const keyPair = await generateKeyPair(algorithm);
  const issued = await h.obtainCertificate(session.accessToken, keyPair, type);
  const key = await loadedKey(globalThis.crypto, keyPair);
  const request = {
    environment: 'sandbox',
    contextType: 'Nip',
    contextValue: NIP,
    sellerNip: NIP,
    invoiceHash: 'UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE',
  } as const;
  return { session, issued, key, request };
}

describe('GET /api/sandbox/qr/certificate/... checks KOD II as KSeF does', () => {
  it.each(['EC-P256', 'RSA-2048'] as const)(
    'a link signed with a sandbox Offline certificate (%s) is valid',
    async (algorithm) => {
      const { issued, key, request } = await offlineLink('Offline', algorithm);
      const signed = await signCertificateLink(request, key, issued.der, { now: h.clock.now() });
      expect(signed.certificateSerial).toBe(issued.serial);
      expect(await check(signed.url)).toEqual({ valid: true });
      // openssl, with the sandbox certificate's public key, accepts the signature over the signed string.
      const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(issued.der).toString('base64')}\n-----END CERTIFICATE-----\n`;
      const opensslSignature = algorithm === 'RSA-2048' ? signed.signature : await opensslDerFromRaw(signed.signature);
      const options = algorithm === 'RSA-2048' ? PSS_32 : [];
      expect(await opensslVerifies(pem, signed.signedString, opensslSignature, options)).toBe(true);
      expect(await opensslVerifies(pem, `${signed.signedString}x`, opensslSignature, options)).toBe(false);
    },
  );

  it('refuses a revoked certificate, then an expired one', async () => {
    const { session, issued, key, request } = await offlineLink('Offline');
    const signed = await signCertificateLink(request, key, issued.der, { now: h.clock.now() });
    const revoke = await h.call('POST', `/certificates/${issued.serial}/revoke`, {
      token: session.accessToken,
      body: { revocationReason: 'KeyCompromise' },
    });
    expect(revoke.status).toBe(204);
    // Being revoked, it is already refused; five minutes later it reads revoked for good.
    expect(await check(signed.url)).toEqual({ valid: false, reason: 'certificate-blocked' });
    h.clock.advance(REVOCATION_BLOCKED_MS);
    expect(await check(signed.url)).toEqual({ valid: false, reason: 'certificate-revoked' });

    const second = await offlineLink('Offline');
    const link = (await signCertificateLink(second.request, second.key, second.issued.der, { now: h.clock.now() })).url;
    h.clock.advance(3 * 366 * 24 * 3_600_000);
    expect(await check(link)).toEqual({ valid: false, reason: 'certificate-expired' });
  });

  it('refuses an unknown serial, an Authentication certificate, a changed hash and a malformed link', async () => {
    const { issued, key, request } = await offlineLink('Offline');
    const signed = await signCertificateLink(request, key, issued.der, { now: h.clock.now() });
    const parsed = parseCertificateLink(signed.url);
    if (!parsed.ok) throw new Error(parsed.fault);

    const unknown = buildCertificateLink(
      { ...parsed.link, certificateSerial: '0123456789ABCDEF' },
      parsed.link.signature,
    );
    expect(await check(unknown)).toEqual({ valid: false, reason: 'certificate-not-found' });

    const otherHash = buildCertificateLink(
      { ...parsed.link, invoiceHash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      parsed.link.signature,
    );
    expect(await check(otherHash)).toEqual({ valid: false, reason: 'signature-mismatch' });

    // Signed by the sandbox's Authentication certificate's key: the app refuses to make it, so build it by hand.
    const auth = await offlineLink('Authentication');
    const authLink = buildCertificateLink(
      { ...parsed.link, certificateSerial: auth.issued.serial },
      parsed.link.signature,
    );
    expect(await check(authLink)).toEqual({ valid: false, reason: 'certificate-authentication' });

    expect(await check(`${signed.url}/`)).toEqual({ valid: false, reason: 'trailing-slash' });
    expect(await check(signed.url.replace(issued.serial, issued.serial.toLowerCase()))).toEqual({
      valid: false,
      reason: 'serial-invalid',
    });
    expect(await check(signed.url, 'POST')).toBe(405);
  });

  it('a link signed for TEST does not verify in the sandbox (the host is signed)', async () => {
    const { issued, key, request } = await offlineLink('Offline');
    const signed = await signCertificateLink(request, key, issued.der, { now: h.clock.now() });
    const parsed = parseCertificateLink(signed.url);
    if (!parsed.ok) throw new Error(parsed.fault);
    const testSigned = await globalThis.crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      key.privateKey,
      new TextEncoder().encode(parsed.link.signedString.replace(QR_HOSTS.sandbox, QR_HOSTS.test)),
    );
    const link = buildCertificateLink(parsed.link, new Uint8Array(testSigned));
    expect(await check(link)).toEqual({ valid: false, reason: 'signature-mismatch' });
  });
});
