import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OfflineLinkError, type OfflineLinkErrorCode } from '../../../src/crypto/offline-link/errors';
import { FA3_NAMESPACE, MAX_INVOICE_BYTES, invoiceHash, readInvoice } from '../../../src/crypto/offline-link/invoice';
import { installNodeXmlDom } from '../../support/xml-dom';

installNodeXmlDom();

/** The parts of an FA(3) invoice the links read, in the schema's order (`Naglowek`, `Podmiot1`, ..., `Fa`). */
function fa3({
  namespace = FA3_NAMESPACE,
  nip = '<NIP>1111111111</NIP>',
  date = '<P_1>2026-02-01</P_1>',
} = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Faktura xmlns="${namespace}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Naglowek><KodFormularza kodSystemowy="FA (3)" wersjaSchemy="1-0E">FA</KodFormularza><WariantFormularza>3</WariantFormularza></Naglowek>
  <Podmiot1><DaneIdentyfikacyjne>${nip}<Nazwa>Sprzedawca Sp. z o.o.</Nazwa></DaneIdentyfikacyjne></Podmiot1>
  <Podmiot2><DaneIdentyfikacyjne><NIP>5260250274</NIP><Nazwa>Nabywca</Nazwa></DaneIdentyfikacyjne></Podmiot2>
  <Fa><KodWaluty>PLN</KodWaluty>${date}<P_2>FV/1/2026</P_2></Fa>
</Faktura>`;
}
const bytes = (text: string) => new TextEncoder().encode(text);
const ACCEPTED_CODES: readonly OfflineLinkErrorCode[] = [
  'invoice-empty',
  'invoice-not-utf8',
  'invoice-not-xml',
  'invoice-not-fa3',
];

async function codeOf(input: Uint8Array): Promise<OfflineLinkErrorCode | 'none' | 'other'> {
  try {
    await readInvoice(input);
    return 'none';
  } catch (error) {
    return error instanceof OfflineLinkError ? error.code : 'other';
  }
}

describe('readInvoice (FA(3))', () => {
  it('reads Podmiot1/DaneIdentyfikacyjne/NIP and P_1, and hashes the bytes as given', async () => {
    const file = bytes(fa3());
    const facts = await readInvoice(file);
    expect(facts.sellerNip).toBe('1111111111');
    expect(facts.issueDate).toBe('2026-02-01');
    // `fa3()` written to a file: `openssl dgst -sha256 -binary fa3.xml | basenc --base64url`, padding dropped.
    expect(facts.invoiceHash).toBe('Ta6KgqaoFdCVyQ7Y2vQ5JjOrhjowbVXiIFMZ0GmITEE');
  });

  it('hashes a BOM or CRLF as part of the file (the hash is of the bytes, not of the XML)', async () => {
    const plain = await readInvoice(bytes(fa3()));
    const withBom = await readInvoice(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(fa3())]));
    expect(withBom.sellerNip).toBe(plain.sellerNip);
    expect(withBom.invoiceHash).not.toBe(plain.invoiceHash);
    expect(await invoiceHash(bytes(fa3().replace(/\n/g, '\r\n')))).not.toBe(plain.invoiceHash);
  });

  it.each<[string, Uint8Array, OfflineLinkErrorCode]>([
    ['an empty file', new Uint8Array(), 'invoice-empty'],
    ['a file over 3 MB', new Uint8Array(MAX_INVOICE_BYTES + 1), 'invoice-too-large'],
    ['Latin-2 bytes', new Uint8Array([0x3c, 0x61, 0xb3, 0x3e]), 'invoice-not-utf8'],
    ['text that is not XML', bytes('Faktura nr 1'), 'invoice-not-xml'],
    ['XML with a DOCTYPE', bytes('<!DOCTYPE x [<!ENTITY a "b">]><Faktura/>'), 'invoice-not-xml'],
    ['an FA(2) invoice', bytes(fa3({ namespace: 'http://crd.gov.pl/wzor/2023/06/29/12648/' })), 'invoice-fa2'],
    [
      'another XML document',
      bytes('<AuthTokenRequest xmlns="http://ksef.mf.gov.pl/auth/token/2.1"/>'),
      'invoice-not-fa3',
    ],
    ['Faktura without a namespace', bytes(fa3({ namespace: '' }).replace(' xmlns=""', '')), 'invoice-not-fa3'],
    [
      'a seller identified without NIP',
      bytes(fa3({ nip: '<NrVatUE>DE123456789</NrVatUE>' })),
      'invoice-seller-nip-missing',
    ],
    [
      'a seller NIP with a wrong check digit',
      bytes(fa3({ nip: '<NIP>1111111112</NIP>' })),
      'invoice-seller-nip-invalid',
    ],
    ['no P_1', bytes(fa3({ date: '' })), 'invoice-date-missing'],
    ['P_1 that is no day', bytes(fa3({ date: '<P_1>2026-02-30</P_1>' })), 'invoice-date-invalid'],
  ])('refuses %s', async (_name, input, code) => {
    expect(await codeOf(input)).toBe(code);
  });
});

describe('readInvoice on hostile input (fast-check)', () => {
  it('refuses random bytes and cut invoices with its own codes only', async () => {
    const whole = bytes(fa3());
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.nat({ max: whole.length }).map((n) => whole.subarray(0, n)),
        ),
        async (input) => {
          expect(['none', ...ACCEPTED_CODES]).toContain(await codeOf(input));
        },
      ),
      { numRuns: 200 },
    );
  });
});
