import { DAY, HOUR, later } from '../core/clock.ts';
import type { SandboxContext } from '../core/context.ts';
import type { SandboxState } from '../core/state.ts';

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

/** A CRL is valid for a day from when it was made; clients should fetch again by then. */
const NEXT_UPDATE = DAY;
/** A CRL is made again when a revocation changed it, or after this long (so it never goes stale). */
const REISSUE_AFTER = HOUR;

interface IssuedCrl {
  /** The revoked serials it lists, as its cache key. */
  readonly serials: string;
  readonly thisUpdate: Date;
  readonly der: Uint8Array;
}

/**
 * The last CRL per state (a reset starts afresh): anyone may fetch the CRL, so it is signed once per
 * change, not once per request, which bounds what fetching it repeatedly costs the server.
 */
const lastCrl = new WeakMap<SandboxState, IssuedCrl>();

/**
 * `GET` of the CRL: every certificate the sandbox revoked (Blocked or Revoked: either is unusable),
 * of every subject, with its revocation time and reason, signed by the sandbox CA (DER,
 * `application/pkix-crl`, RFC 5280 §5 and RFC 2585 §4.2). Other methods: 405.
 */
export async function getCrl(request: Request, context: SandboxContext): Promise<Response> {
  if (request.method !== 'GET') return new Response(null, { status: 405, headers: { Allow: 'GET' } });
  const now = context.clock.now();
  const { state } = context.world;
  const revoked = [...state.certificates.values()].filter((c) => c.revokedAt !== null);
  const serials = revoked.map((c) => c.serialNumber).join(',');
  let issued = lastCrl.get(state);
  if (
    issued === undefined ||
    issued.serials !== serials ||
    now.getTime() - issued.thisUpdate.getTime() >= REISSUE_AFTER
  ) {
    const entries = revoked.map((certificate) => ({
      serialNumber: serialBytes(certificate.serialNumber),
      revocationDate: certificate.revokedAt ?? now,
      reason: certificate.revocationReason ?? 'Unspecified',
    }));
    const ca = await context.ca();
    issued = { serials, thisUpdate: now, der: await ca.crl(entries, now, later(now, NEXT_UPDATE)) };
    lastCrl.set(state, issued);
  }
  return new Response(new Uint8Array(issued.der), {
    status: 200,
    headers: { 'Content-Type': 'application/pkix-crl', 'Cache-Control': 'no-store' },
  });
}

/** The 16 hex digits of `certificateSerialNumber` as the certificate's 8 serial bytes. */
function serialBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
