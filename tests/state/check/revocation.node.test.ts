import { beforeAll, describe, expect, it } from 'vitest';
import { readCertificate } from '../../../src/crypto/certificate-reader';
import type { CertificateSummary } from '../../../src/crypto/certificate-summary';
import { checkRevocationOnline, crlRelayPath } from '../../../src/state/check/revocation';
import { openssl, withTempDir } from '../../support/openssl';

/*
 * The checker's "check with KSeF whether it is revoked": certificates shaped as real TEST ones
 * (issuer TEST CCK KSeF, the CRL distribution point of ksef-test.mf.gov.pl) and a CRL made by
 * `openssl ca -gencrl`, served by a fetch stand-in that records what was asked.
 */

const CRL_URI = 'https://ksef-test.mf.gov.pl/security/crl/testmfksef2.crl';
const ORIGIN = 'https://ksef-cert.example';

const CA_CONFIG = `[ ca ]
default_ca = test_ca
[ test_ca ]
dir = .
database = ./index.txt
crlnumber = ./crlnumber
default_md = sha256
default_crl_days = 7
[ leaf ]
keyUsage = critical,digitalSignature
crlDistributionPoints = URI:${CRL_URI}
[ elsewhere ]
keyUsage = critical,digitalSignature
crlDistributionPoints = URI:https://crl.example.com/security/crl/testmfksef2.crl
`;

interface Made {
  readonly ca: CertificateSummary;
  readonly revoked: CertificateSummary;
  readonly valid: CertificateSummary;
  readonly elsewhere: CertificateSummary;
  readonly crl: Uint8Array;
}

let made: Made;
const now = () => new Date(Date.now() + 60_000);

beforeAll(async () => {
  const der = await withTempDir((dir) => {
    const run = (args: string[]) => openssl(args, { cwd: dir.path });
    dir.write('ca.cnf', CA_CONFIG);
    dir.write('index.txt', '');
    dir.write('crlnumber', '01\n');
    const subject = '/C=PL/O=Ministerstwo Finansów/OU=Krajowa Administracja Skarbowa/CN=TEST CCK KSeF';
    run(
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '30'].concat([
        '-keyout',
        'ca.key',
        '-out',
        'ca.pem',
        '-subj',
        subject,
        '-utf8',
      ]),
    );
    run(
      ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'].concat([
        '-keyout',
        'leaf.key',
        '-out',
        'leaf.csr',
        '-subj',
        '/C=PL/CN=Jan Kowalski (uwierzytelnienie)',
      ]),
    );
    const leaf = (serial: string, file: string, section: string) =>
      run(
        ['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', serial].concat([
          '-days',
          '10',
          '-extfile',
          'ca.cnf',
          '-extensions',
          section,
          '-outform',
          'DER',
          '-out',
          file,
        ]),
      );
    leaf('0x0123456789ABCDEF', 'revoked.der', 'leaf');
    leaf('0x1111111111111111', 'valid.der', 'leaf');
    leaf('0x2222222222222222', 'elsewhere.der', 'elsewhere');
    run(['x509', '-inform', 'DER', '-in', 'revoked.der', '-out', 'revoked.pem']);
    run(
      ['ca', '-config', 'ca.cnf', '-keyfile', 'ca.key', '-cert', 'ca.pem', '-revoke', 'revoked.pem'].concat([
        '-crl_reason',
        'keyCompromise',
      ]),
    );
    run(['ca', '-config', 'ca.cnf', '-keyfile', 'ca.key', '-cert', 'ca.pem', '-gencrl', '-out', 'crl.pem']);
    run(['crl', '-in', 'crl.pem', '-outform', 'DER', '-out', 'crl.der']);
    run(['x509', '-in', 'ca.pem', '-outform', 'DER', '-out', 'ca.der']);
    return ['ca.der', 'revoked.der', 'valid.der', 'elsewhere.der', 'crl.der'].map((name) => dir.read(name));
  });
  const [ca, revoked, valid, elsewhere, crl] = der as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  made = {
    ca: await readCertificate(ca, now()),
    revoked: await readCertificate(revoked, now()),
    valid: await readCertificate(valid, now()),
    elsewhere: await readCertificate(elsewhere, now()),
    crl,
  };
}, 60_000);

