import { authOperations, type AuthOperations } from './auth-operations';
import { certificateOperations, type CertificateOperations } from './certificate-operations';
import { createKsefTransport, type KsefTransportOptions } from './transport';

/** Settings of a client: the base URL and optional seams (`fetch`, `sleep`, `now`), timeout, retry policy, `onWarning`. */
export type KsefClientOptions = KsefTransportOptions;

/**
 * The KSeF API calls this app needs: sign-in (docs/ksef-contract.md §4) and certificates (§5). Every call sends
 * `Accept: application/json` and `X-Error-Format: problem-details`, checks the response with zod, and
 * fails only with a `KsefError`. The client holds no tokens: they are passed in by the caller.
 */
export interface KsefClient extends AuthOperations, CertificateOperations {}

/**
 * Creates a client. In the browser use the same-origin relay:
 * `createKsefClient({ baseUrl: relayBaseUrl(env, location.origin) })`.
 *
 * `X-System-Warning` headers are not returned with results; they go to `options.onWarning`, parsed.
 */
export function createKsefClient(options: KsefClientOptions): KsefClient {
  const transport = createKsefTransport(options);
  return { ...authOperations(transport), ...certificateOperations(transport) };
}
