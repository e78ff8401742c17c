import { z } from '../lib/zod-mini';
import { parseJsonOrUndefined } from '../lib/json';
import type { KsefErrorCode } from './errors';

/**
 * The answers the same-origin relay gives itself (`server/relay/relay.ts`, the Node server's
 * `server/server-errors.ts` for `host-not-allowed` and `body-not-allowed`, and the nginx configuration
 * in `deploy/nginx/`): a JSON body that is exactly `{"error": "<code>"}`, each code with one HTTP
 * status. Upstream answers pass the relay unchanged, so only this exact shape and status pair is read
 * as the relay's: anything else is KSeF's and goes through `parseErrorBody`. `client-closed` (499) is
 * absent on purpose: nobody receives it.
 */
export const RELAY_ERRORS = {
  'not-found': { status: 404, code: 'environment-unavailable' },
  'cross-origin': { status: 403, code: 'relay-refused' },
  'query-not-allowed': { status: 400, code: 'relay-refused' },
  'body-too-large': { status: 413, code: 'relay-refused' },
  'body-not-allowed': { status: 413, code: 'relay-refused' },
  'host-not-allowed': { status: 421, code: 'relay-refused' },
  'too-many-requests': { status: 429, code: 'relay-busy' },
  'upstream-unreachable': { status: 502, code: 'upstream-unreachable' },
  // KSeF received the request but its answer broke HTTP: as for a 5xx, it may have acted on it.
  'upstream-invalid': { status: 502, code: 'server-error' },
  'upstream-timeout': { status: 504, code: 'upstream-timeout' },
} as const satisfies Record<string, { readonly status: number; readonly code: KsefErrorCode }>;

export type RelayErrorName = keyof typeof RELAY_ERRORS;

const relayErrorBodySchema = z.strictObject({
  error: z.enum(Object.keys(RELAY_ERRORS) as [RelayErrorName, ...RelayErrorName[]]),
});

/**
 * The relay's error in a failed response, or `null` when the response is not one of the relay's own:
 * a body of another shape (an extra field, another code), or a known code under another status.
 * Never throws.
 */
export function relayErrorOf(
  status: number,
  bodyText: string,
): { readonly name: RelayErrorName; readonly code: KsefErrorCode } | null {
  const parsed = relayErrorBodySchema.safeParse(parseJsonOrUndefined(bodyText));
  if (!parsed.success) return null;
  const name = parsed.data.error;
  const known = RELAY_ERRORS[name];
  return known.status === status ? { name, code: known.code } : null;
}
