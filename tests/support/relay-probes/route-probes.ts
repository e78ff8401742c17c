import { DEFAULT_ANSWER, JSON_TYPE, REFERENCE, refused, SAME_ORIGIN, SERIAL, type RelayProbe } from './probe.ts';

/*
 * The relay's routes, methods, queries and origin check as probes (server/relay/routes.ts, origin.ts).
 * `/api/test/v2` is relayed to the imitation of KSeF at `/v2`.
 */

const relayed = DEFAULT_ANSWER.body;

const routes: RelayProbe[] = [
  {
    name: 'an allowlisted POST reaches KSeF with its body, and its answer the client',
    request: { method: 'POST', path: '/api/test/v2/auth/challenge', headers: JSON_TYPE, body: '{"a":1}' },
    expect: { status: 200, forwarded: { path: '/v2/auth/challenge', body: '{"a":1}' }, body: relayed },
  },
  {
    name: 'an allowlisted GET with a path parameter reaches KSeF without a body',
    request: { method: 'GET', path: `/api/test/v2/auth/${REFERENCE}` },
    expect: { status: 200, forwarded: { path: `/v2/auth/${REFERENCE}`, body: '' }, body: relayed },
  },
  {
    name: 'DELETE of the current session reaches KSeF',
    request: { method: 'DELETE', path: '/api/test/v2/auth/sessions/current' },
    expect: { status: 200, forwarded: { path: '/v2/auth/sessions/current', body: '' } },
  },
  {
    name: 'revoke with a serial number reaches KSeF',
    request: { method: 'POST', path: `/api/test/v2/certificates/${SERIAL}/revoke`, headers: JSON_TYPE, body: '{}' },
    expect: { status: 200, forwarded: { path: `/v2/certificates/${SERIAL}/revoke` } },
  },
  refused('an operation not on the allowlist', 'POST', '/api/test/v2/sessions', 404, 'not-found'),
  refused('a path below an allowlisted one', 'POST', '/api/test/v2/auth/challenge/x', 404, 'not-found'),
  refused('an environment that does not exist', 'POST', '/api/other/v2/auth/challenge', 404, 'not-found'),
  refused('another API version', 'POST', '/api/test/v1/auth/challenge', 404, 'not-found'),
  refused('a reference number one character short', 'GET', `/api/test/v2/auth/${REFERENCE.slice(1)}`, 404, 'not-found'),
  refused(
    'a serial number in lower case',
    'POST',
    `/api/test/v2/certificates/${SERIAL.toLowerCase()}/revoke`,
    404,
    'not-found',
  ),
  refused('dot segments into another environment', 'GET', '/api/test/v2/../../prod/v2/sessions', 404, 'not-found'),
  refused(
    'encoded dot segments into another operation',
    'GET',
    '/api/test/v2/auth/%2e%2e/%2e%2e/sessions',
    404,
    'not-found',
  ),
  {
    name: 'dot segments out of the API are not relayed',
    request: { method: 'GET', path: '/api/test/v2/../../../etc/passwd' },
    expect: { status: 404, notRelayed: true },
  },
  {
    name: 'dot segments onto an allowlisted operation reach KSeF at that operation only',
    request: { method: 'GET', path: '/api/test/v2/auth/sessions/../../certificates/limits' },
    expect: { status: 200, forwarded: { path: '/v2/certificates/limits' } },
  },
  refused('an encoded slash', 'POST', '/api/test/v2/auth%2Fchallenge', 404, 'not-found'),
  refused('GET on a POST operation', 'GET', '/api/test/v2/auth/challenge', 404, 'not-found'),
  refused('POST on a GET operation', 'POST', '/api/test/v2/certificates/limits', 404, 'not-found'),
  refused('PUT on a POST operation', 'PUT', '/api/test/v2/auth/challenge', 404, 'not-found'),
  refused('OPTIONS (no CORS preflight is answered)', 'OPTIONS', '/api/test/v2/auth/challenge', 404, 'not-found'),
  {
    name: 'HEAD on a GET operation',
    request: { method: 'HEAD', path: '/api/test/v2/certificates/limits' },
    expect: { status: 404, body: '' },
  },
];

const queries: RelayProbe[] = [
  refused(
    'a query on an operation that takes none',
    'POST',
    '/api/test/v2/auth/challenge?x=1',
    400,
    'query-not-allowed',
  ),
  refused('a query on a GET operation', 'GET', '/api/test/v2/certificates/limits?x=1', 400, 'query-not-allowed'),
  {
    name: 'the allowed query of the XAdES sign-in reaches KSeF',
    request: { method: 'POST', path: '/api/test/v2/auth/xades-signature?verifyCertificateChain=false', body: '<x/>' },
    expect: { status: 200, forwarded: { path: '/v2/auth/xades-signature?verifyCertificateChain=false', body: '<x/>' } },
  },
  refused(
    'a bad value of an allowed query',
    'POST',
    '/api/test/v2/auth/xades-signature?verifyCertificateChain=yes',
    400,
    'query-not-allowed',
  ),
  {
    name: 'paging of the certificate query reaches KSeF',
    request: { method: 'POST', path: '/api/test/v2/certificates/query?pageSize=10&pageOffset=2', body: '{}' },
    expect: { status: 200, forwarded: { path: '/v2/certificates/query?pageSize=10&pageOffset=2' } },
  },
  refused(
    'a repeated query parameter',
    'POST',
    '/api/test/v2/certificates/query?pageSize=1&pageSize=2',
    400,
    'query-not-allowed',
  ),
  refused(
    'an unknown query parameter beside allowed ones',
    'POST',
    '/api/test/v2/certificates/query?pageSize=1&all=1',
    400,
    'query-not-allowed',
  ),
];

const fromElsewhere = (name: string, method: string, path: string, headers: Record<string, string>): RelayProbe => {
  const probe = refused(name, method, path, 403, 'cross-origin');
  return { ...probe, request: { ...probe.request, headers } };
};

const crossSite: RelayProbe[] = [
  fromElsewhere('another site as Origin', 'POST', '/api/test/v2/auth/challenge', {
    Origin: 'https://elsewhere.example',
  }),
  fromElsewhere('Origin: null', 'POST', '/api/test/v2/auth/challenge', { Origin: 'null' }),
  fromElsewhere('Sec-Fetch-Site: cross-site', 'POST', '/api/test/v2/auth/challenge', {
    'Sec-Fetch-Site': 'cross-site',
  }),
  fromElsewhere('Sec-Fetch-Site: same-site', 'GET', '/api/test/v2/certificates/limits', {
    'Sec-Fetch-Site': 'same-site',
  }),
];

const sameOrigin: RelayProbe = {
  name: 'a request from our own page (Origin and Sec-Fetch-Site same-origin) reaches KSeF',
  request: {
    method: 'POST',
    path: '/api/test/v2/auth/challenge',
    headers: { Origin: SAME_ORIGIN, 'Sec-Fetch-Site': 'same-origin' },
    body: '{}',
  },
  expect: { status: 200, forwarded: { path: '/v2/auth/challenge' } },
};

/** Every probe of routes, methods, queries and origins. */
export const ROUTE_PROBES: readonly RelayProbe[] = [...routes, ...queries, ...crossSite, sameOrigin];
