import { isCrossSite } from '../relay/origin.ts';
import { type SandboxCa, createSandboxCa } from './core/ca.ts';
import { type SandboxClock, createSandboxClock } from './core/clock.ts';
import {
  type SandboxAnswerShape,
  type SandboxContext,
  type SandboxLimits,
  type SandboxSettings,
  type SandboxTiming,
  DEFAULT_TIMING,
} from './core/context.ts';
import { type SandboxProblem, isSandboxError } from './core/errors.ts';
import { type SandboxRandom, cryptoRandom, traceId } from './core/random.ts';
import { type RateLimiter, createRateLimiter } from './core/rate-limits.ts';
import { errorResponse, wantsProblemDetails } from './core/responses.ts';
import type { KsefOperation } from '../ksef-operations.ts';
import { SANDBOX_QR_PREFIX, verifySandboxQrLink } from './qr-verification.ts';
import { type RouteMatch, matchOperation } from './routes.ts';
import { SANDBOX_CRL_PATH, getCrl } from './certificates/crl.ts';
import { TESTDATA_CERTIFICATE_PATH, putTestdataCertificate } from './certificates/testdata.ts';
import { DEFAULT_RETENTION, type SandboxRetention, type SandboxState, createSandboxState } from './core/state.ts';

/** Where the KSeF API double lives: `/api/sandbox/v2/<path as in open-api.json>`. */
export const SANDBOX_API_PREFIX = '/api/sandbox/v2';

export interface SandboxOptions {
  /** Default: real time; tests pass `createSandboxClock(() => start)` and advance it. */
  readonly clock?: SandboxClock;
  readonly random?: SandboxRandom;
  /** KSeF's defaults when absent (NIP 300/100, PESEL and fingerprint 12/6). */
  readonly limits?: SandboxLimits | null;
  readonly timing?: Partial<SandboxTiming>;
  /** docs/ksef-contract.md §10 rate limits; default off. */
  readonly rateLimits?: boolean;
  /** Default `current`, today's open-api.json. */
  readonly answerShape?: SandboxAnswerShape;
  readonly crypto?: Crypto;
  /** The caller's IP (the Fetch API does not carry it). Default `127.0.0.1`. */
  readonly clientIp?: (request: Request) => string;
  readonly log?: (line: SandboxLogLine) => void;
  /** TTL and cap per kind of state; default `DEFAULT_RETENTION` (tests pass small caps). */
  readonly retention?: Partial<SandboxRetention>;
}

/**
 * One line per request. Security property: no header, body, token, query or path parameter values —
 * only the operation template.
 */
export interface SandboxLogLine {
  readonly method: string;
  readonly operation: KsefOperation | 'PUT /testdata/certificates/{serialNumber}' | 'crl' | 'control' | null;
  readonly status: number;
  readonly durationMs: number;
  /** Name and message of an unexpected error (answered 500). */
  readonly error?: string;
}

export interface Sandbox {
  handle(request: Request): Promise<Response>;
}

/** What an extension may reach: the sandbox's world, its rate limiter, the settings and an empty state as it was created with. */
export interface SandboxInternals {
  readonly context: SandboxContext;
  readonly rateLimiter: RateLimiter;
  readonly initialSettings: () => SandboxSettings;
  readonly initialState: () => SandboxState;
}

/**
 * What the test controls (`server/sandbox/control/`) add to a sandbox; `npm start` without
 * `KSEF_SANDBOX_CONTROL=1` passes none, so none of that code is reachable.
 */
export interface SandboxExtension {
  /** True for the paths outside `/v2` it answers itself (logged as operation `control`). */
  owns(pathname: string): boolean;
  handle(request: Request, pathname: string): Promise<Response>;
  /** Runs first for every request below `/v2`; a problem is the answer instead of the operation's. */
  beforeApi(operation: KsefOperation | null, path: string): Promise<SandboxProblem | null>;
}

const defaultLog = (line: SandboxLogLine): void => console.warn(JSON.stringify(line));

/**
 * An in-memory KSeF 2.0 double for the sign-in and certificate operations (docs/ksef-contract.md §4-§5, §7, §10): a
 * fetch-style handler for `/api/sandbox/v2/...` whose answers have the shapes, status codes and error
 * bodies of `open-api.json`. XAdES signatures are verified for real; certificates are issued by a
 * sandbox CA (EC P-256, `CN=SANDBOX CCK KSeF`) generated on first use and kept for the process.
 * Nothing is persisted; tokens are opaque random strings held in memory and never logged.
 */
