import { gzipSync } from 'node:zlib';
import { DEFAULT_ANSWER, JSON_TYPE, REFERENCE, type RelayProbe } from './probe.ts';

/*
 * Bodies and KSeF's answers as probes (server/relay/body.ts, relay.ts): the 1 MB cap, no body where an
 * operation takes none, statuses passed as they are, no redirects followed, unreachable and slow KSeF.
 * `/api/test/v2` is relayed to the imitation of KSeF at `/v2`, `/api/demo/v2` to a closed port.
 */

const MAX_BODY = 1024 * 1024;
const relayed = DEFAULT_ANSWER.body;

const bodies: RelayProbe[] = [
  {
    name: 'a GET route refuses a body with a length',
    request: { method: 'GET', path: '/api/test/v2/certificates/limits', body: 'x'.repeat(100) },
    expect: { status: 413, error: 'body-not-allowed' },
  },
  {
    name: 'a GET route refuses a chunked body',
    request: { method: 'GET', path: `/api/test/v2/auth/${REFERENCE}`, body: 'x'.repeat(100), chunked: true },
    expect: { status: 413, error: 'body-not-allowed' },
  },
  {
    name: 'the DELETE route refuses a body',
    request: { method: 'DELETE', path: '/api/test/v2/auth/sessions/current', body: '{}' },
    expect: { status: 413, error: 'body-not-allowed' },
  },
  {
    name: 'a GET with Content-Length: 0 is no body and reaches KSeF',
    request: { method: 'GET', path: '/api/test/v2/certificates/limits', body: '' },
    expect: { status: 200, forwarded: { path: '/v2/certificates/limits', body: '' } },
  },
  {
    name: 'a POST body of exactly 1 MB reaches KSeF whole',
    request: {
      method: 'POST',
      path: '/api/test/v2/certificates/enrollments',
      headers: JSON_TYPE,
      body: 'x'.repeat(MAX_BODY),
    },
    expect: { status: 200, forwarded: { path: '/v2/certificates/enrollments', body: 'x'.repeat(MAX_BODY) } },
  },
  {
    name: 'a POST body over 1 MB is refused',
    request: { method: 'POST', path: '/api/test/v2/certificates/enrollments', body: 'x'.repeat(MAX_BODY + 1) },
    expect: { status: 413, error: 'body-too-large' },
  },
  {
    name: 'a chunked POST body over 1 MB is refused before KSeF is called',
    request: {
      method: 'POST',
      path: '/api/test/v2/certificates/enrollments',
      body: 'x'.repeat(MAX_BODY + 1),
      chunked: true,
    },
    expect: { status: 413, error: 'body-too-large' },
  },
];

const answers: RelayProbe[] = [
  {
    name: "KSeF's 429 reaches the client with its Retry-After",
    request: { method: 'GET', path: '/api/test/v2/certificates/limits' },
    upstream: { status: 429, headers: { ...JSON_TYPE, 'Retry-After': '7' }, body: '{"status":429}' },
    expect: { status: 429, headers: { 'Retry-After': '7' }, body: '{"status":429}' },
  },
  {
    name: "KSeF's 500 reaches the client as it is (no retry)",
    request: { method: 'POST', path: '/api/test/v2/auth/challenge', body: '{}' },
    upstream: { status: 500, headers: JSON_TYPE, body: '{"exception":1}' },
    expect: { status: 500, forwarded: { path: '/v2/auth/challenge' }, body: '{"exception":1}' },
  },
  {
    name: "KSeF's redirect is not followed and its Location does not reach the client",
    request: { method: 'GET', path: '/api/test/v2/certificates/limits' },
    upstream: { status: 302, headers: { Location: 'https://elsewhere.example/' }, body: '' },
    expect: { status: 302, forwarded: { path: '/v2/certificates/limits' }, withheld: { Location: 'elsewhere' } },
  },
  {
    name: "KSeF's X-Accel-Redirect is ignored (nginx would otherwise serve that path)",
    request: { method: 'GET', path: '/api/test/v2/certificates/limits' },
    upstream: { ...DEFAULT_ANSWER, headers: { ...JSON_TYPE, 'X-Accel-Redirect': '/index.html' } },
    expect: { status: 200, body: relayed, withheld: { 'X-Accel-Redirect': '/index.html' } },
  },
  {
    name: 'a KSeF answer compressed unasked reaches the client readable',
    request: { method: 'GET', path: '/api/test/v2/certificates/limits' },
    upstream: {
      status: 200,
      headers: { ...JSON_TYPE, 'Content-Encoding': 'gzip' },
      body: gzipSync(relayed).toString('latin1'),
    },
    expect: { status: 200, body: relayed },
  },
  {
    name: 'a KSeF that cannot be reached: 502 upstream-unreachable',
    request: { method: 'GET', path: '/api/demo/v2/certificates/limits' },
    expect: { status: 502, error: 'upstream-unreachable' },
  },
  {
    name: 'a KSeF that does not answer in time: 504 upstream-timeout',
    request: { method: 'GET', path: '/api/test/v2/certificates/limits' },
    upstream: { ...DEFAULT_ANSWER, delayMs: 4_000 },
    expect: { status: 504, body: '{"error":"upstream-timeout"}' },
  },
];

/** Every probe of bodies and answers. */
export const EXCHANGE_PROBES: readonly RelayProbe[] = [...bodies, ...answers];
