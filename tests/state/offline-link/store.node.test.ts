import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCertificateLink } from '../../../src/crypto/offline-link/link';
import {
  addKeyFiles,
  makeCodes,
  readInvoiceFile,
  resetOfflineLink,
  unlockKey,
  updateForm,
  useOfflineLinkStore,
  verifyLink,
} from '../../../src/state/offline-link/store';
import { vault } from '../../../src/state/offline-link/vault';
import { type OfflineLinkCertificates, makeOfflineLinkCertificates } from '../../support/offline-link-certificates';
import { openssl, withTempDir } from '../../support/openssl';
import { installNodeXmlDom } from '../../support/xml-dom';

installNodeXmlDom();

/*
 * The offline-link screen's actions in Node (the file reader runs in place here): files made by openssl
 * under a `TEST CCK KSeF` CA, the FA(3) fixture invoice, and every answer read from the store.
 */

const INVOICE = readFileSync(resolve(import.meta.dirname, '../../fixtures/offline-link/invoice-fa3.xml'));
/** The invoice's SHA-256 in Base64URL, computed by Node's own hash (not the app's). */
const INVOICE_HASH = createHash('sha256').update(INVOICE).digest('base64url');
/** Now, when asked: the certificates are made after this module loads, valid from the second they were made. */
const now = () => new Date();

let certs: OfflineLinkCertificates;
beforeAll(async () => {
  certs = await makeOfflineLinkCertificates();
});

beforeEach(() => {
  resetOfflineLink();
});

const file = (name: string, content: string | Uint8Array) =>
  new File([typeof content === 'string' ? content : Uint8Array.from(content)], name);

async function openPair(pair: { keyPem: string; certificatePem: string }): Promise<void> {
  await addKeyFiles([file('offline.key', pair.keyPem), file('offline.crt', pair.certificatePem)]);
}

async function giveInvoice(): Promise<void> {
  await readInvoiceFile(file('faktura.xml', INVOICE));
}

