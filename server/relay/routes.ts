import { KSEF_OPERATIONS, type KsefOperationDefinition } from '../ksef-operations.ts';

/**
 * The allowlist of KSeF operations the relay forwards (docs/ksef-contract.md §4, §5): exactly what the app
 * needs to authenticate with XAdES and manage certificates, nothing else of the API.
 * Built from `KSEF_OPERATIONS`; a template is also what the log shows.
 */
const ROUTES: readonly KsefOperationDefinition[] = KSEF_OPERATIONS;

/** ReferenceNumber and serial formats from docs/ksef-contract.md §3.4. */
const PARAMETER_PATTERNS: Readonly<Record<string, string>> = {
  referenceNumber: '[0-9A-Za-z-]{36}',
  certificateSerialNumber: '[0-9A-F]{16}',
};

/**
 * Matches the raw (still percent-encoded) path. The patterns admit only letters, digits, `-` and
 * `/`, so an escape (`%2e`, `%2f`) or a dot segment can never match and the forwarded path is exactly
 * the matched text.
 */
const COMPILED = ROUTES.map((route) => {
  const source = route.template.replace(/\{(\w+)\}/g, (_, name: string) => PARAMETER_PATTERNS[name] ?? '(?!)');
  return { route, pattern: new RegExp(`^${source}$`) };
});

export type RouteMatch =
  | {
      readonly kind: 'matched';
      readonly template: string;
      /** The matched path below `/v2`, e.g. `/auth/20250514-AU-...`. */
      readonly path: string;
      /** `''` or `?` plus the validated parameters. */
      readonly query: string;
      readonly hasBody: boolean;
    }
  | { readonly kind: 'query-not-allowed'; readonly template: string }
  | { readonly kind: 'not-found' };

/**
 * Finds the allowlisted operation for `method` and `path` (below `/v2`). Query parameters: the
 * allowed ones are validated and re-serialised; any other, a repeated or malformed one refuses the
 * request (`query-not-allowed`) rather than being dropped, so the app never believes a filter applied
 * that KSeF did not see.
 */
export function matchRoute(method: string, path: string, search: URLSearchParams): RouteMatch {
  const found = COMPILED.find(({ route, pattern }) => route.method === method && pattern.test(path));
  if (found === undefined) return { kind: 'not-found' };
  const { route } = found;
  const forwarded = new URLSearchParams();
  for (const [name, value] of search) {
    const allowed = Object.hasOwn(route.query, name) ? route.query[name] : undefined;
    if (allowed === undefined || !allowed.test(value) || forwarded.has(name)) {
      return { kind: 'query-not-allowed', template: route.template };
    }
    forwarded.append(name, value);
  }
  const query = forwarded.size === 0 ? '' : `?${forwarded.toString()}`;
  return { kind: 'matched', template: route.template, path, query, hasBody: route.method === 'POST' };
}

/** The template of the CRL route, also what the log shows. */
export const CRL_TEMPLATE = '/security/crl/{name}';

/**
 * `/api/<environment>/security/crl/<name>.crl`: a CRL of that environment's KSeF host (docs/ksef-contract.md
 * §7). The name is 1 to 64 letters, digits, `_` or `-`, so nothing else on that host can be named.
 */
export const CRL_PATH = /^\/api\/([a-z]+)(\/security\/crl\/[A-Za-z0-9_-]{1,64}\.crl)$/;

/**
 * The CRL route: GET only (anything else `not-found`, as for an operation's other methods) and no
 * query. CRLs are public: no request header but `Accept` is worth sending (the relay's header
 * allowlist applies as for any route).
 */
export function matchCrl(method: string, path: string, search: URLSearchParams): RouteMatch {
  if (method !== 'GET') return { kind: 'not-found' };
  if (search.size > 0) return { kind: 'query-not-allowed', template: CRL_TEMPLATE };
  return { kind: 'matched', template: CRL_TEMPLATE, path, query: '', hasBody: false };
}
