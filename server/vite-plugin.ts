import type { Connect, Plugin } from 'vite';

/**
 * Mounts the sandbox and the relay (`createApiHandler`) in the Vite dev server and in `vite preview`,
 * so `npm run dev` works like `npm start`. Loaded on first use: `vite build` never starts a sandbox.
 */
export function ksefApi(): Plugin {
  const middleware = async (): Promise<Connect.NextHandleFunction> => {
    const [{ getRequestListener }, { createApiHandler, isApiPath }] = await Promise.all([
      import('@hono/node-server'),
      import('./api.ts'),
    ]);
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
    async configureServer(server) {
      server.middlewares.use(await middleware());
    },
    async configurePreviewServer(server) {
      server.middlewares.use(await middleware());
    },
  };
}
