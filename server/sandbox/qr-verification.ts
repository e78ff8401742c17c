import { QR_HOSTS, parseCertificateLink } from '../../src/crypto/offline-link/link.ts';
import { verifyCertificateLink } from '../../src/crypto/offline-link/verify.ts';
import type { SandboxContext } from './core/context.ts';
import { jsonResponse } from './core/responses.ts';
import { certificateStatus } from './core/state.ts';

/**
 * Where the sandbox checks its KOD II links, as KSeF's verification page does at `https://qr-test.ksef.mf.gov.pl`:
 * `GET /api/sandbox/qr/certificate/{ctxType}/{ctxValue}/{sellerNip}/{serial}/{hash}/{signature}`. The path
 * after `/api/sandbox/qr` is the link after its host (`QR_HOSTS.sandbox`), so an offline invoice's whole
 * round trip — certificate from the sandbox, link signed in the browser, check here — works on one machine.
 */
export const SANDBOX_QR_PREFIX = '/api/sandbox/qr';

/**
 * The verdict, always 200 as a page would show it: `{ valid: true }` or `{ valid: false, reason }`, the
 * reason being the first check that failed, in KSeF's order (docs/ksef-contract.md §9): the link's format,
 * the certificate exists in this sandbox, is valid now (not before `validFrom`, not revoked or expired — any
 * status but `Active` of `certificateStatus`), is an Offline one, and the signature verifies over the rebuilt
 * signed string. Permissions are not modelled: the sandbox does not check that the certificate's owner may
 * issue in the context, nor that the context may issue for `sellerNip`.
 */
export async function verifySandboxQrLink(request: Request, context: SandboxContext): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return jsonResponse(405, { error: 'method-not-allowed' }, { Allow: 'GET, HEAD' });
  }
  const path = new URL(request.url).pathname.slice(SANDBOX_QR_PREFIX.length);
  const link = `https://${QR_HOSTS.sandbox}${path}`;
  const now = context.clock.now();
  const verdict = (reason: string | null): Response =>
    jsonResponse(200, reason === null ? { valid: true } : { valid: false, reason });

  const parsed = parseCertificateLink(link);
  if (!parsed.ok) return verdict(parsed.fault);
  const certificate = context.world.state.certificates.get(parsed.link.certificateSerial);
  if (certificate === undefined) return verdict('certificate-not-found');
  if (now.getTime() < certificate.validFrom.getTime()) return verdict('certificate-not-yet-valid');
  const status = certificateStatus(certificate, now);
  if (status !== 'Active') return verdict(`certificate-${status.toLowerCase()}`);
  if (certificate.type !== 'Offline') return verdict('certificate-authentication');
  const check = await verifyCertificateLink(link, certificate.der, {
    environment: 'sandbox',
    now,
    crypto: context.crypto,
  });
  return verdict(check.valid ? null : check.fault);
}
