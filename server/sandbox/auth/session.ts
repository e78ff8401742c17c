import type { SandboxContext } from '../core/context.ts';
import { forbidden } from '../core/errors.ts';
import { ipAllowed } from './ip-policy.ts';
import type { AuthOperation } from '../core/state.ts';
import { authenticate } from './tokens.ts';

/**
 * The session behind an access token, for `/certificates/*`. When the sign-in carried an
 * `AuthorizationPolicy`, the caller's IP must be one it allows (403 `ip-not-allowed`).
 *
 * @throws SandboxError 401 for a missing, unknown, expired or non-access token; 403 as above.
 */
export function currentSession(request: Request, context: SandboxContext): AuthOperation {
  const { operation } = authenticate(request, context, ['access']);
  const clientIp = context.clientIp(request);
  if (!ipAllowed(clientIp, operation.allowedIps)) {
    throw forbidden('ip-not-allowed', 'Adres IP żądania nie jest dozwolony dla tej sesji.', { clientIp });
  }
  return operation;
}

/** True when the session signed in with XAdES: only those may apply for or revoke certificates (docs/ksef-contract.md §1.2). */
export function isXadesSession(operation: AuthOperation): boolean {
  return operation.methodInfo.category === 'XadesSignature';
}
