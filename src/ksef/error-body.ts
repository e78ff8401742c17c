import { z } from '../lib/zod-mini';
import { parseJsonOrUndefined } from '../lib/json';
import { errorCodeFor, KsefError, type KsefException } from './errors';
import { relayErrorOf } from './relay-error';

/*
 * Error bodies are read leniently: the HTTP status is the primary fact, and a body that misses a field
 * the contract calls required must not hide the exception codes it does carry. Every field is parsed on
 * its own (`.catch`), so one odd field never drops the rest. The shapes (docs/ksef-contract.md §3.3):
 *   legacy `ExceptionResponse`      { exception: { exceptionDetailList[], referenceNumber, ... } }
 *   legacy `TooManyRequestsResponse` { status: { code, description, details[] } }
 *   Problem Details (400 `BadRequestProblemDetails` with `errors[]`; 401/403/410/429 without codes)
 */

const text = z.catch(z.nullish(z.string()), undefined);
const texts = z.catch(z.nullish(z.array(z.string())), undefined);

const exceptionDetailsSchema = z.object({
  exceptionCode: z.int(),
  exceptionDescription: text,
  details: texts,
});

const exceptionResponseSchema = z.object({
  exception: z.object({
    exceptionDetailList: z.catch(z.nullish(z.array(z.unknown())), undefined),
    referenceNumber: text,
  }),
});

const tooManyRequestsResponseSchema = z.object({
  status: z.object({ code: z.int(), description: text, details: texts }),
});

const apiErrorSchema = z.object({ code: z.int(), description: text, details: texts });

const problemDetailsSchema = z.object({
  status: z.catch(z.optional(z.int()), undefined),
  title: text,
  detail: text,
  errors: z.catch(z.optional(z.array(z.unknown())), undefined),
  traceId: text,
  reasonCode: text,
});

/** What an error body says, whichever shape it had. */
export interface ParsedErrorBody {
  readonly exceptions: KsefException[];
  readonly referenceNumber?: string | undefined;
  readonly traceId?: string | undefined;
  readonly reasonCode?: string | undefined;
}

/** Keeps the items of `list` that `schema` accepts, mapped by `toException`. */
function collect<T>(
  list: readonly unknown[] | null | undefined,
  schema: z.ZodMiniType<T>,
  toException: (item: T) => KsefException,
): KsefException[] {
  const out: KsefException[] = [];
  for (const item of list ?? []) {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(toException(parsed.data));
  }
  return out;
}

/**
 * Reads any KSeF error body. Never throws: a body of no known shape gives no exceptions.
 * @param httpStatus used as the exception code of Problem Details that carry none (401/403/410/429).
 */
export function parseErrorBody(body: unknown, httpStatus: number): ParsedErrorBody {
  const legacy = exceptionResponseSchema.safeParse(body);
  if (legacy.success) {
    const exceptions = collect(legacy.data.exception.exceptionDetailList, exceptionDetailsSchema, (d) => ({
      code: d.exceptionCode,
      description: d.exceptionDescription ?? '',
      details: d.details ?? [],
    }));
    return { exceptions, referenceNumber: legacy.data.exception.referenceNumber ?? undefined };
  }
  const tooMany = tooManyRequestsResponseSchema.safeParse(body);
  if (tooMany.success) {
    const { code, description, details } = tooMany.data.status;
    return { exceptions: [{ code, description: description ?? '', details: details ?? [] }] };
  }
  const problem = problemDetailsSchema.safeParse(body);
  if (problem.success && (typeof problem.data.title === 'string' || problem.data.status !== undefined)) {
    const p = problem.data;
    const traceId = p.traceId ?? undefined;
    const errors = collect(p.errors, apiErrorSchema, (e) => ({
      code: e.code,
      description: e.description ?? '',
      details: e.details ?? [],
    }));
    if (errors.length > 0) return { exceptions: errors, traceId };
    // 401/403/410/429 carry no KSeF codes: keep what they say under the HTTP status.
    const reasonCode = p.reasonCode ?? undefined;
    const summary: KsefException = {
      code: p.status ?? httpStatus,
      description: p.detail ?? p.title ?? '',
      details: reasonCode === undefined ? [] : [reasonCode],
    };
    return { exceptions: [summary], traceId, reasonCode };
  }
  return { exceptions: [] };
}

/** The failed HTTP exchange a {@link KsefError} is made from. */
export interface ErrorResponse {
  readonly method: string;
  /** Path below the base URL; never carries a token. */
  readonly path: string;
  readonly status: number;
  readonly bodyText: string;
  readonly retryAfterSeconds?: number | undefined;
}

/**
 * Turns a non-success response into a `KsefError`: the relay's own answer (exactly `{"error": "<code>"}`
 * with its status, see `relay-error.ts`) by its code; otherwise the code of the first KSeF exception
 * with a code of its own, else the HTTP status fallback. Never throws, whatever the body.
 */
export function ksefErrorFromResponse(response: ErrorResponse): KsefError {
  const relay = relayErrorOf(response.status, response.bodyText);
  if (relay !== null) {
    return new KsefError(
      relay.code,
      `KSeF ${response.method} ${response.path} failed at the relay: HTTP ${response.status} (${relay.name})`,
      { status: response.status, retryAfterSeconds: response.retryAfterSeconds },
    );
  }
  const parsed = parseErrorBody(parseJsonOrUndefined(response.bodyText), response.status);
  const code = errorCodeFor(response.status, parsed.exceptions);
  const codes = parsed.exceptions.map((e) => e.code).join(', ');
  const message = `KSeF ${response.method} ${response.path} failed: HTTP ${response.status}${codes === '' ? '' : ` (${codes})`}`;
  return new KsefError(code, message, {
    status: response.status,
    exceptions: parsed.exceptions,
    referenceNumber: parsed.referenceNumber,
    traceId: parsed.traceId,
    reasonCode: parsed.reasonCode,
    retryAfterSeconds: response.retryAfterSeconds,
  });
}
