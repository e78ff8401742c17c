import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONTEXT_TYPES,
  type CertificateLinkFields,
  type LinkFault,
  QR_HOSTS,
  buildCertificateLink,
  buildInvoiceLink,
  certificateSignedString,
  fromBase64Url,
  parseCertificateLink,
} from '../../../src/crypto/offline-link/link';
import { KSEF_ENVIRONMENT_INFO } from '../../../src/ksef/environments';

/**
 * The example of the official documentation (`kody-qr.md` of CIRFMF/ksef-api, section "KOD II", as
 * docs/ksef-contract.md §9 quotes it): the link, and the string it says is signed.
 */
const DOCUMENTED_LINK =
  'https://qr-test.ksef.mf.gov.pl/certificate/Nip/1111111111/1111111111/01F20A5D352AE590/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE/mSkm_XmM9fq7PgAJwiL32L9ujhyguOEV48cDB0ncemD2r9TMGa3lr0iRoFk588agCi8QPsOuscUY1rZ7ff76STbGquO-gZtQys5_fHdf2HUfDqPqVTnUS6HknBu0zLkyf9ygoW7WbH06Ty_8BgQTlOmJFzNWSt9WZa7tAGuAE9JOooNps-KG2PYkkIP4q4jPMp3FKypAygHVnXtS0RDGgOxhhM7LWtFP7D-dWINbh5yXD8Lr-JVbeOpyQjHa6WmMYavCDQJ3X_Z-iS01LZu2s1B3xuOykl1h0sLObCdADrbxOONsXrvQa61Xt_rxyprVraj2Uf9pANQgR4-12HEcMw';
const DOCUMENTED_SIGNED_STRING =
  'qr-test.ksef.mf.gov.pl/certificate/Nip/1111111111/1111111111/01F20A5D352AE590/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE';
/** The 2025 edition's example (`ksef-docs`, `/client-app/certificate`), which KSeF no longer serves. */
const OBSOLETE_LINK =
  'https://ksef-test.mf.gov.pl/client-app/certificate/Nip/1111111111/1111111111/01F20A5D352AE590/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE/KFoN1Z91HvySb2uqP2ZDFKubKftzWtWsQOjqTdLFXA3ZEoC1PB8sixNi1LLwgnndwL-MkDcpaCEZxBuVtjWcBpAUJEYlnmDQFOMQs-ueSsp5uuVbmNb-d8_yRTAQvSUdHNuIYfpy7Wpj1jTY0yghgOmdTQzpV5MrcHEReLKjpGONHj8lZtq7RpY43LlCfvctHbUWbqSYAC0C7zmNKz5ROK1LFE-QIi5qGqrRIdw1PCEEPW9tKcB94G3qAHXizNyp5TO6V_0qZ9eC1DXtftkCocQD_CEI3MY-nu7yk6LC7hF7yQ1t8GGRikhQP6w4OwBR-z048IdhCtWd-RYNnxiU6w';

describe('the documented KOD II example', () => {
  it('parses, and its signed string is rebuilt byte for byte', () => {
    const parsed = parseCertificateLink(DOCUMENTED_LINK);
    if (!parsed.ok) throw new Error(`refused: ${parsed.fault}`);
    expect(parsed.link).toMatchObject({
      environment: 'test',
      contextType: 'Nip',
      contextValue: '1111111111',
      sellerNip: '1111111111',
      certificateSerial: '01F20A5D352AE590',
      invoiceHash: 'UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE',
    });
    expect(new TextEncoder().encode(parsed.link.signedString)).toEqual(
      new TextEncoder().encode(DOCUMENTED_SIGNED_STRING),
    );
    // RSA 2048: 256 bytes of signature, and the link comes back exactly from its parts.
    expect(parsed.link.signature).toHaveLength(256);
    expect(buildCertificateLink(parsed.link, parsed.link.signature)).toBe(DOCUMENTED_LINK);
  });

  it('names the 2025 link format as obsolete', () => {
    expect(parseCertificateLink(OBSOLETE_LINK)).toEqual({ ok: false, fault: 'obsolete-link' });
  });

  it('builds KOD I as the documentation shows it', () => {
    expect(
      buildInvoiceLink({
        environment: 'test',
        sellerNip: '1111111111',
        issueDate: '2026-02-01',
        invoiceHash: 'UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE',
      }),
    ).toBe('https://qr-test.ksef.mf.gov.pl/invoice/1111111111/01-02-2026/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE');
    const bad = { environment: 'test', sellerNip: '1111111111', invoiceHash: 'x' } as const;
    expect(() => buildInvoiceLink({ ...bad, issueDate: '2026-02-30' })).toThrow(RangeError);
  });
});

it('uses the QR hosts the app knows for each official environment', () => {
  for (const env of ['test', 'demo', 'prod'] as const) expect(QR_HOSTS[env]).toBe(KSEF_ENVIRONMENT_INFO[env].qrHost);
});

