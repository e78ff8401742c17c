import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connect, Plugin } from 'vite';
import type * as api from './api.ts';

/**
 * Mounts the sandbox and the relay (`server/api.ts`) in the Vite dev server and in `vite preview`, so
 * `npm run dev` works like `npm start`. The server code is loaded with tsx at run time, not imported:
 * Vite bundles its config file with everything it imports, and `vite build` needs none of it.
 */
export function ksefApi(): Plugin {
  let root = process.cwd();
  const middleware = async (): Promise<Connect.NextHandleFunction> => {
    const [{ getRequestListener }, { tsImport }] = await Promise.all([
      import('@hono/node-server'),
      import('tsx/esm/api'),
    ]);
    const apiUrl = pathToFileURL(join(root, 'server', 'api.ts')).href;
    const { createApiHandler, isApiPath } = (await tsImport(apiUrl, import.meta.url)) as typeof api;
    const listener = getRequestListener(createApiHandler());
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
      server.middlewares.use(await middleware());
    },
    async configurePreviewServer(server) {
      server.middlewares.use(await middleware());
    },
  };
}
