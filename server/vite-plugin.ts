import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connect, Plugin } from 'vite';
import type * as api from './api.ts';
import type * as config from './config.ts';

/** Vite's `host` option as an address: unset means localhost, `true` every address. */
type ViteHost = string | boolean | undefined;

/**
 * Mounts the sandbox and the relay (`server/api.ts`) in the Vite dev server and in `vite preview`, so
 * `npm run dev` works like `npm start`, the local sandbox included on the same terms (`decideSandbox`:
 * on by default on loopback, `KSEF_SANDBOX` required on any other host). The server code is loaded
 * with tsx at run time, not imported: Vite bundles its config file with everything it imports, and
 * `vite build` needs none of it.
 */
export function ksefApi(): Plugin {
  let root = process.cwd();
  const load = async <T>(file: string, tsImport: (url: string, parent: string) => Promise<unknown>): Promise<T> =>
    (await tsImport(pathToFileURL(join(root, 'server', file)).href, import.meta.url)) as T;
  const middleware = async (viteHost: ViteHost, info: (line: string) => void): Promise<Connect.NextHandleFunction> => {
    const [{ getRequestListener }, { tsImport }] = await Promise.all([
      import('@hono/node-server'),
      import('tsx/esm/api'),
    ]);
    const { createApiHandler, isApiPath } = await load<typeof api>('api.ts', tsImport);
    const { decideSandbox, withSandboxDecision } = await load<typeof config>('config.ts', tsImport);
    const host = viteHost === undefined || viteHost === false ? 'localhost' : viteHost === true ? '0.0.0.0' : viteHost;
    const sandbox = decideSandbox(process.env, host);
    if (sandbox.kind === 'refused') throw new Error(sandbox.reason);
    if (sandbox.kind === 'on') info(sandbox.announcement);
    const listener = getRequestListener(createApiHandler(withSandboxDecision(process.env, sandbox)));
    return (req, res, next) => {
      if (req.url !== undefined && isApiPath(new URL(req.url, 'http://localhost').pathname)) {
        void listener(req, res);
        return;
      }
      next();
    };
  };
  return {
    name: 'ksef-api',
    configResolved(config) {
      root = config.root;
    },
    async configureServer(server) {
      const { host } = server.config.server;
      server.middlewares.use(await middleware(host, (line) => server.config.logger.info(line)));
    },
    async configurePreviewServer(server) {
      const { host } = server.config.preview;
      server.middlewares.use(await middleware(host, (line) => server.config.logger.info(line)));
    },
  };
}
