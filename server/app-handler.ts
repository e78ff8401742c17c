import { createApiHandler, isApiPath } from './api.ts';
import type { ServerHandler } from './bindings.ts';
import { isHostAllowed, readAllowedHosts } from './host-check.ts';
import { declaresBody } from './relay/body.ts';
import { withSecurityHeaders } from './security-headers.ts';
import { serverErrorResponse } from './server-errors.ts';
import { staticFiles } from './static-files.ts';

/** Stderr, as JSON, like the relay's lines: tells the operator which variable lets the name in. */
const defaultLog = (line: object): void => console.warn(JSON.stringify(line));

/**
 * Everything `npm start` answers, as one fetch-style handler: `/api/...` to the sandbox and the relay,
 * the rest to the static build in `distDir`, all with the security headers. Before any of them: a
 * `Host` that is not allowed gets 421 `host-not-allowed` (`host-check.ts`), and a body where none is
 * taken (static files, GET and HEAD anywhere) 413 `body-not-allowed` without being read. `env`
 * configures the relay, the sandbox and the allowed hosts (`KSEF_UPSTREAM_*`, `KSEF_RELAY_TIMEOUT_MS`,
 * `KSEF_RELAY_MAX_CONCURRENT`, `KSEF_SANDBOX_CONTROL`, `KSEF_ALLOWED_HOSTS`, `HOST`).
 */
export function createAppHandler(
  distDir: string,
  env: NodeJS.ProcessEnv = process.env,
  log: (line: object) => void = defaultLog,
): ServerHandler {
  const api = createApiHandler(env);
  const files = staticFiles(distDir);
  const allowedHosts = readAllowedHosts(env);
  return withSecurityHeaders(async (request, bindings) => {
    const url = new URL(request.url);
    const hasBody = declaresBody(request.headers);
    if (!isHostAllowed(url.hostname, allowedHosts)) {
      log({ error: 'host-not-allowed', host: url.hostname, allowWith: 'KSEF_ALLOWED_HOSTS' });
      return serverErrorResponse('host-not-allowed', hasBody);
    }
    const toApi = isApiPath(url.pathname);
    // Node would read and throw away such a body to keep the connection; closing it bounds that.
    if (hasBody && (!toApi || request.method === 'GET' || request.method === 'HEAD')) {
      return serverErrorResponse('body-not-allowed', true);
    }
    return toApi ? api(request, bindings) : files(request);
  });
}
