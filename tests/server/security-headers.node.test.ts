import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, withSecurityHeaders } from '../../server/security-headers';

describe('withSecurityHeaders', () => {
  it('adds every security header and keeps status, body and the handler own headers', async () => {
    const handler = withSecurityHeaders(() =>
      Promise.resolve(
        new Response('{"a":1}', { status: 202, headers: { 'Content-Type': 'application/json', 'Retry-After': '3' } }),
      ),
    );
    const response = await handler(new Request('http://127.0.0.1/api/x'));
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('{"a":1}');
    expect(response.headers.get('retry-after')).toBe('3');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
  });

  it('forbids inline code, eval and other origins', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('matches the policy shipped in the nginx configuration', () => {
    const nginx = readFileSync(new URL('../../deploy/nginx/ksef-cert.conf', import.meta.url), 'utf8');
    expect(nginx).toContain(`add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY}" always;`);
    expect(nginx).toContain(`add_header Permissions-Policy "${SECURITY_HEADERS['Permissions-Policy']}" always;`);
  });
});