describe('each format fault has its own code', () => {
  const [head = '', signature = ''] = [
    DOCUMENTED_LINK.slice(0, DOCUMENTED_LINK.lastIndexOf('/')),
    DOCUMENTED_LINK.slice(DOCUMENTED_LINK.lastIndexOf('/') + 1),
  ];
  const replacePart = (index: number, value: string): string => {
    const parts = DOCUMENTED_LINK.split('/');
    parts[index] = value;
    return parts.join('/');
  };
  // https: '' qr-host certificate type value seller serial hash signature → indexes 0..9
  const rows: readonly [string, string, LinkFault][] = [
    ['empty', '  ', 'empty'],
    ['the signed string without a scheme', DOCUMENTED_SIGNED_STRING, 'missing-scheme'],
    ['http', DOCUMENTED_LINK.replace('https://', 'http://'), 'not-https'],
    ['another host', DOCUMENTED_LINK.replace('qr-test.ksef.mf.gov.pl', 'qr-test.example.com'), 'unknown-host'],
    ['a query', `${DOCUMENTED_LINK}?x=1`, 'query-or-fragment'],
    [
      'KOD I',
      'https://qr-test.ksef.mf.gov.pl/invoice/1111111111/01-02-2026/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE',
      'invoice-link',
    ],
    ['another path', replacePart(3, 'cert'), 'not-certificate-link'],
    ['a trailing slash', `${DOCUMENTED_LINK}/`, 'trailing-slash'],
    ['no signature', head, 'wrong-part-count'],
    ['context type in lower case', replacePart(4, 'nip'), 'context-type-unknown'],
    ['context NIP with a wrong check digit', replacePart(5, '1111111112'), 'context-value-invalid'],
    ['InternalId without its suffix', replacePart(4, 'InternalId'), 'context-value-invalid'],
    ['seller NIP with dashes', replacePart(6, '111-111-11-11'), 'seller-nip-invalid'],
    ['serial in lower case', replacePart(7, '01f20a5d352ae590'), 'serial-invalid'],
    ['serial of 9 bytes', replacePart(7, '01F20A5D352AE59000'), 'serial-invalid'],
    ['hash as hex', replacePart(8, '52d429f46a5ce75cbebb7c40a598c88e0929674d63b3e27c29f9523d6f16cc81'), 'hash-hex'],
    ['hash padded', replacePart(8, 'UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE='), 'hash-padded'],
    ['hash in standard base64', replacePart(8, 'UtQp9Gpc51y+u3xApZjIjgkpZ01js+J8KflSPW8WzIE'), 'hash-standard-base64'],
    ['hash of 42 characters', replacePart(8, 'UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzI'), 'hash-invalid'],
    ['hash with unused bits set', replacePart(8, 'UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIF'), 'hash-invalid'],
    ['signature padded', `${head}/${signature}==`, 'signature-padded'],
    ['signature in standard base64', `${head}/${signature.replace(/-/g, '+')}`, 'signature-standard-base64'],
    ['signature with a stray character', `${head}/${signature}.`, 'signature-invalid'],
  ];
  it.each(rows)('%s → %s', (_name, link, fault) => {
    expect(parseCertificateLink(link)).toEqual({ ok: false, fault });
  });
  it('accepts surrounding whitespace from a paste', () => {
    expect(parseCertificateLink(`  ${DOCUMENTED_LINK}\n`).ok).toBe(true);
  });
});

/** A valid NIP: nine digits matching the KSeF pattern and their check digit (sums leaving 10 are skipped). */
const nip = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }))
  .map(([first, rest]) => [first, ...rest])
  .filter((d) => !(d[1] === 0 && d[2] === 0))
  .map((d) => ({ d, check: [6, 5, 7, 2, 3, 4, 5, 6, 7].reduce((s, w, i) => s + w * (d[i] ?? 0), 0) % 11 }))
  .filter(({ check }) => check !== 10)
  .map(({ d, check }) => [...d, check].join(''));

const bytes = (length: number) => fc.uint8Array({ minLength: length, maxLength: length });
const toUrl = (b: Uint8Array) =>
  btoa(String.fromCharCode(...b))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const fields: fc.Arbitrary<CertificateLinkFields> = fc
  .record({
    environment: fc.constantFrom('sandbox', 'test', 'demo', 'prod' as const),
    contextType: fc.constantFrom(...CONTEXT_TYPES),
    nip,
    sellerNip: nip,
    suffix: fc.integer({ min: 0, max: 99999 }),
    peppol: fc.stringMatching(/^P[A-Z]{2}\d{6}$/),
    serial: bytes(8),
    hash: bytes(32),
  })
  .map((r) => ({
    environment: r.environment,
    contextType: r.contextType,
    contextValue: {
      Nip: r.nip,
      InternalId: `${r.nip}-${String(r.suffix).padStart(5, '0')}`,
      NipVatUe: `${r.nip}-DE${String(r.suffix).padStart(9, '0')}`,
      PeppolId: r.peppol,
    }[r.contextType],
    sellerNip: r.sellerNip,
    certificateSerial: Array.from(r.serial, (b) => b.toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase(),
    invoiceHash: toUrl(r.hash),
  }));

describe('build → parse round trip (fast-check)', () => {
  it('gives back every field, the signed string and the signature bytes', () => {
    fc.assert(
      fc.property(fields, fc.uint8Array({ minLength: 1, maxLength: 600 }), (f, signature) => {
        const parsed = parseCertificateLink(buildCertificateLink(f, signature));
        if (!parsed.ok) throw new Error(`refused: ${parsed.fault}`);
        expect(parsed.link).toEqual({ ...f, signedString: certificateSignedString(f), signature });
      }),
      { numRuns: 300 },
    );
  });

  it('Base64URL has one spelling per byte string', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 80 }), (b) => {
        expect(fromBase64Url(toUrl(b))).toEqual(b);
      }),
    );
  });
});

describe('parseCertificateLink on hostile input (fast-check)', () => {
  it('answers with a fault, never throws, for random text and for the documented link cut or changed', () => {
    const mutated = fc
      .tuple(fc.nat({ max: DOCUMENTED_LINK.length }), fc.nat({ max: 5 }), fc.string({ maxLength: 4 }))
      .map(([at, cut, insert]) => DOCUMENTED_LINK.slice(0, at) + insert + DOCUMENTED_LINK.slice(at + cut));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 600 }), mutated), (text) => {
        const parsed = parseCertificateLink(text);
        if (parsed.ok) expect(buildCertificateLink(parsed.link, parsed.link.signature)).toBe(text.trim());
      }),
      { numRuns: 500 },
    );
  });
});