/** A fetch that answers `answer` and records the URLs and options it was called with. */
function fetchAnswering(answer: () => Response) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    calls.push({ url: input instanceof Request ? input.url : input.toString(), init });
    return Promise.resolve(answer());
  };
  return { calls, fetch };
}

const crlAnswer = () =>
  new Response(new Uint8Array(made.crl), { status: 200, headers: { 'Content-Type': 'application/pkix-crl' } });

describe('crlRelayPath', () => {
  it('maps a TEST CRL distribution point to the relay, and nothing else', () => {
    expect(crlRelayPath(made.revoked)).toBe('/api/test/security/crl/testmfksef2.crl');
    expect(crlRelayPath(made.elsewhere)).toBeNull();
    // The CA itself is no KSeF leaf, and carries no CRL distribution point.
    expect(crlRelayPath(made.ca)).toBeNull();
  });
});

describe('checkRevocationOnline', () => {
  it('asks only the relay path, sends no credentials, and finds the revoked certificate with date and reason', async () => {
    const { calls, fetch } = fetchAnswering(crlAnswer);
    const outcome = await checkRevocationOnline(made.revoked, '/api/test/security/crl/testmfksef2.crl', [], {
      fetch,
      origin: ORIGIN,
      now,
    });
    expect(calls.map((c) => [c.url, c.init?.method, c.init?.credentials, c.init?.body])).toEqual([
      [`${ORIGIN}/api/test/security/crl/testmfksef2.crl`, 'GET', 'omit', undefined],
    ]);
    expect(outcome).toMatchObject({
      kind: 'checked',
      revoked: { serialHex: '0123456789ABCDEF', reason: 'keyCompromise' },
      signature: 'no-issuer-certificate',
      freshness: 'current',
    });
  });

  it('says not revoked, with the signature checked when the issuer certificate was opened too', async () => {
    const { fetch } = fetchAnswering(crlAnswer);
    const candidates = [made.valid, made.ca];
    const outcome = await checkRevocationOnline(made.valid, '/api/test/security/crl/testmfksef2.crl', candidates, {
      fetch,
      origin: ORIGIN,
      now,
    });
    expect(outcome).toMatchObject({ kind: 'checked', revoked: null, signature: 'valid', freshness: 'current' });
  });

  it('says stale once the list’s nextUpdate has passed', async () => {
    const { fetch } = fetchAnswering(crlAnswer);
    const later = () => new Date(Date.now() + 8 * 24 * 3_600_000);
    const outcome = await checkRevocationOnline(made.valid, '/api/test/security/crl/x.crl', [], {
      fetch,
      origin: ORIGIN,
      now: later,
    });
    expect(outcome).toMatchObject({ kind: 'checked', freshness: 'stale' });
  });

  it.each([
    ['the relay’s 404', () => Response.json({ error: 'not-found' }, { status: 404 }), { kind: 'not-found' }],
    [
      'KSeF unreachable',
      () => Response.json({ error: 'upstream-unreachable' }, { status: 502 }),
      { kind: 'ksef-unreachable' },
    ],
    [
      'KSeF too slow',
      () => Response.json({ error: 'upstream-timeout' }, { status: 504 }),
      { kind: 'ksef-unreachable' },
    ],
    ['another status', () => new Response('', { status: 429 }), { kind: 'status', status: 429 }],
    [
      'an HTML page',
      () => new Response('<html>maintenance</html>', { status: 200 }),
      { kind: 'unreadable', code: 'unrecognized-file' },
    ],
    [
      'a certificate',
      () => new Response(new Uint8Array(made.ca.der), { status: 200 }),
      { kind: 'unreadable', code: 'not-a-crl' },
    ],
  ] as const)('could not check: %s', async (_name, answer, failure) => {
    const { fetch } = fetchAnswering(answer);
    const outcome = await checkRevocationOnline(made.valid, '/api/test/security/crl/x.crl', [], {
      fetch,
      origin: ORIGIN,
      now,
    });
    expect(outcome).toEqual({ kind: 'failed', failure });
  });

  it('could not check: offline', async () => {
    const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    const outcome = await checkRevocationOnline(made.valid, '/api/test/security/crl/x.crl', [], {
      fetch: offline,
      origin: ORIGIN,
      now,
    });
    expect(outcome).toEqual({ kind: 'failed', failure: { kind: 'offline' } });
  });
});
