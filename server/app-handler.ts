import { createApiHandler, isApiPath } from './api.ts';
import { withSecurityHeaders } from './security-headers.ts';
import { staticFiles } from './static-files.ts';

/**
 * Everything `npm start` answers, as one fetch-style handler: `/api/...` to the sandbox and the relay,
 * the rest to the static build in `distDir`, all with the security headers. `env` configures the
 * relay and the sandbox (`KSEF_UPSTREAM_*`, `KSEF_RELAY_TIMEOUT_MS`, `KSEF_SANDBOX_CONTROL`).
 */
export function createAppHandler(
  distDir: string,
  env: NodeJS.ProcessEnv = process.env,
): (request: Request) => Promise<Response> {
  const api = createApiHandler(env);
  const files = staticFiles(distDir);
  return withSecurityHeaders((request) => (isApiPath(new URL(request.url).pathname) ? api(request) : files(request)));
}
