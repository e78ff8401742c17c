import {
  deleteCurrentSession,
  getAuthStatus,
  postChallenge,
  postRedeem,
  postRefresh,
  postXadesSignature,
} from './auth/routes.ts';
import {
  getEnrollmentData,
  getEnrollmentStatus,
  getLimits,
  postEnrollment,
  postQuery,
  postRetrieve,
  postRevoke,
} from './certificates/routes.ts';
import { KSEF_OPERATIONS, type KsefOperation, operationId } from '../ksef-operations.ts';
import type { SandboxContext } from './core/context.ts';

type Handler = (request: Request, context: SandboxContext, parameter: string) => Response | Promise<Response>;

/**
 * A handler for every operation of `KSEF_OPERATIONS` (the relay's allowlist) and for nothing else:
 * a missing or an extra key does not type-check.
 */
const HANDLERS: Readonly<Record<KsefOperation, Handler>> = {
  'POST /auth/challenge': postChallenge,
  'POST /auth/xades-signature': postXadesSignature,
  'GET /auth/{referenceNumber}': getAuthStatus,
  'POST /auth/token/redeem': postRedeem,
  'POST /auth/token/refresh': postRefresh,
  'DELETE /auth/sessions/current': deleteCurrentSession,
  'GET /certificates/limits': getLimits,
  'GET /certificates/enrollments/data': getEnrollmentData,
  'POST /certificates/enrollments': postEnrollment,
  'GET /certificates/enrollments/{referenceNumber}': getEnrollmentStatus,
  'POST /certificates/retrieve': postRetrieve,
  'POST /certificates/query': postQuery,
  'POST /certificates/{certificateSerialNumber}/revoke': postRevoke,
};

export type RouteMatch =
  | {
      readonly kind: 'matched';
      readonly operation: KsefOperation;
      readonly handler: Handler;
      readonly parameter: string;
    }
  | { readonly kind: 'method-not-allowed' }
  | { readonly kind: 'not-found' };

/**
 * Finds the operation for a path below `/v2`. Literal segments win over a `{parameter}` (so
 * `/certificates/enrollments/data` is never read as a reference number); a parameter is one non-empty
 * segment, passed percent-decoded, and validated by the handler.
 */
export function matchOperation(method: string, path: string): RouteMatch {
  const segments = path.split('/');
  let best: { operation: KsefOperation; parameter: string; literals: number } | null = null;
  let pathKnown = false;
  for (const definition of KSEF_OPERATIONS) {
    const operation = operationId(definition);
    const parts = definition.template.split('/');
    if (parts.length !== segments.length) continue;
    let parameter = '';
    let literals = 0;
    const matches = parts.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part.startsWith('{')) {
        parameter = segment;
        return segment !== '';
      }
      literals++;
      return part === segment;
    });
    if (!matches) continue;
    pathKnown = true;
    if (definition.method === method && (best === null || literals > best.literals))
      best = { operation, parameter, literals };
  }
  if (best === null) return pathKnown ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
  return {
    kind: 'matched',
    operation: best.operation,
    handler: HANDLERS[best.operation],
    parameter: safeDecode(best.parameter),
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (cause) {
    // A malformed escape is a value the handler's pattern will refuse anyway.
    if (cause instanceof URIError) return segment;
    throw cause;
  }
}
