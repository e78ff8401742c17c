import { z } from '../lib/zod-mini';

/** The KSeF environments the app can talk to (docs/ksef-contract.md §2). */
export const KSEF_ENVIRONMENTS = ['sandbox', 'test', 'demo', 'prod'] as const;

/** `sandbox` is our own local KSeF double; the rest are the Ministry's TEST ("TE"), DEMO ("TR") and production. */
export type KsefEnvironment = (typeof KSEF_ENVIRONMENTS)[number];

/** The environments the Ministry runs. */
export type OfficialKsefEnvironment = Exclude<KsefEnvironment, 'sandbox'>;

/** Reads an environment name from untrusted input (a route, a setting). */
export const ksefEnvironmentSchema = z.enum(KSEF_ENVIRONMENTS);

/** What the app needs to know about one environment. */
export interface KsefEnvironmentInfo {
  readonly id: KsefEnvironment;
  /** Official API base URL; `null` for the sandbox, which only our own server serves (under `/api/sandbox/v2`). */
  readonly officialBaseUrl: string | null;
  /**
   * Whether a self-signed certificate may sign in (so the browser can mint a throwaway test identity).
   * Only TEST accepts it among the official ones; on DEMO and production a qualified signature or seal,
   * or an existing KSeF certificate, is needed.
   */
  readonly allowsSelfSignedIdentity: boolean;
  /** Host of the KOD II / KOD I verification links (signed into the link); `null` for the sandbox, which has none. */
  readonly qrHost: string | null;
}

/** Every environment, from docs/ksef-contract.md §2 (hosts current since RC6.1, December 2025). */
export const KSEF_ENVIRONMENT_INFO: Readonly<Record<KsefEnvironment, KsefEnvironmentInfo>> = {
  sandbox: { id: 'sandbox', officialBaseUrl: null, allowsSelfSignedIdentity: true, qrHost: null },
  test: {
    id: 'test',
    officialBaseUrl: 'https://api-test.ksef.mf.gov.pl/v2',
    allowsSelfSignedIdentity: true,
    qrHost: 'qr-test.ksef.mf.gov.pl',
  },
  demo: {
    id: 'demo',
    officialBaseUrl: 'https://api-demo.ksef.mf.gov.pl/v2',
    allowsSelfSignedIdentity: false,
    qrHost: 'qr-demo.ksef.mf.gov.pl',
  },
  prod: {
    id: 'prod',
    officialBaseUrl: 'https://api.ksef.mf.gov.pl/v2',
    allowsSelfSignedIdentity: false,
    qrHost: 'qr.ksef.mf.gov.pl',
  },
};

/** The Ministry's API base URL of an official environment (what the relay forwards to). */
export function officialBaseUrl(env: OfficialKsefEnvironment): string {
  const info = KSEF_ENVIRONMENT_INFO[env];
  // Only the sandbox has none, and the parameter type excludes it; the check keeps a bad cast from yielding "null".
  if (info.officialBaseUrl === null) throw new TypeError(`${env} has no official base URL`);
  return info.officialBaseUrl;
}

/**
 * The base URL a browser calls: the same-origin relay path `/api/<env>/v2` (KSeF sends no CORS headers,
 * docs/ksef-contract.md §11). `origin` is e.g. `location.origin`; any path on it is ignored.
 */
export function relayBaseUrl(env: KsefEnvironment, origin: string): string {
  return new URL(`/api/${env}/v2`, origin).href;
}
