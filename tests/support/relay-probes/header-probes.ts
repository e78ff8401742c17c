import type { FORWARDED_REQUEST_HEADERS } from '../../../server/relay/headers.ts';
import { DEFAULT_ANSWER, SAME_ORIGIN, type RelayProbe } from './probe.ts';

/*
 * Header allowlists both ways (server/relay/headers.ts): one probe per header KSeF, its WAF or its CDN
 * could send that must not reach the browser, each with a value of its own so that the relay's own
 * header of the same name (Cache-Control, the security headers) does not count as a leak.
 */

/** Response headers that must stop at the relay: navigation, reporting, cookies, caching, CORS, policies, fingerprints. */
const WITHHELD_RESPONSE_HEADERS = [
  'X-Whatever-New',
  'Location',
  'Refresh',
  'Link',
  'NEL',
  'Report-To',
  'Reporting-Endpoints',
  'Alt-Svc',
  'Clear-Site-Data',
  'WWW-Authenticate',
  'Proxy-Authenticate',
  'Content-Disposition',
  'Content-Location',
  'Content-Language',
  'Set-Cookie',
  'Cache-Control',
  'Expires',
  'Pragma',
  'ETag',
  'Last-Modified',
  'Age',
  'Vary',
  'Access-Control-Allow-Origin',
  'Access-Control-Allow-Credentials',
  'Access-Control-Expose-Headers',
  'Timing-Allow-Origin',
  'Server-Timing',
  'Service-Worker-Allowed',
  'SourceMap',
  'Accept-CH',
  'Origin-Agent-Cluster',
  'Strict-Transport-Security',
  'Content-Security-Policy',
  'Content-Security-Policy-Report-Only',
  'X-Content-Type-Options',
  'X-Frame-Options',
  'Referrer-Policy',
  'Permissions-Policy',
  'Cross-Origin-Opener-Policy',
  'Cross-Origin-Embedder-Policy',
  'Cross-Origin-Resource-Policy',
  'X-Powered-By',
  'X-CDN',
  'X-Iinfo',
  'X-Azure-Ref',
] as const;

/** A value no relay would set itself, different per header. */
const upstreamValue = (name: string) => `from-ksef-${name.toLowerCase()}`;

const responseProbes: RelayProbe[] = WITHHELD_RESPONSE_HEADERS.map((name) => ({
  name: `KSeF's ${name} does not reach the client`,
  request: { method: 'GET', path: '/api/test/v2/certificates/limits' },
  upstream: { ...DEFAULT_ANSWER, headers: { ...DEFAULT_ANSWER.headers, [name]: upstreamValue(name) } },
  expect: { status: 200, body: DEFAULT_ANSWER.body, withheld: { [name]: upstreamValue(name) } },
}));

const passed: RelayProbe = {
  name: "KSeF's Content-Type, Retry-After and X-System-Warning reach the client, with the relay's no-store and nosniff",
  request: { method: 'GET', path: '/api/test/v2/certificates/limits' },
  upstream: {
    ...DEFAULT_ANSWER,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': '3', 'X-System-Warning': '[w]: test' },
  },
  expect: {
    status: 200,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Retry-After': '3',
      'X-System-Warning': '[w]: test',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  },
};

/** Request headers a browser or a proxy in front may send that KSeF must not get. */
const WITHHELD_REQUEST_HEADERS = {
  Cookie: 'session=browser-cookie',
  Origin: SAME_ORIGIN,
  Referer: 'https://referer.example/page',
  'User-Agent': 'browser-user-agent',
  'X-Forwarded-For': '10.9.8.7',
  'X-Forwarded-Host': 'forwarded.example',
  'X-Real-IP': '10.9.8.6',
  Forwarded: 'for=10.9.8.5',
  Via: '1.1 browser-proxy',
  'Proxy-Authorization': 'Basic browser-proxy-secret',
  'X-Whatever-New': 'browser-whatever',
} as const;

const ALLOWED_REQUEST_VALUES: Readonly<Record<(typeof FORWARDED_REQUEST_HEADERS)[number], string>> = {
  Authorization: 'Bearer probe-token',
  'Content-Type': 'application/json',
  Accept: 'application/json',
  'Accept-Language': 'pl',
  'X-Error-Format': 'problem-details',
  'X-KSeF-Feature': 'probe-feature',
  'X-Test-System-Warning': 'probe-warning',
};

const requestProbe: RelayProbe = {
  name: 'KSeF gets the allowlisted request headers with their values, and none of the others',
  request: {
    method: 'POST',
    path: '/api/test/v2/auth/challenge',
    headers: { ...ALLOWED_REQUEST_VALUES, ...WITHHELD_REQUEST_HEADERS },
    body: '{}',
  },
  expect: {
    status: 200,
    forwarded: {
      path: '/v2/auth/challenge',
      headers: ALLOWED_REQUEST_VALUES,
      withheld: Object.keys(WITHHELD_REQUEST_HEADERS),
    },
  },
};

/** Every probe of the header allowlists. */
export const HEADER_PROBES: readonly RelayProbe[] = [requestProbe, passed, ...responseProbes];
