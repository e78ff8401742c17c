import type { KsefOperation } from '../../ksef-operations.ts';

/**
 * A failure to inject for tests: requests that match (by `operation`, by `path`, both, or — with
 * neither — every API request) are delayed by `latencyMs` and, when `status` is set, answered with it
 * instead of being handled: 429 and 503 carry `Retry-After: retryAfterSeconds` (default 1). The fault
 * applies `times` times (default 1; `Infinity` until cleared).
 */
export interface SandboxFault {
  readonly operation?: KsefOperation;
  /** Tested against the path below `/v2`, e.g. `/^\/certificates\/enrollments\//`; a string is a RegExp source. */
  readonly path?: RegExp | string;
  readonly status?: 429 | 500 | 503;
  readonly times?: number;
  readonly latencyMs?: number;
  readonly retryAfterSeconds?: number;
}

/** A fault that matched one request. */
export interface TriggeredFault {
  readonly status: 429 | 500 | 503 | null;
  readonly latencyMs: number;
  readonly retryAfterSeconds: number;
}

/** The queue of injected faults; the first one that matches a request fires. */
export interface FaultInjector {
  add(fault: SandboxFault): void;
  clear(): void;
  take(operation: KsefOperation | null, path: string): TriggeredFault | null;
}

interface Armed {
  readonly operation: KsefOperation | undefined;
  readonly path: RegExp | undefined;
  readonly triggered: TriggeredFault;
  remaining: number;
}

/**
 * @throws RangeError from `add` for a non-positive `times`, a negative latency or Retry-After.
 */
export function createFaultInjector(): FaultInjector {
  let armed: Armed[] = [];
  return {
    add: (fault) => {
      const times = fault.times ?? 1;
      const latencyMs = fault.latencyMs ?? 0;
      const retryAfterSeconds = fault.retryAfterSeconds ?? 1;
      if (!(times > 0) || !(latencyMs >= 0) || !(retryAfterSeconds >= 0)) throw new RangeError('Invalid fault');
      const path =
        fault.path === undefined ? undefined : typeof fault.path === 'string' ? new RegExp(fault.path) : fault.path;
      armed.push({
        operation: fault.operation,
        path,
        remaining: times,
        triggered: { status: fault.status ?? null, latencyMs, retryAfterSeconds },
      });
    },
    clear: () => {
      armed = [];
    },
    take: (operation, path) => {
      const fault = armed.find(
        (f) => (f.operation === undefined || f.operation === operation) && (f.path === undefined || f.path.test(path)),
      );
      if (fault === undefined) return null;
      fault.remaining--;
      if (fault.remaining <= 0) armed = armed.filter((f) => f !== fault);
      return fault.triggered;
    },
  };
}
