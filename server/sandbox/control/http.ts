import { z } from 'zod';
import { encodePem } from '../../../src/crypto/pem.ts';
import type { SandboxControl } from './control.ts';
import { KSEF_OPERATION_IDS } from '../../ksef-operations.ts';
import { ANSWER_SHAPES } from '../core/context.ts';
import { AUTH_FAILURE_CODES, ENROLLMENT_FAILURE_CODES } from '../core/status-info.ts';

/** Where the control API lives; only served when the sandbox is created with `exposeControl: true`. */
export const CONTROL_PREFIX = '/api/sandbox/_control';

const faultSchema = z.strictObject({
  operation: z.enum(KSEF_OPERATION_IDS).optional(),
  /** A RegExp source tested against the path below `/v2`. */
  path: z
    .string()
    .max(200)
    .refine((source) => isRegExp(source), 'not a regular expression')
    .optional(),
  status: z.union([z.literal(429), z.literal(500), z.literal(503)]).optional(),
  times: z.number().int().min(1).max(1_000_000).optional(),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
});

const detailsSchema = z.array(z.string().max(500)).max(10).optional();
const authStatusSchema = z.strictObject({
  code: z.union(AUTH_FAILURE_CODES.map((c) => z.literal(c))),
  details: detailsSchema,
});
const enrollmentStatusSchema = z.strictObject({
  code: z.union(ENROLLMENT_FAILURE_CODES.map((c) => z.literal(c))),
  details: detailsSchema,
});
const limitsSchema = z.strictObject({ enrollment: z.number().int().min(0), certificate: z.number().int().min(0) });
const timingSchema = z.strictObject({
  authDelayMs: z.number().int().min(0).optional(),
  authPendingPolls: z.number().int().min(0).optional(),
  enrollmentDelayMs: z.number().int().min(0).optional(),
  enrollmentPendingPolls: z.number().int().min(0).optional(),
});
const advanceSchema = z.strictObject({
  ms: z
    .number()
    .int()
    .min(0)
    .max(100 * 365 * 86_400_000),
});
const rateLimitsSchema = z.strictObject({ enabled: z.boolean() });
const answerShapeSchema = z.strictObject({ shape: z.enum(ANSWER_SHAPES) });

/**
 * The control API for end-to-end tests driving a running server (`npm start` exposes it only with
 * `KSEF_SANDBOX_CONTROL=1`). Paths below `/api/sandbox/_control`, JSON bodies:
 * - `POST /reset` → 204
 * - `GET /clock` → `{ now }`; `POST /clock/advance {ms}` → `{ now }`
 * - `POST /faults {operation?, path?, status?, times?, latencyMs?, retryAfterSeconds?}` → 204; `DELETE /faults` → 204
 * - `PUT /next-auth-status {code, details?}` / `DELETE` → 204 (codes 415, 425, 450, 460, 470, 480, 500, 550)
 * - `PUT /next-enrollment-status {code, details?}` / `DELETE` → 204 (codes 400, 500, 550)
 * - `PUT /limits {enrollment, certificate}` / `DELETE /limits` (KSeF defaults) → 204
 * - `PUT /timing {authDelayMs?, authPendingPolls?, enrollmentDelayMs?, enrollmentPendingPolls?}` → 204
 * - `PUT /rate-limits {enabled}` → 204
 * - `PUT /answer-shape {shape}` → 204: `current` (today's open-api.json, the default) or `january-2026`
 *   (no `clientIp` in the challenge, no `authenticationMethodInfo` in the auth status); `POST /reset` restores the default
 * - `GET /ca` → the sandbox CA certificate, PEM
 * Anything else 404; a bad body 400 `{ error: 'invalid-body', issues }`.
 */
export async function handleControl(request: Request, path: string, control: SandboxControl): Promise<Response> {
  const route = `${request.method} ${path}`;
  const body = async <T>(schema: z.ZodType<T>): Promise<T> => schema.parse(await request.json());
  try {
    switch (route) {
      case 'POST /reset':
        control.reset();
        return noContent();
      case 'GET /clock':
        return Response.json({ now: control.clock.now().toISOString() });
      case 'POST /clock/advance':
        control.clock.advance((await body(advanceSchema)).ms);
        return Response.json({ now: control.clock.now().toISOString() });
      case 'POST /faults': {
        const fault = await body(faultSchema);
        control.injectFault(fault);
        return noContent();
      }
      case 'DELETE /faults':
        control.clearFaults();
        return noContent();
      case 'PUT /next-auth-status':
        control.setNextAuthStatus(await body(authStatusSchema));
        return noContent();
      case 'DELETE /next-auth-status':
        control.setNextAuthStatus(null);
        return noContent();
      case 'PUT /next-enrollment-status':
        control.setNextEnrollmentStatus(await body(enrollmentStatusSchema));
        return noContent();
      case 'DELETE /next-enrollment-status':
        control.setNextEnrollmentStatus(null);
        return noContent();
      case 'PUT /limits':
        control.setLimits(await body(limitsSchema));
        return noContent();
      case 'DELETE /limits':
        control.setLimits(null);
        return noContent();
      case 'PUT /timing':
        control.setTiming(await body(timingSchema));
        return noContent();
      case 'PUT /rate-limits':
        control.setRateLimits((await body(rateLimitsSchema)).enabled);
        return noContent();
      case 'PUT /answer-shape':
        control.setAnswerShape((await body(answerShapeSchema)).shape);
        return noContent();
      case 'GET /ca':
        return new Response(encodePem('CERTIFICATE', await control.caCertificate()), {
          headers: { 'Content-Type': 'application/x-pem-file' },
        });
      default:
        return new Response(null, { status: 404 });
    }
  } catch (cause) {
    if (cause instanceof z.ZodError)
      return Response.json(
        { error: 'invalid-body', issues: cause.issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
        { status: 400 },
      );
    if (cause instanceof SyntaxError)
      return Response.json({ error: 'invalid-body', issues: [cause.message] }, { status: 400 });
    throw cause;
  }
}

function noContent(): Response {
  return new Response(null, { status: 204 });
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch (cause) {
    if (cause instanceof SyntaxError) return false;
    throw cause;
  }
}