describe('offline-link state', () => {
  it('reads the FA(3) invoice: its hash, and the seller NIP and date prefilled (context value too)', async () => {
    await giveInvoice();
    const { invoice, form } = useOfflineLinkStore.getState();
    expect(invoice).toMatchObject({ status: 'read', fault: null, invoiceHash: INVOICE_HASH });
    expect(form).toMatchObject({
      invoiceHash: INVOICE_HASH,
      sellerNip: '5260250274',
      issueDate: '2026-02-02',
      contextValue: '5260250274',
    });
  });

  it('a file that is not FA(3) still gives its hash, with the reason no data was read', async () => {
    await readInvoiceFile(file('note.txt', 'not xml'));
    expect(useOfflineLinkStore.getState().invoice).toMatchObject({
      status: 'read',
      fault: 'invoice-not-xml',
      facts: null,
      invoiceHash: createHash('sha256').update('not xml').digest('base64url'),
    });
  });

  it('makes KOD I and KOD II with an EC Offline key; KOD II verifies with openssl and with the verifier', async () => {
    await openPair(certs.offlineEc);
    expect(vault.keys.size).toBe(1);
    // The store names the key's file; the CryptoKey is in the vault only.
    expect(JSON.stringify(useOfflineLinkStore.getState().files)).not.toContain('privateKey');
    await giveInvoice();
    await makeCodes(now());
    const { codes } = useOfflineLinkStore.getState();
    if (codes.status !== 'done') throw new Error(`codes: ${JSON.stringify(codes)}`);
    expect(codes.certificateSerial).toBe(certs.offlineEc.serial);
    expect(codes.invoiceCode?.url).toBe(`https://qr-test.ksef.mf.gov.pl/invoice/5260250274/02-02-2026/${INVOICE_HASH}`);
    expect(codes.invoiceCode?.label).toBe('OFFLINE');
    expect(codes.invoiceCode?.fileBase).toBe('KOD-I-5260250274-2026-02-02');
    expect(codes.certificateCode.fileBase).toBe(`KOD-II-${certs.offlineEc.serial}`);
    expect(codes.certificateCode.label).toBe('CERTYFIKAT');
    expect(codes.certificateCode.svg).toContain('>CERTYFIKAT</text>');
    const signedString = `qr-test.ksef.mf.gov.pl/certificate/Nip/5260250274/5260250274/${certs.offlineEc.serial}/${INVOICE_HASH}`;
    expect(codes.certificateCode.url.startsWith(`https://${signedString}/`)).toBe(true);

    const parsed = parseCertificateLink(codes.certificateCode.url);
    if (!parsed.ok) throw new Error(parsed.fault);
    const verified = await withTempDir((dir) => {
      dir.write('cert.pem', certs.offlineEc.certificatePem);
      dir.write('data.txt', signedString);
      dir.write('raw.bin', parsed.link.signature);
      const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
      dir.write(
        'sig.cnf',
        `asn1=SEQUENCE:sig\n[sig]\nr=INTEGER:0x${hex(parsed.link.signature.subarray(0, 32))}\ns=INTEGER:0x${hex(parsed.link.signature.subarray(32))}\n`,
      );
      openssl(['asn1parse', '-genconf', 'sig.cnf', '-out', 'sig.der', '-noout'], { cwd: dir.path });
      dir.write('pub.pem', openssl(['x509', '-in', 'cert.pem', '-pubkey', '-noout'], { cwd: dir.path }).stdout);
      const result = openssl(['dgst', '-sha256', '-verify', 'pub.pem', '-signature', 'sig.der', 'data.txt'], {
        cwd: dir.path,
        allowFailure: true,
      });
      return result.status === 0;
    });
    expect(verified).toBe(true);

    await verifyLink(codes.certificateCode.url, null, now());
    expect(useOfflineLinkStore.getState().verification).toMatchObject({ status: 'valid', encoding: 'ecdsa-p1363' });
    // One character of the hash changed: the signature no longer fits.
    const changed = codes.certificateCode.url.replace(`/${INVOICE_HASH}/`, `/${flip(INVOICE_HASH)}/`);
    await verifyLink(changed, null, now());
    expect(useOfflineLinkStore.getState().verification).toEqual({ status: 'invalid', fault: 'signature-mismatch' });
  });

  it('verifies against a certificate file given to the verifier, and names a wrong serial', async () => {
    await openPair(certs.offlineRsa);
    await giveInvoice();
    await makeCodes(now());
    const { codes } = useOfflineLinkStore.getState();
    if (codes.status !== 'done') throw new Error(`codes: ${JSON.stringify(codes)}`);
    await verifyLink(codes.certificateCode.url, file('other.crt', certs.offlineEc.certificatePem), now());
    expect(useOfflineLinkStore.getState().verification).toEqual({ status: 'invalid', fault: 'serial-mismatch' });
    await verifyLink(codes.certificateCode.url, file('rsa.crt', certs.offlineRsa.certificatePem), now());
    expect(useOfflineLinkStore.getState().verification).toMatchObject({ status: 'valid', encoding: 'rsa-pss' });
  });

  it.each([
    ['an Authentication certificate', () => certs.authenticationEc, 'certificate-authentication'],
    ['an RSA key under 2048 bits', () => certs.offlineRsa1024, 'rsa-key-too-small'],
    [
      'a key that is not the certificate’s',
      () => ({ keyPem: certs.offlineRsa.keyPem, certificatePem: certs.offlineEc.certificatePem }),
      'key-certificate-mismatch',
    ],
  ])('refuses %s with its code', async (_name, pair, code) => {
    await openPair(pair());
    await giveInvoice();
    await makeCodes(now());
    expect(useOfflineLinkStore.getState().codes).toEqual({
      status: 'failed',
      problem: { source: 'offline-link', code },
    });
  });

  it('refuses an expired and a not yet valid certificate', async () => {
    await openPair(certs.offlineEc);
    await giveInvoice();
    await makeCodes(new Date(Date.now() + 800 * 86_400_000));
    expect(useOfflineLinkStore.getState().codes).toMatchObject({ problem: { code: 'certificate-expired' } });
    await makeCodes(new Date(Date.now() - 2 * 86_400_000));
    expect(useOfflineLinkStore.getState().codes).toMatchObject({ problem: { code: 'certificate-not-yet-valid' } });
  });

  it('says what is missing: no key and certificate, a bad hash typed, no issue date (no KOD I)', async () => {
    await makeCodes(now());
    expect(useOfflineLinkStore.getState().codes).toMatchObject({ problem: { code: 'needs-key-and-certificate' } });
    await openPair(certs.offlineEc);
    updateForm({ contextValue: '5260250274', sellerNip: '5260250274', invoiceHash: 'ab'.repeat(32), issueDate: '' });
    await makeCodes(now());
    expect(useOfflineLinkStore.getState().codes).toMatchObject({ problem: { code: 'hash-hex' } });
    updateForm({ invoiceHash: INVOICE_HASH });
    await makeCodes(now());
    expect(useOfflineLinkStore.getState().codes).toMatchObject({ status: 'done', invoiceCode: null });
  });

  it('opens an encrypted key with its password; a wrong one is named and the key stays locked', async () => {
    const encrypted = await withTempDir((dir) => {
      dir.write('k.pem', certs.offlineEc.keyPem);
      openssl(['pkcs8', '-topk8', '-in', 'k.pem', '-passout', 'pass:secret-1', '-out', 'k.enc.pem'], { cwd: dir.path });
      return new TextDecoder().decode(dir.read('k.enc.pem'));
    });
    await addKeyFiles([file('enc.key', encrypted), file('offline.crt', certs.offlineEc.certificatePem)]);
    expect(useOfflineLinkStore.getState().files[0]?.content.kind).toBe('locked');
    await unlockKey('wrong');
    expect(useOfflineLinkStore.getState().unlock).toEqual({
      status: 'failed',
      problem: { source: 'crypto', code: 'wrong-password' },
    });
    await unlockKey('secret-1');
    expect(useOfflineLinkStore.getState().files[0]?.content.kind).toBe('key');
    expect(vault.keys.size).toBe(1);
    resetOfflineLink();
    expect(vault.keys.size).toBe(0);
  });
});

/** The same text with its first character changed to another Base64URL one. */
function flip(text: string): string {
  return (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
}
