import { z } from 'zod';

/** The server's environment, validated once at start (STYLE: zod at every edge). */
export const serverEnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(5173),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

/** Reads `HOST` and `PORT`; throws a readable error naming the bad variable. */
export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = serverEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid server environment: ${problems}`);
  }
  return parsed.data;
}

// ---- Local sandbox: KSEF_SANDBOX ---------------------------------------------------------------

const sandboxSwitchSchema = z.object({ KSEF_SANDBOX: z.enum(['', '0', '1']).optional() });

/** What `npm start` (and the dev server) does about the local sandbox; see `decideSandbox`. */
export type SandboxDecision =
  | { readonly kind: 'on'; readonly announcement: string }
  | { readonly kind: 'off' }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * True for `localhost` and the loopback addresses (127.0.0.0/8, `::1`, IPv4-mapped 127.x): only this
 * machine reaches a server bound there. Anything else, `0.0.0.0` and host names included, is not.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^(?:::ffff:)?127(?:\.\d{1,3}){3}$/.test(bare);
}

/**
 * Whether the server mounts the local KSeF sandbox (an imitation with its own CA, `/api/sandbox/`):
 * `KSEF_SANDBOX=1` on, `0` off; unset (or empty) it is on for a loopback `HOST`, where only the person
 * trying the app reaches it, and a refusal to start on any other address, so a deployment has to say
 * which it wants. One line each, for the console.
 *
 * @throws Error naming `KSEF_SANDBOX` when it has another value.
 */
export function decideSandbox(env: NodeJS.ProcessEnv, host: string): SandboxDecision {
  const parsed = sandboxSwitchSchema.safeParse(env);
  if (!parsed.success) throw new Error('Invalid server environment: KSEF_SANDBOX must be 0 or 1');
  const value = parsed.data.KSEF_SANDBOX ?? '';
  if (value === '0') return { kind: 'off' };
  const announcement = 'The local KSeF sandbox is on at /api/sandbox/ (KSEF_SANDBOX=0 turns it off).';
  if (value === '1' || isLoopbackHost(host)) return { kind: 'on', announcement };
  return {
    kind: 'refused',
    reason: `Refusing to start on HOST=${host} with the local sandbox undecided: set KSEF_SANDBOX=0 (a public server) or KSEF_SANDBOX=1.`,
  };
}

/** The environment a server created with `createApiHandler` sees: `KSEF_SANDBOX` as decided. */
export function withSandboxDecision(env: NodeJS.ProcessEnv, decision: SandboxDecision): NodeJS.ProcessEnv {
  return { ...env, KSEF_SANDBOX: decision.kind === 'on' ? '1' : '0' };
}

/** True when the sandbox is to be mounted: only `KSEF_SANDBOX=1` (the defaults are `decideSandbox`'s). */
export function sandboxEnabled(env: NodeJS.ProcessEnv): boolean {
  return env.KSEF_SANDBOX === '1';
}
