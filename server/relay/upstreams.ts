import { z } from 'zod';

/** The environments a relay path may name: `/api/<environment>/v2/...`. */
export const RELAY_ENVIRONMENTS = ['test', 'demo', 'prod', 'sandbox'] as const;
export type RelayEnvironment = (typeof RELAY_ENVIRONMENTS)[number];

export type RelayUpstreams = Partial<Record<RelayEnvironment, string>>;

/**
 * The official API bases (docs/ksef-contract.md §2), fixed in code so that nothing a request carries can point
 * the relay at another host. `sandbox` has no official base: it exists only when configured.
 */
export const OFFICIAL_UPSTREAMS: Readonly<Record<Exclude<RelayEnvironment, 'sandbox'>, string>> = {
  test: 'https://api-test.ksef.mf.gov.pl/v2',
  demo: 'https://api-demo.ksef.mf.gov.pl/v2',
  prod: 'https://api.ksef.mf.gov.pl/v2',
};

/**
 * Where each official environment publishes its CRLs (docs/ksef-contract.md §7): the CRL distribution
 * point of real TEST certificates is `https://ksef-test.mf.gov.pl/security/crl/<name>.crl`; DEMO and
 * production by the same shape at their hosts (presumed). Fixed in code, like the API bases.
 */
export const OFFICIAL_CRL_BASES: Readonly<Record<Exclude<RelayEnvironment, 'sandbox'>, string>> = {
  test: 'https://ksef-test.mf.gov.pl',
  demo: 'https://ksef-demo.mf.gov.pl',
  prod: 'https://ksef.mf.gov.pl',
};

/**
 * The CRL base per environment, below which `/security/crl/<name>.crl` is fetched: the official host
 * for an official API base; for an overridden one, the base without its final `/v2` (the sandbox at
 * `.../api/sandbox/v2` publishes at `.../api/sandbox/security/crl/...`), none when it has no `/v2`.
 */
export function resolveCrlBases(upstreams: RelayUpstreams): RelayUpstreams {
  const bases: RelayUpstreams = {};
  for (const environment of RELAY_ENVIRONMENTS) {
    const base = upstreams[environment];
    if (base === undefined) continue;
    if (environment !== 'sandbox' && base === OFFICIAL_UPSTREAMS[environment])
      bases[environment] = OFFICIAL_CRL_BASES[environment];
    else if (base.endsWith('/v2')) bases[environment] = base.slice(0, -'/v2'.length);
  }
  return bases;
}

/** An absolute http(s) base without query or fragment; a trailing slash is dropped. */
const upstreamBaseSchema = z
  .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' })
  .refine((value) => !value.includes('?') && !value.includes('#'), 'must not contain a query or fragment')
  .transform((value) => value.replace(/\/+$/, ''));

const upstreamEnvSchema = z.object({
  KSEF_UPSTREAM_TEST: upstreamBaseSchema.optional(),
  KSEF_UPSTREAM_DEMO: upstreamBaseSchema.optional(),
  KSEF_UPSTREAM_PROD: upstreamBaseSchema.optional(),
  KSEF_UPSTREAM_SANDBOX: upstreamBaseSchema.optional(),
});

const upstreamsSchema = z.object({
  test: upstreamBaseSchema.optional(),
  demo: upstreamBaseSchema.optional(),
  prod: upstreamBaseSchema.optional(),
  sandbox: upstreamBaseSchema.optional(),
});

/**
 * Reads the upstream overrides (for tests and the local sandbox) from `KSEF_UPSTREAM_TEST`,
 * `KSEF_UPSTREAM_DEMO`, `KSEF_UPSTREAM_PROD` and `KSEF_UPSTREAM_SANDBOX`. Unset or empty variables
 * are absent from the result. Throws a readable error naming the bad variable.
 */
export function readRelayUpstreams(env: NodeJS.ProcessEnv = process.env): RelayUpstreams {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = upstreamEnvSchema.safeParse(present);
  if (!parsed.success) throw new Error(`Invalid relay environment: ${describeIssues(parsed.error)}`);
  const data = parsed.data;
  return withoutUndefined({
    test: data.KSEF_UPSTREAM_TEST,
    demo: data.KSEF_UPSTREAM_DEMO,
    prod: data.KSEF_UPSTREAM_PROD,
    sandbox: data.KSEF_UPSTREAM_SANDBOX,
  });
}

/**
 * The base URL per environment: the official bases, replaced by `overrides` where given; `sandbox`
 * only when overridden. Throws on an override that is not an absolute http(s) URL.
 */
export function resolveUpstreams(overrides: RelayUpstreams = {}): RelayUpstreams {
  const parsed = upstreamsSchema.safeParse(overrides);
  if (!parsed.success) throw new Error(`Invalid relay upstreams: ${describeIssues(parsed.error)}`);
  return { ...OFFICIAL_UPSTREAMS, ...withoutUndefined(parsed.data) };
}

function withoutUndefined(upstreams: Partial<Record<RelayEnvironment, string | undefined>>): RelayUpstreams {
  const result: RelayUpstreams = {};
  for (const environment of RELAY_ENVIRONMENTS) {
    const base = upstreams[environment];
    if (base !== undefined) result[environment] = base;
  }
  return result;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}
