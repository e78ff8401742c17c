import type { CertificateSummary } from '../../crypto/certificate-summary';
import type { CrlEntry, CrlFreshness, CrlSignature } from '../../crypto/crl';
import { isCryptoError, type CryptoErrorCode } from '../../crypto/errors';
import { classifyCertificate, KSEF_CRL_HOSTS } from '../../crypto/ksef-profile';

/**
 * "Check with KSeF whether it is revoked" (docs/ksef-contract.md §7): the CRL the certificate names,
 * fetched through this server's relay, read and checked in the tab. Only on request: the checker
 * sends nothing on its own. A CRL is public; the request carries nothing of the user's.
 */

/** The CRL code pulls in PKI.js: loaded on the first check, never with the checker's first paint. */
const loadCrl = () => import('../../crypto/crl');

/** A CRL name as the relay allows it (server/relay/routes.ts CRL_PATH). */
const CRL_FILE = '([A-Za-z0-9_-]{1,64}\\.crl)';
const KSEF_CRL_PATH = new RegExp(`^/security/crl/${CRL_FILE}$`);
const SANDBOX_CRL_PATH = new RegExp(`^/api/sandbox/security/crl/${CRL_FILE}$`);

/**
 * The relay path of `certificate`'s CRL: for a KSeF certificate whose CRL distribution point is
 * `/security/crl/<name>.crl` on a KSeF host (TEST, DEMO, production), `/api/<environment>/security/crl/<name>.crl`;
 * for one of the local sandbox, its own CRL path on this origin. `null` for anything else: other
 * hosts and paths are never asked for.
 */
export function crlRelayPath(certificate: CertificateSummary): string | null {
  const kind = classifyCertificate(certificate);
  if (kind.kind !== 'ksef') return null;
  for (const uri of certificate.crlDistributionPoints) {
    if (!URL.canParse(uri)) continue;
    const url = new URL(uri);
    if (url.search !== '' || url.hash !== '') continue;
    if (kind.environment === 'sandbox') {
      const file = SANDBOX_CRL_PATH.exec(url.pathname)?.[1];
      if (file !== undefined) return `/api/sandbox/security/crl/${file}`;
      continue;
    }
    const environment = url.protocol === 'https:' ? KSEF_CRL_HOSTS.get(url.hostname) : undefined;
    const file = KSEF_CRL_PATH.exec(url.pathname)?.[1];
    if (environment !== undefined && file !== undefined) return `/api/${environment}/security/crl/${file}`;
  }
  return null;
}

/** Why the CRL could not be read. */
export type RevocationFailure =
  /** No answer at all (offline, the server gone). */
  | { readonly kind: 'offline' }
  /** The relay could not reach KSeF (502 upstream-unreachable) or gave up (504). */
  | { readonly kind: 'ksef-unreachable' }
  /** This server does not relay that environment, or KSeF has no such CRL (404). */
  | { readonly kind: 'not-found' }
  /** Any other answer that is not the CRL (status). */
  | { readonly kind: 'status'; readonly status: number }
  /** The answer is not a readable CRL (the reader's code). */
  | { readonly kind: 'unreadable'; readonly code: CryptoErrorCode };

/** What the check found. */
export type RevocationOutcome =
  | {
      readonly kind: 'checked';
      /** The certificate's entry, `null`: not on the CRL. */
      readonly revoked: CrlEntry | null;
      readonly signature: CrlSignature;
      readonly freshness: CrlFreshness;
      readonly thisUpdate: Date;
      readonly nextUpdate: Date | null;
    }
  | { readonly kind: 'failed'; readonly failure: RevocationFailure };

/** The check as async work (STYLE: one discriminated union). */
export type RevocationCheck =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly outcome: RevocationOutcome };

export interface RevocationSeams {
  readonly fetch?: typeof fetch;
  /** The page's origin, where the relay is. */
  readonly origin: string;
  readonly now?: () => Date;
  readonly crypto?: Crypto;
}

/**
 * Fetches the CRL at `path` (see `crlRelayPath`) and checks `certificate` against it. The CRL's
 * signature is checked with the first of `candidates` (certificates opened beside it) whose subject is
 * the certificate's issuer; with none, the outcome says the signature could not be checked. A
 * negative answer is a result; only programming errors throw.
 */
export async function checkRevocationOnline(
  certificate: CertificateSummary,
  path: string,
  candidates: readonly CertificateSummary[],
  seams: RevocationSeams,
): Promise<RevocationOutcome> {
  const fetchCrl = seams.fetch ?? globalThis.fetch;
  const failed = (failure: RevocationFailure): RevocationOutcome => ({ kind: 'failed', failure });
  let answer: Response;
  try {
    answer = await fetchCrl(new URL(path, seams.origin).href, {
      method: 'GET',
      headers: { Accept: 'application/pkix-crl' },
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (cause) {
    // fetch reports every network failure as a TypeError.
    if (cause instanceof TypeError) return failed({ kind: 'offline' });
    throw cause;
  }
  if (answer.status === 404) return failed({ kind: 'not-found' });
  if (answer.status === 502 || answer.status === 504) return failed({ kind: 'ksef-unreachable' });
  if (answer.status !== 200) return failed({ kind: 'status', status: answer.status });
  const bytes = new Uint8Array(await answer.arrayBuffer());
  const { checkRevocation } = await loadCrl();
  const issuer = candidates.find((c) => c !== certificate && c.subjectText === certificate.issuerText) ?? null;
  try {
    const check = await checkRevocation(bytes, certificate.serialHex, {
      issuerCertificate: issuer?.der ?? null,
      now: (seams.now ?? (() => new Date()))(),
      ...(seams.crypto === undefined ? {} : { crypto: seams.crypto }),
    });
    return { kind: 'checked', ...check };
  } catch (cause) {
    if (isCryptoError(cause)) return failed({ kind: 'unreadable', code: cause.code });
    throw cause;
  }
}
