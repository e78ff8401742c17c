import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHIPPED_CONFIG, SHIPPED_HEADER_SCRIPT } from '../../scripts/nginx-test-config';
import { FORWARDED_REQUEST_HEADERS, PASSED_RESPONSE_HEADERS } from '../../server/relay/headers';

/*
 * The nginx relay's header allowlists are the Node relay's (server/relay/headers.ts): compared here,
 * so neither can gain or lose a header alone. What nginx really does with them is probed in
 * tests/deploy/relay-probes.node.test.ts.
 */

const config = readFileSync(SHIPPED_CONFIG, 'utf8');

/** The shipped njs script, loaded by Node (it is plain ECMAScript; njs runs the same file). */
async function headerScript(): Promise<{
  allowlistResponseHeaders: (r: { headersOut: Record<string, string> }) => void;
  PASSED_RESPONSE_HEADERS: unknown;
}> {
  const loaded: unknown = await import(pathToFileURL(SHIPPED_HEADER_SCRIPT).href);
  const script = (loaded as { default: unknown }).default;
  expect(typeof (script as { allowlistResponseHeaders?: unknown }).allowlistResponseHeaders).toBe('function');
  return script as Awaited<ReturnType<typeof headerScript>>;
}

describe('the request headers nginx forwards', () => {
  it('are the Node relay list, each taken from the browser header of the same name', () => {
    expect(config).toContain('    proxy_pass_request_headers off;\n');
    // Host is the upstream's own name, not the browser's.
    expect(config).toContain('    proxy_set_header Host                  $proxy_host;\n');
    const forwarded = [...config.matchAll(/^ {4}proxy_set_header (\S+) +\$(\S+);$/gm)]
      .filter(([, name]) => name !== 'Host')
      .map(([, name = '', variable]) => {
        const fromBrowser =
          name === 'Content-Type' ? 'content_type' : `http_${name.toLowerCase().replaceAll('-', '_')}`;
        expect(variable, name).toBe(fromBrowser);
        return name;
      });
    expect(forwarded.sort()).toEqual([...FORWARDED_REQUEST_HEADERS].sort());
  });
});

describe('the response headers nginx passes (deploy/nginx/ksef-cert-headers.js)', () => {
  it('are the Node relay list', async () => {
    const script = await headerScript();
    expect(script.PASSED_RESPONSE_HEADERS).toEqual(PASSED_RESPONSE_HEADERS);
  });

  it('deletes every other header, whatever its case, and keeps framing', async () => {
    const { allowlistResponseHeaders } = await headerScript();
    const r = {
      headersOut: {
        'content-type': 'application/json',
        'RETRY-AFTER': '3',
        'X-System-Warning': 'w',
        'Content-Length': '2',
        'Content-Encoding': 'gzip',
        'X-Whatever-New': '1',
        Location: '/',
        'Set-Cookie': 'a=1',
      },
    };
    allowlistResponseHeaders(r);
    expect(Object.keys(r.headersOut).sort()).toEqual([
      'Content-Encoding',
      'Content-Length',
      'RETRY-AFTER',
      'X-System-Warning',
      'content-type',
    ]);
  });

  it('runs on every relay location and nowhere else', () => {
    const relayLocations = config.match(/\n {8}proxy_pass \$ksef_upstream/g) ?? [];
    const filters = config.match(/\n {8}js_header_filter ksef_cert_headers\.allowlistResponseHeaders;\n/g) ?? [];
    expect(relayLocations.length).toBeGreaterThan(0);
    expect(filters).toHaveLength(relayLocations.length);
  });
});
