import { ksefDateTime } from './clock.ts';
import type { SandboxProblem } from './errors.ts';
import { EXCEPTION_DESCRIPTIONS } from './exception-codes.ts';

/** What an error body needs to know about the request it answers. */
export interface ErrorContext {
  /** The request path, for `instance`. */
  readonly path: string;
  /** `X-Error-Format: problem-details` was sent (docs/ksef-contract.md §3.2). */
  readonly problemDetails: boolean;
  readonly now: Date;
  readonly traceId: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** A JSON success answer. */
export function jsonResponse(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const all = new Headers(headers);
  all.set('Content-Type', JSON_TYPE);
  return new Response(JSON.stringify(body), { status, headers: all });
}

/** True when the request asks for Problem Details on 400 and 429 (docs/ksef-contract.md §3.2). */
export function wantsProblemDetails(request: Request): boolean {
  return request.headers.get('X-Error-Format')?.trim().toLowerCase() === 'problem-details';
}

/**
 * The answer to a refusal, in the shapes of `open-api.json`: 400 as legacy `ExceptionResponse` or
 * `BadRequestProblemDetails`; 429 as `TooManyRequestsResponse` or `TooManyRequestsProblemDetails` with
 * `Retry-After`; 401, 403 and 410 always as Problem Details. 404/405/415/500/503 are outside the
 * contract (ASP.NET's own answers); they get a short Problem Details body.
 */
export function errorResponse(problem: SandboxProblem, context: ErrorContext): Response {
  const timestamp = ksefDateTime(context.now);
  const { path: instance, traceId } = context;
  switch (problem.kind) {
    case 'bad-request': {
      // Nulls are left out, as KSeF's serializer does (see the examples in open-api.json).
      const description = EXCEPTION_DESCRIPTIONS[problem.exceptionCode];
      const details = problem.details.length === 0 ? {} : { details: [...problem.details] };
      if (context.problemDetails) {
        const errors = [{ code: problem.exceptionCode, description, ...details }];
        return problemResponse({
          title: 'Bad Request',
          status: 400,
          instance,
          detail: 'Żądanie jest nieprawidłowe.',
          errors,
          timestamp,
          traceId,
        });
      }
      const exception = {
        exceptionDetailList: [{ exceptionCode: problem.exceptionCode, exceptionDescription: description, ...details }],
        serviceCode: traceId,
        serviceCtx: 'srvSANDBOX',
        serviceName: 'ksef-cert sandbox',
        timestamp,
      };
      return new Response(JSON.stringify({ exception }), { status: 400, headers: { 'Content-Type': JSON_TYPE } });
    }
    case 'unauthorized':
      return problemResponse({
        title: 'Unauthorized',
        status: 401,
        detail: problem.detail,
        instance,
        traceId,
        timestamp,
      });
    case 'forbidden':
      return problemResponse({
        title: 'Forbidden',
        status: 403,
        detail: problem.detail,
        reasonCode: problem.reasonCode,
        ...(problem.security === undefined ? {} : { security: problem.security }),
        instance,
        traceId,
        timestamp,
      });
    case 'gone':
      return problemResponse({
        title: 'Gone',
        status: 410,
        instance,
        detail: 'Operacja wygasła i nie jest już dostępna.',
        timestamp,
        traceId,
      });
    case 'too-many-requests': {
      const headers = { 'Retry-After': String(problem.retryAfterSeconds) };
      if (context.problemDetails) {
        return problemResponse(
          { title: 'Too Many Requests', status: 429, instance, detail: problem.detail, timestamp, traceId },
          headers,
        );
      }
      const body = { status: { code: 429, description: 'Too Many Requests', details: [problem.detail] } };
      return new Response(JSON.stringify(body), { status: 429, headers: { ...headers, 'Content-Type': JSON_TYPE } });
    }
    case 'unsupported-media-type':
      return problemResponse({
        title: 'Unsupported Media Type',
        status: 415,
        detail: 'Nieobsługiwany typ treści.',
        instance,
        traceId,
        timestamp,
      });
    case 'not-found':
      return new Response(null, { status: 404 });
    case 'method-not-allowed':
      return new Response(null, { status: 405 });
    case 'server-error': {
      const headers: Record<string, string> =
        problem.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(problem.retryAfterSeconds) };
      const title = problem.status === 503 ? 'Service Unavailable' : 'Internal Server Error';
      return problemResponse({ title, status: problem.status, detail: title, instance, traceId, timestamp }, headers);
    }
  }
}

function problemResponse(
  body: { status: number } & Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { ...headers, 'Content-Type': PROBLEM_TYPE },
  });
}
