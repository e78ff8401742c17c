import { DAY, later } from '../core/clock.ts';
import type { SandboxContext } from '../core/context.ts';

/**
 * The sandbox CA's CRL, published at the path shape of KSeF's (`/security/crl/<name>.crl` beside the
 * API, docs/ksef-contract.md §7): `/api/sandbox/security/crl/sandboxksef1.crl`. Every certificate the
 * sandbox issues names it as its CRL distribution point.
 */
export const SANDBOX_CRL_PATH = '/api/sandbox/security/crl/sandboxksef1.crl';

/** The absolute CRL URL for certificates issued in answer to `request`: on the origin it came to. */
export function crlDistributionPoint(request: Request): string {
  return new URL(SANDBOX_CRL_PATH, request.url).href;
}

/** A CRL is public and fresh per request; clients should fetch again by the next day. */
const NEXT_UPDATE = DAY;

/**
 * `GET` of the CRL: every certificate the sandbox revoked (Blocked or Revoked: either is unusable),
 * of every subject, with its revocation time and reason, signed by the sandbox CA (DER,
 * `application/pkix-crl`, RFC 5280 §5 and RFC 2585 §4.2). Other methods: 405.
 */
export async function getCrl(request: Request, context: SandboxContext): Promise<Response> {
  if (request.method !== 'GET') return new Response(null, { status: 405, headers: { Allow: 'GET' } });
  const now = context.clock.now();
  const entries = [...context.world.state.certificates.values()].flatMap((certificate) =>
    certificate.revokedAt === null
      ? []
      : [
          {
            serialNumber: serialBytes(certificate.serialNumber),
            revocationDate: certificate.revokedAt,
            reason: certificate.revocationReason ?? 'Unspecified',
          },
        ],
  );
  const ca = await context.ca();
  const der = await ca.crl(entries, now, later(now, NEXT_UPDATE));
  return new Response(new Uint8Array(der), {
    status: 200,
    headers: { 'Content-Type': 'application/pkix-crl', 'Cache-Control': 'no-store' },
  });
}

/** The 16 hex digits of `certificateSerialNumber` as the certificate's 8 serial bytes. */
function serialBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
