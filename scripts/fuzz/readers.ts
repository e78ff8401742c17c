import { readCertificates } from '../../src/crypto/certificate-reader';
import { inspectFile, unlockFile } from '../../src/crypto/check-files';
import { checkCsr } from '../../src/crypto/check-csr';
import { isCryptoError } from '../../src/crypto/errors';
import { checkExternalSignature } from '../../src/crypto/external-signature';
import { verifyExternalSignature } from '../../src/crypto/external-signature-verify';
import { identifyFile } from '../../src/crypto/file-kind';
import { decodeFileBytes } from '../../src/crypto/pem';
import { pkcs7Certificates } from '../../src/crypto/pkcs7';
import { installNodeXmlDom } from '../../tests/support/xml-dom';
import type { FuzzInput } from './mutators';

// The same DOM as the unit tests give xml-core in Node (browsers have their own).
installNodeXmlDom();

/** How one reader call ended: a result, a coded CryptoError, or anything else (a finding). */
export type Outcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'coded'; readonly code: string }
  | { readonly kind: 'uncaught'; readonly error: string; readonly stack: string };

type Reader = (input: FuzzInput) => unknown;

const NOW = new Date('2027-06-01T00:00:00Z');
const ENROLLMENT = { commonName: 'Jan Kowalski', countryName: 'PL', serialNumber: 'TINPL-1234563218' };
const CHALLENGE = { challenge: '20250514-CR-1234567890-ABCDEF0123-45', challengeIssuedAt: NOW };

/** The DER of a file as the readers see it: the whole DER, or the first PEM block's. */
function firstDer(bytes: Uint8Array): Uint8Array {
  const encoding = decodeFileBytes(bytes);
  return encoding.kind === 'der' ? encoding.der : (encoding.blocks[0]?.der ?? new Uint8Array());
}

/** Every reader in src/crypto that takes a user's bytes, by the name the report prints. */
const READERS: Readonly<Record<string, Reader>> = {
  identifyFile: ({ bytes }) => identifyFile(bytes),
  inspectFile: ({ bytes }) => inspectFile(bytes, NOW),
  'unlockFile(key)': ({ bytes, password }) =>
    unlockFile({ format: 'encrypted-private-key', bytes, certificates: [] }, password, NOW),
  'unlockFile(pfx)': ({ bytes, password }) => unlockFile({ format: 'pkcs12', bytes, certificates: [] }, password, NOW),
  readCertificates: ({ bytes }) => readCertificates(bytes, NOW),
  pkcs7Certificates: ({ bytes }) => pkcs7Certificates(firstDer(bytes)),
  checkCsr: ({ bytes }) => checkCsr(firstDer(bytes), ENROLLMENT),
  checkExternalSignature: ({ bytes }) => checkExternalSignature(bytes, CHALLENGE, () => NOW),
  verifyExternalSignature: ({ bytes }) => verifyExternalSignature(bytes),
};

/**
 * The readers an input goes to: every one for random bytes; otherwise those its seed's format reaches.
 * `inspectFile` already runs identifyFile, readCertificates and the key readers without a password, so
 * a mutant goes to it and to the one reader that goes further with its seed, if any: the password for
 * an encrypted key or a PFX, the certificate list, the CSR check.
 */
export function readersFor(input: FuzzInput): string[] {
  const { kind, seed } = input;
  if (kind === 'random') return Object.keys(READERS);
  if (kind === 'xml') return ['checkExternalSignature', 'verifyExternalSignature'];
  if (kind === 'csr') return ['inspectFile', 'checkCsr'];
  if (/\.(p12|jks)$/.test(seed)) return ['inspectFile', 'unlockFile(pfx)'];
  if (seed.includes('p7b')) return ['inspectFile', 'readCertificates', 'pkcs7Certificates'];
  if (/pbe|legacy|enc\.key|taxpayer/.test(seed)) return ['inspectFile', 'unlockFile(key)'];
  return /cert|\.pem$/.test(seed) && !seed.startsWith('keys/') ? ['inspectFile', 'readCertificates'] : ['inspectFile'];
}

/** Runs one reader and names how it ended. */
export async function runReader(name: string, input: FuzzInput): Promise<Outcome> {
  const reader = READERS[name];
  if (reader === undefined) throw new Error(`No reader ${name}`);
  try {
    await reader(input);
    return { kind: 'ok' };
  } catch (error) {
    if (isCryptoError(error)) return { kind: 'coded', code: error.code };
    const text =
      error instanceof Error ? `${error.name}: ${error.message}` : `thrown ${typeof error}: ${String(error)}`;
    const stack = error instanceof Error ? (error.stack ?? '') : '';
    return { kind: 'uncaught', error: text.slice(0, 200), stack: stack.split('\n').slice(0, 8).join('\n') };
  }
}
