import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Which `Host` names the server answers, against DNS rebinding: a page on `evil.example` whose name
 * its owner then points at 127.0.0.1 would be same-origin with a local `npm start`, pass the relay's
 * cross-site check and read the answers. The browser still sends `Host: evil.example`, so refusing
 * names we were not told about stops it. The rules are Vite's `server.allowedHosts`: an IP address is
 * always allowed (no name, nothing to rebind), so are `localhost` and `*.localhost` (the browser
 * resolves those to loopback itself, RFC 6761 §6.3), the `HOST` being bound when it is a name, and
 * every name in `KSEF_ALLOWED_HOSTS`; an entry with a leading dot allows the name and its subdomains.
 */
export interface AllowedHosts {
  /** Exact names, lower case. */
  readonly names: ReadonlySet<string>;
  /** Suffixes from `.example.org` entries, with the dot; the bare name is in `names`. */
  readonly suffixes: readonly string[];
}

/** A DNS name (letters, digits, `-`, dots), optionally with a leading dot. */
const HOST_ENTRY = /^\.?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

const allowedHostsSchema = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim().toLowerCase())
      .filter((entry) => entry !== ''),
  )
  .pipe(z.array(z.string().regex(HOST_ENTRY, 'each entry must be a host name without port, e.g. ksef.example.org')));

/**
 * Reads `KSEF_ALLOWED_HOSTS` (comma-separated names) and `HOST`.
 * @throws Error naming the variable when an entry is not a host name.
 */
export function readAllowedHosts(env: NodeJS.ProcessEnv = process.env): AllowedHosts {
  const parsed = allowedHostsSchema.safeParse(env.KSEF_ALLOWED_HOSTS ?? '');
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => i.message).join('; ');
    throw new Error(`Invalid server environment: KSEF_ALLOWED_HOSTS: ${problems}`);
  }
  const entries = [...parsed.data];
  const bound = env.HOST?.trim().toLowerCase();
  if (bound !== undefined && HOST_ENTRY.test(bound) && isIP(bound) === 0) entries.push(bound);
  const names = new Set(entries.map((entry) => entry.replace(/^\./, '')));
  const suffixes = entries.filter((entry) => entry.startsWith('.'));
  return { names, suffixes };
}

/**
 * True when `hostname` (a URL's `hostname`: lower case, IPv6 in brackets, no port) may be answered.
 */
export function isHostAllowed(hostname: string, allowed: AllowedHosts): boolean {
  const name = hostname.replace(/\.$/, '');
  if (isIP(name) !== 0 || (name.startsWith('[') && isIP(name.slice(1, -1)) === 6)) return true;
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return allowed.names.has(name) || allowed.suffixes.some((suffix) => name.endsWith(suffix));
}
