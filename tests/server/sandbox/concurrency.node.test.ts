import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildCsr, csrToBase64 } from '../../../src/crypto/csr';
import { generateKeyPair } from '../../../src/crypto/keys';
import {
  PERSON,
  type Reply,
  type SandboxHarness,
  type SignedIn,
  type TestSigner,
  createSandboxHarness,
  exceptionCodes,
  testSigner,
} from '../../support/sandbox-harness';

/**
 * Check-then-act on limits, keys and challenges under concurrent requests: the sandbox awaits while
 * it signs a certificate or verifies a signature, and every check that guards a write must hold
 * across that await (regression: 10 enrollments at once with one key all got certificates, a limit
 * of 6 let 7-8 through).
 */
const accepted = z.object({ referenceNumber: z.string() });

let person: TestSigner;
let h: SandboxHarness;
let session: SignedIn;

beforeAll(async () => {
  person = await testSigner(PERSON);
});

beforeEach(async () => {
  h = createSandboxHarness({ timing: { enrollmentDelayMs: 0, enrollmentPendingPolls: 0 } });
  session = await h.signIn(person);
});

/** Sends every request at once and waits for all the answers. */
async function together(csrs: readonly string[]): Promise<Reply[]> {
  return Promise.all(
    csrs.map((csr, i) =>
      h.call('POST', '/certificates/enrollments', {
        token: session.accessToken,
        body: { certificateName: `Certyfikat ${i}`, certificateType: 'Authentication', csr },
      }),
    ),
  );
}

/** How the accepted enrollments ended: serials of the certificates issued, and the other status codes. */
async function outcomes(replies: readonly Reply[]): Promise<{ serials: string[]; failed: number[] }> {
  const serials: string[] = [];
  const failed: number[] = [];
  for (const reply of replies.filter((r) => r.status === 202)) {
    const status = await h.pollEnrollment(session.accessToken, accepted.parse(reply.json()).referenceNumber);
    if (status.code === 200 && status.serial !== undefined) serials.push(status.serial);
    else failed.push(status.code);
  }
  return { serials, failed };
}

describe('concurrent enrollments', () => {
  it('10 at once with one key give exactly one certificate; the rest end "key already certified"', async () => {
    const data = await h.enrollmentData(session.accessToken);
    const csr = csrToBase64(await buildCsr(data, await generateKeyPair('EC-P256')));
    const replies = await together(Array.from({ length: 10 }, () => csr));
    expect(replies.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 202));
    const { serials, failed } = await outcomes(replies);
    expect(serials).toHaveLength(1);
    expect(failed).toEqual(Array.from({ length: 9 }, () => 400));
    h.expectContract();
  });

  it('a limit of 6 lets exactly 6 of 10 at once through, with distinct keys, and refuses 4 with 25006', async () => {
    h.control.setLimits({ enrollment: 6, certificate: 6 });
    const data = await h.enrollmentData(session.accessToken);
    const csrs = await Promise.all(
      Array.from({ length: 10 }, async () => csrToBase64(await buildCsr(data, await generateKeyPair('EC-P256')))),
    );
    const replies = await together(csrs);
    const refused = replies.filter((r) => r.status === 400);
    expect(refused.map((r) => exceptionCodes(r))).toEqual(Array.from({ length: 4 }, () => [25006]));
    const { serials, failed } = await outcomes(replies);
    expect(new Set(serials).size).toBe(6);
    expect(failed).toEqual([]);
    h.expectContract();
  });
});

describe('concurrent sign-ins', () => {
  it('one challenge signed once and sent 10 times at once starts exactly one sign-in', async () => {
    const xml = await h.signedRequest(person);
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => h.call('POST', '/auth/xades-signature', { body: xml })),
    );
    expect(replies.filter((r) => r.status === 202)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 400).map((r) => exceptionCodes(r))).toEqual(
      Array.from({ length: 9 }, () => [21111]),
    );
    h.expectContract();
  });
});
