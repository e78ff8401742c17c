import { z } from 'zod';

/** `KSEF_SANDBOX_CONTROL=1` exposes the control API (`/api/sandbox/_control/...`); unset, empty or `0` does not. */
const sandboxEnvSchema = z.object({
  KSEF_SANDBOX_CONTROL: z.enum(['', '0', '1']).optional(),
});

/**
 * The sandbox options `npm start` takes from the environment (STYLE: zod at every edge). Only
 * `KSEF_SANDBOX_CONTROL` for now: the control API lets anyone who can reach the server reset the
 * sandbox, move its clock and inject faults, so it is off unless asked for (end-to-end tests).
 *
 * @throws Error naming the variable when it has another value.
 */
export function readSandboxOptions(env: NodeJS.ProcessEnv = process.env): { readonly exposeControl: boolean } {
  const parsed = sandboxEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Invalid sandbox environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return { exposeControl: parsed.data.KSEF_SANDBOX_CONTROL === '1' };
}

/** True for paths the sandbox answers: the API under `/api/sandbox/v2/` and the control API. */
export function isSandboxPath(pathname: string): boolean {
  return pathname.startsWith('/api/sandbox/');
}