export function createSandbox(
  options: SandboxOptions = {},
  extend?: (internals: SandboxInternals) => SandboxExtension,
): Sandbox {
  const crypto = options.crypto ?? globalThis.crypto;
  const clock = options.clock ?? createSandboxClock();
  const random = options.random ?? cryptoRandom(crypto);
  const log = options.log ?? defaultLog;
  const initialSettings = (): SandboxSettings => ({
    timing: { ...DEFAULT_TIMING, ...options.timing },
    limits: options.limits ?? null,
    rateLimits: options.rateLimits ?? false,
    nextAuthStatus: null,
    nextEnrollmentStatus: null,
    answerShape: options.answerShape ?? 'current',
  });
  const retention: SandboxRetention = { ...DEFAULT_RETENTION, ...options.retention };
  const initialState = (): SandboxState => createSandboxState(() => clock.now(), retention);
  let ca: Promise<SandboxCa> | null = null;
  const context: SandboxContext = {
    clock,
    random,
    crypto,
    // Created on first use: key generation is async, and a sandbox nobody signs in to needs no CA.
    ca: () => (ca ??= createSandboxCa(clock.now(), random, crypto)),
    clientIp: options.clientIp ?? (() => '127.0.0.1'),
    world: { state: initialState(), settings: initialSettings() },
  };
  const rateLimiter = createRateLimiter();
  const extension = extend?.({ context, rateLimiter, initialSettings, initialState }) ?? null;

  const handleApi = async (request: Request, path: string, match: RouteMatch): Promise<Response> => {
    const injected =
      extension === null ? null : await extension.beforeApi(match.kind === 'matched' ? match.operation : null, path);
    const errorContext = () => ({
      path: new URL(request.url).pathname,
      problemDetails: wantsProblemDetails(request),
      now: clock.now(),
      traceId: traceId(random),
    });
    if (injected !== null) return errorResponse(injected, errorContext());
    try {
      if (match.kind === 'not-found') return errorResponse({ kind: 'not-found' }, errorContext());
      if (match.kind === 'method-not-allowed') return errorResponse({ kind: 'method-not-allowed' }, errorContext());
      if (context.world.settings.rateLimits) {
        const refused = rateLimiter.check(match.operation, rateLimitKey(request, context), clock.now());
        if (refused !== null) return errorResponse({ kind: 'too-many-requests', ...refused }, errorContext());
      }
      return withSystemWarning(request, await match.handler(request, context, match.parameter));
    } catch (cause) {
      if (isSandboxError(cause)) return errorResponse(cause.problem, errorContext());
      throw cause;
    }
  };

  /** The TEST helper: answered like an operation, but outside the relay's table (no faults, no rate limits). */
  const handleTestdata = async (request: Request, serialNumber: string): Promise<Response> => {
    try {
      return await putTestdataCertificate(request, context, safeDecode(serialNumber));
    } catch (cause) {
      if (!isSandboxError(cause)) throw cause;
      const errorContext = {
        path: new URL(request.url).pathname,
        problemDetails: wantsProblemDetails(request),
        now: clock.now(),
        traceId: traceId(random),
      };
      return errorResponse(cause.problem, errorContext);
    }
  };

  const handle = async (request: Request): Promise<Response> => {
    const started = performance.now();
    const url = new URL(request.url);
    const pathname = url.pathname;
    const isControl = extension?.owns(pathname) ?? false;
    const isCrl = pathname === SANDBOX_CRL_PATH;
    const isApi = pathname.startsWith(`${SANDBOX_API_PREFIX}/`);
    const path = isApi ? pathname.slice(SANDBOX_API_PREFIX.length) : '';
    const testdata = isApi && request.method === 'PUT' ? TESTDATA_CERTIFICATE_PATH.exec(path)?.[1] : undefined;
    const match = isApi && testdata === undefined ? matchOperation(request.method, path) : null;
    const operation: SandboxLogLine['operation'] = isControl
      ? 'control'
      : isCrl
        ? 'crl'
        : testdata !== undefined
          ? 'PUT /testdata/certificates/{serialNumber}'
          : match?.kind === 'matched'
            ? match.operation
            : null;
    let response: Response;
    let error: string | undefined;
    try {
      if (isCrossSite(request, url)) response = Response.json({ error: 'cross-origin' }, { status: 403 });
      else if (isControl && extension !== null) response = await extension.handle(request, pathname);
      else if (isCrl) response = await getCrl(request, context);
      else if (testdata !== undefined) response = await handleTestdata(request, testdata);
      else if (pathname.startsWith(`${SANDBOX_QR_PREFIX}/`)) response = await verifySandboxQrLink(request, context);
      else if (match !== null) response = await handleApi(request, path, match);
      else response = new Response(null, { status: 404 });
    } catch (cause) {
      error = cause instanceof Error ? `${cause.name}: ${cause.message}` : 'unknown';
      response = errorResponse(
        { kind: 'server-error', status: 500 },
        { path: pathname, problemDetails: true, now: clock.now(), traceId: traceId(random) },
      );
    }
    const line = {
      method: request.method,
      operation,
      status: response.status,
      durationMs: Math.round(performance.now() - started),
    };
    log(error === undefined ? line : { ...line, error });
    return response;
  };

  return { handle };
}

/** Rate limits count per (context, client IP) (docs/ksef-contract.md §10); the context comes from the bearer token. */
function rateLimitKey(request: Request, context: SandboxContext): string {
  const token = /^Bearer\s+(\S+)/i.exec(request.headers.get('Authorization') ?? '')?.[1];
  const record = token === undefined ? undefined : context.world.state.tokens.get(token);
  const operation = record === undefined ? undefined : context.world.state.operations.get(record.referenceNumber);
  const scope =
    operation === undefined ? '-' : `${operation.contextIdentifier.type}:${operation.contextIdentifier.value}`;
  return `${scope}|${context.clientIp(request)}`;
}

/**
 * TEST's `X-Test-System-Warning` (docs/ksef-contract.md §3.2): echoed on successful answers as `X-System-Warning`,
 * ASCII-folded as KSeF folds it.
 */
function withSystemWarning(request: Request, response: Response): Response {
  const wanted = request.headers.get('X-Test-System-Warning');
  if (wanted === null || response.status >= 300) return response;
  const folded = wanted
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/[^\x20-\x7e]/g, '');
  response.headers.set('X-System-Warning', folded);
  return response;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (cause) {
    // A malformed escape is a value the serial's pattern refuses anyway.
    if (cause instanceof URIError) return segment;
    throw cause;
  }
}
