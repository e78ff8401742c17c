import type { SandboxProblem } from '../core/errors.ts';
import { type Sandbox, type SandboxOptions, createSandbox } from '../sandbox.ts';
import { type SandboxControl, createControl } from './control.ts';
import { type TriggeredFault, createFaultInjector } from './faults.ts';
import { CONTROL_PREFIX, handleControl } from './http.ts';

export interface ControlledSandboxOptions extends SandboxOptions {
  /** Serve the control API under `/api/sandbox/_control` (see `handleControl`). Default off. */
  readonly exposeControl?: boolean;
  /** How injected latency waits; default `setTimeout`. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A sandbox with its test controls: in process always, over HTTP when `exposeControl` is set. */
export interface ControlledSandbox extends Sandbox {
  readonly control: SandboxControl;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The sandbox of `createSandbox` with the test controls mounted: faults answer before the operation,
 * and `/api/sandbox/_control/...` is served when `exposeControl` is set (otherwise it stays 404, as
 * on a sandbox without controls). For tests, the bench and `KSEF_SANDBOX_CONTROL=1` only.
 */
export function createControlledSandbox(options: ControlledSandboxOptions = {}): ControlledSandbox {
  const sleep = options.sleep ?? defaultSleep;
  const faults = createFaultInjector();
  const mounted: { control?: SandboxControl } = {};
  const sandbox = createSandbox(options, (internals) => {
    const created = createControl({ ...internals, faults });
    mounted.control = created;
    return {
      owns: (pathname) =>
        options.exposeControl === true && (pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`)),
      handle: (request, pathname) => handleControl(request, pathname.slice(CONTROL_PREFIX.length), created),
      beforeApi: async (operation, path) => {
        const fault = faults.take(operation, path);
        if (fault !== null && fault.latencyMs > 0) await sleep(fault.latencyMs);
        return fault === null ? null : faultProblem(fault);
      },
    };
  });
  const { control } = mounted;
  if (control === undefined) throw new Error('createSandbox did not mount the controls');
  return { handle: (request) => sandbox.handle(request), control };
}

/** The answer a fault forces, or `null` for latency alone. */
function faultProblem(fault: TriggeredFault): SandboxProblem | null {
  if (fault.status === 429) {
    const detail = 'Przekroczono limit żądań (usterka wstrzyknięta w piaskownicy).';
    return { kind: 'too-many-requests', retryAfterSeconds: fault.retryAfterSeconds, detail };
  }
  if (fault.status === 500 || fault.status === 503) {
    const retry = fault.status === 503 ? { retryAfterSeconds: fault.retryAfterSeconds } : {};
    return { kind: 'server-error', status: fault.status, ...retry };
  }
  return null;
}
