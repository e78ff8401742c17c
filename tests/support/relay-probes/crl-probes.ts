import { refused, SAME_ORIGIN, type RelayProbe } from './probe.ts';

/*
 * The CRL route as probes (server/relay/routes.ts matchCrl; the CRL location of deploy/nginx/ksef-cert.conf):
 * `GET /api/<environment>/security/crl/<name>.crl` goes to that environment's CRL host, nothing else
 * there. `/api/test` is relayed to the imitation of KSeF (CRLs at its root, as on ksef-test.mf.gov.pl),
 * `/api/demo` to a closed port.
 */

const MAX_CRL = 4 * 1024 * 1024;
const CRL_PATH = '/api/test/security/crl/testmfksef2.crl';
/** Bytes of every value a latin1 string holds, as a DER CRL would: they must arrive unchanged. */
const BINARY = `0\x82\x01\x00${Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('')}`;
const CRL_TYPE = { 'Content-Type': 'application/pkix-crl' };

const reached: RelayProbe[] = [
  {
    name: 'a CRL of the TEST host reaches the client byte for byte, with its Content-Type',
    request: { method: 'GET', path: CRL_PATH },
    upstream: { status: 200, headers: CRL_TYPE, body: BINARY },
    expect: {
      status: 200,
      forwarded: { path: '/security/crl/testmfksef2.crl', body: '' },
      headers: CRL_TYPE,
      body: BINARY,
    },
  },
  {
    name: 'a CRL request carries no Authorization or cookie to the CRL host, only Accept',
    request: {
      method: 'GET',
      path: CRL_PATH,
      headers: { Authorization: 'Bearer never-to-the-crl-host', Cookie: 'a=b', Accept: 'application/pkix-crl' },
    },
    upstream: { status: 200, headers: CRL_TYPE, body: BINARY },
    expect: {
      status: 200,
      forwarded: {
        path: '/security/crl/testmfksef2.crl',
        headers: { Accept: 'application/pkix-crl' },
        withheld: ['Authorization', 'Cookie'],
      },
    },
  },
  {
    name: 'a CRL from our own page reaches the CRL host',
    request: { method: 'GET', path: CRL_PATH, headers: { Origin: SAME_ORIGIN, 'Sec-Fetch-Site': 'same-origin' } },
    upstream: { status: 200, headers: CRL_TYPE, body: BINARY },
    expect: { status: 200, forwarded: { path: '/security/crl/testmfksef2.crl' } },
  },
  {
    name: "the CRL host's 404 reaches the client as it is",
    request: { method: 'GET', path: '/api/test/security/crl/no-such.crl' },
    upstream: { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'not here' },
    expect: { status: 404, forwarded: { path: '/security/crl/no-such.crl' }, body: 'not here' },
  },
  {
    name: 'a CRL of exactly 4 MiB reaches the client whole',
    request: { method: 'GET', path: CRL_PATH },
    upstream: { status: 200, headers: CRL_TYPE, body: 'x'.repeat(MAX_CRL) },
    expect: { status: 200, body: 'x'.repeat(MAX_CRL) },
  },
];

const refusals: RelayProbe[] = [
  {
    name: 'a CRL over 4 MiB is refused, not cut short',
    request: { method: 'GET', path: CRL_PATH },
    upstream: { status: 200, headers: CRL_TYPE, body: 'x'.repeat(MAX_CRL + 1) },
    expect: { status: 502, body: '{"error":"upstream-invalid"}' },
  },
  {
    name: 'a chunked CRL over 4 MiB (no length to go by) is refused, not cut short',
    request: { method: 'GET', path: CRL_PATH },
    upstream: { status: 200, headers: { ...CRL_TYPE, 'Transfer-Encoding': 'chunked' }, body: 'x'.repeat(MAX_CRL + 1) },
    expect: { status: 502, body: '{"error":"upstream-invalid"}' },
  },
  refused('POST on a CRL', 'POST', CRL_PATH, 404, 'not-found'),
  refused('PUT on a CRL', 'PUT', CRL_PATH, 404, 'not-found'),
  refused('DELETE on a CRL', 'DELETE', CRL_PATH, 404, 'not-found'),
  {
    name: 'HEAD on a CRL',
    request: { method: 'HEAD', path: CRL_PATH },
    expect: { status: 404, body: '' },
  },
  refused('a query on a CRL', 'GET', `${CRL_PATH}?x=1`, 400, 'query-not-allowed'),
  {
    name: 'a body on a CRL GET',
    request: { method: 'GET', path: CRL_PATH, body: 'x'.repeat(10) },
    expect: { status: 413, error: 'body-not-allowed' },
  },
  {
    name: 'a CRL asked for by another site',
    request: { method: 'GET', path: CRL_PATH, headers: { Origin: 'https://elsewhere.example' } },
    expect: { status: 403, error: 'cross-origin' },
  },
  refused('another file beside the CRLs', 'GET', '/api/test/security/crl/testmfksef2.txt', 404, 'not-found'),
  refused('another folder of the CRL host', 'GET', '/api/test/security/other/testmfksef2.crl', 404, 'not-found'),
  refused('the CRL host root', 'GET', '/api/test/security/crl/', 404, 'not-found'),
  refused('a CRL in a sub-folder', 'GET', '/api/test/security/crl/a/b.crl', 404, 'not-found'),
  refused('a CRL name of 65 characters', 'GET', `/api/test/security/crl/${'a'.repeat(65)}.crl`, 404, 'not-found'),
  refused('a CRL name with a dot', 'GET', '/api/test/security/crl/a.b.crl', 404, 'not-found'),
  refused('an encoded slash in a CRL name', 'GET', '/api/test/security/crl/a%2Fb.crl', 404, 'not-found'),
  refused('an encoded dot segment before a CRL', 'GET', '/api/test/security/crl/%2e%2e/x.crl', 404, 'not-found'),
  refused('a CRL below the API version', 'GET', '/api/test/v2/security/crl/testmfksef2.crl', 404, 'not-found'),
  refused('a CRL of an environment that does not exist', 'GET', '/api/other/security/crl/x.crl', 404, 'not-found'),
  {
    name: 'dot segments out of the CRL folder are not relayed',
    request: { method: 'GET', path: '/api/test/security/crl/../../../etc/passwd' },
    expect: { status: 404, notRelayed: true },
  },
  {
    name: 'a CRL host that cannot be reached: 502 upstream-unreachable',
    request: { method: 'GET', path: '/api/demo/security/crl/x.crl' },
    expect: { status: 502, error: 'upstream-unreachable' },
  },
  {
    name: 'a CRL host that does not answer in time: 504 upstream-timeout',
    request: { method: 'GET', path: CRL_PATH },
    upstream: { status: 200, headers: CRL_TYPE, body: BINARY, delayMs: 4_000 },
    expect: { status: 504, body: '{"error":"upstream-timeout"}' },
  },
];

/** Every probe of the CRL route. */
export const CRL_PROBES: readonly RelayProbe[] = [...reached, ...refusals];
