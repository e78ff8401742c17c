import type { ServerHandler } from './bindings.ts';

/**
 * Headers on everything the Node server answers (static files, relay, sandbox). The app runs no
 * inline script or style, no eval (zod runs jitless), loads nothing from other origins and talks
 * only to its own origin, so the policy can be this strict; the e2e journeys fail on any violation.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()',
};

/**
 * Wraps a fetch-style handler so that every response carries `SECURITY_HEADERS`. Answers Node or the
 * adapter make themselves (parser errors, a throwing handler) get them in `node-server.ts`.
 */
export function withSecurityHeaders(handler: ServerHandler): ServerHandler {
  return async (request, bindings) => {
    const response = await handler(request, bindings);
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
