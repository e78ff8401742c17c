/**
 * The KSeF operations this server knows (docs/ksef-contract.md §4, §5): exactly what the app needs to
 * authenticate with XAdES and manage certificates, nothing else of the API. The relay's allowlist is
 * built from this table (`relay/routes.ts`) and the sandbox serves every row of it, no more
 * (`sandbox/routes.ts`, whose handler table the type checker holds to these ids).
 */

export type KsefMethod = 'GET' | 'POST' | 'DELETE';

export interface KsefOperationDefinition {
  readonly method: KsefMethod;
  /** The path below `/v2` as in `open-api.json`; a `{name}` is one path segment. */
  readonly template: string;
  /** Allowed query parameters and the pattern each value must match. */
  readonly query: Readonly<Record<string, RegExp>>;
}

export const KSEF_OPERATIONS = [
  { method: 'POST', template: '/auth/challenge', query: {} },
  { method: 'POST', template: '/auth/xades-signature', query: { verifyCertificateChain: /^(true|false)$/ } },
  { method: 'GET', template: '/auth/{referenceNumber}', query: {} },
  { method: 'POST', template: '/auth/token/redeem', query: {} },
  { method: 'POST', template: '/auth/token/refresh', query: {} },
  { method: 'DELETE', template: '/auth/sessions/current', query: {} },
  { method: 'GET', template: '/certificates/limits', query: {} },
  { method: 'GET', template: '/certificates/enrollments/data', query: {} },
  { method: 'POST', template: '/certificates/enrollments', query: {} },
  { method: 'GET', template: '/certificates/enrollments/{referenceNumber}', query: {} },
  { method: 'POST', template: '/certificates/retrieve', query: {} },
  { method: 'POST', template: '/certificates/query', query: { pageSize: /^\d{1,4}$/, pageOffset: /^\d{1,9}$/ } },
  { method: 'POST', template: '/certificates/{certificateSerialNumber}/revoke', query: {} },
] as const satisfies readonly KsefOperationDefinition[];

type IdOf<D> = D extends { readonly method: infer M extends string; readonly template: infer T extends string }
  ? `${M} ${T}`
  : never;

/** An operation named `METHOD /template`, e.g. `GET /auth/{referenceNumber}`. */
export type KsefOperation = IdOf<(typeof KSEF_OPERATIONS)[number]>;

/** The name of an operation: `METHOD /template`. */
export function operationId<D extends KsefOperationDefinition>(operation: D): IdOf<D> {
  return `${operation.method} ${operation.template}` as IdOf<D>;
}

/** Every operation's name, in table order. */
export const KSEF_OPERATION_IDS: readonly KsefOperation[] = KSEF_OPERATIONS.map(operationId);
