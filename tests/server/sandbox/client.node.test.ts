import { describe, expect, it } from 'vitest';
import { buildAuthTokenRequest } from '../../../src/crypto/auth-token-request';
import { buildCsr, csrToBase64 } from '../../../src/crypto/csr';
import { generateKeyPair } from '../../../src/crypto/keys';
import { checkPair } from '../../../src/crypto/pair';
import { signAuthTokenRequest } from '../../../src/crypto/xades-sign';
import { fromBase64 } from '../../../src/lib/bytes';
import { createKsefClient } from '../../../src/ksef/client';
import { KsefError } from '../../../src/ksef/errors';
import { pollAuthStatus, pollEnrollmentStatus } from '../../../src/ksef/polling';
import { createTokenStore } from '../../../src/ksef/token-store';
import { loadedKey } from '../../support/certificates';
import { BASE, NIP, ORIGIN, PERSON, createSandboxHarness, testSigner } from '../../support/sandbox-harness';

/**
 * The app's own KSeF client (src/ksef) against the sandbox, through the harness so every exchange is
 * still checked against `open-api.json`. The client sends `X-Error-Format: problem-details`, so this
 * also runs the Problem Details side of the sandbox.
 */
describe('the app client against the sandbox', () => {
  it('signs in, enrolls, retrieves, revokes and signs out; refreshes after 401; waits out an injected 429', async () => {
    const h = createSandboxHarness();
    const recordingFetch: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const body = request.method === 'GET' || request.method === 'DELETE' ? undefined : await request.text();
      const reply = await h.call(request.method, `${url.pathname.slice(BASE.length)}${url.search}`, {
        headers: Object.fromEntries(request.headers),
        ...(body === undefined || body === '' ? {} : { body }),
      });
      return new Response(reply.status === 204 ? null : reply.text, { status: reply.status, headers: reply.headers });
    };
    const sleep = (ms: number) => {
      h.clock.advance(ms);
      return Promise.resolve();
    };
    const client = createKsefClient({
      baseUrl: `${ORIGIN}${BASE}`,
      fetch: recordingFetch,
      sleep,
      now: () => h.clock.now(),
    });
    const signer = await testSigner(PERSON);

    const { challenge } = await client.requestChallenge();
    const signed = await signAuthTokenRequest(
      buildAuthTokenRequest({ challenge, context: { type: 'Nip', value: NIP } }),
      signer,
    );
    const init = await client.submitXadesSignature(signed);
    const seen: number[] = [];
    await pollAuthStatus(client, init.referenceNumber, init.authenticationToken.token, {
      sleep,
      now: () => h.clock.now(),
      onProgress: (s) => seen.push(s.status.code),
    });
    expect(seen).toEqual([100, 200]);
    const session = createTokenStore(await client.redeemTokens(init.authenticationToken.token));
    const again = await client.redeemTokens(init.authenticationToken.token).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(KsefError);
    expect(again instanceof KsefError ? again.exceptions.map((e) => e.code) : []).toEqual([21301]);

    const data = await client.getEnrollmentData(session);
    const keyPair = await generateKeyPair('EC-P256');
    const enrolled = await client.enrollCertificate(session, {
      certificateName: 'Z aplikacji',
      certificateType: 'Authentication',
      csr: csrToBase64(await buildCsr(data, keyPair)),
    });
    const issued = await pollEnrollmentStatus(client, session, enrolled.referenceNumber, {
      sleep,
      now: () => h.clock.now(),
    });

    h.control.injectFault({ operation: 'POST /certificates/retrieve', status: 429, retryAfterSeconds: 2 });
    const before = h.clock.now().getTime();
    const { certificates } = await client.retrieveCertificates(session, {
      certificateSerialNumbers: [issued.certificateSerialNumber],
    });
    expect(h.clock.now().getTime() - before).toBeGreaterThanOrEqual(2000);
    const der = fromBase64(certificates[0]?.certificate ?? '');
    expect(der).not.toBeNull();
    expect(await checkPair(await loadedKey(crypto, keyPair), der ?? new Uint8Array())).toEqual({ match: true });

    // The access token lives 15 minutes; the client refreshes it on the 401 and repeats the call.
    h.clock.advance(16 * 60_000);
    const list = await client.queryCertificates(session, { certificateSerialNumber: issued.certificateSerialNumber });
    expect(list.certificates.map((c) => c.status)).toEqual(['Active']);

    await client.revokeCertificate(session, issued.certificateSerialNumber, { revocationReason: 'Superseded' });
    const revokedAgain = await client
      .revokeCertificate(session, issued.certificateSerialNumber)
      .catch((error: unknown) => error);
    expect(revokedAgain instanceof KsefError ? revokedAgain.exceptions.map((e) => e.code) : []).toEqual([25009]);
    await client.endCurrentSession(session);
    h.expectContract();
  });
});
