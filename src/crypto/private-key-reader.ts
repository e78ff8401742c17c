import type { EcCurve } from './ec-curves';
import { decodeEcParameters } from './ec-parameters';
import { CryptoError } from './errors';
import { type DerStructure, identifyDer, isLegacyEncryptedPem, opensshKey, pemBlockStructure } from './file-kind';
import { decryptPrivateKeyInfo } from './key-file';
import type { LoadedPrivateKey } from './key-type';
import { type PemBlock, decodeFileBytes } from './pem';
import { readPfx } from './pkcs12';
import { decodeEcPrivateKey, decodePrivateKeyInfo, decodeRsaPrivateKey } from './private-key-decoding';
import { importPrivateKey } from './private-key-import';

/** How to turn an OpenSSL traditional encrypted PEM into a file we read. */
export const LEGACY_PEM_CONVERSION_HINT =
  'Convert it with: openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256 -in old.pem -out new.key';

/**
 * Reads a private key from a file's bytes, by content (PEM or DER, never by file name):
 * - encrypted PKCS#8 with PBES2 (`ENCRYPTED PRIVATE KEY`, or DER), e.g. the Taxpayer Application `.key`;
 * - plain PKCS#8 (`PRIVATE KEY`), PKCS#1 (`RSA PRIVATE KEY`), SEC 1 (`EC PRIVATE KEY`, with or without
 *   curve parameters and public key; an `EC PARAMETERS` block before it names the curve);
 * - PKCS#12/PFX (through `readPfx`).
 * In a PEM with several blocks (key and certificate), the first key block is read.
 *
 * The key is ECDSA (P-256, P-384, P-521) or RSASSA-PKCS1-v1_5 with SHA-256, extractable so the
 * checker can build a PFX from it; it stays in memory. The public key and `spki` are derived from
 * the private key itself, not copied from the file.
 *
 * @param password needed only for encrypted files; ignored otherwise.
 * @throws CryptoError `empty-file`, `unrecognized-file`, `corrupt-file`; `certificate-not-key`,
 *   `csr-not-key`; `password-required`, `wrong-password`; `legacy-pem-encryption`,
 *   `unsupported-encryption`, `legacy-pfx-encryption`, `pfx-without-key`; `unsupported-key-type`,
 *   `unsupported-curve`.
 */
export async function readPrivateKey(
  bytes: Uint8Array,
  password: string | undefined,
  crypto: Crypto = globalThis.crypto,
): Promise<LoadedPrivateKey> {
  const encoding = decodeFileBytes(bytes);
  if (encoding.kind === 'der')
    return readStructure(encoding.der, identifyDer(encoding.der), password, undefined, crypto);
  return readPemBlocks(encoding.blocks, password, crypto);
}

async function readPemBlocks(
  blocks: readonly PemBlock[],
  password: string | undefined,
  crypto: Crypto,
): Promise<LoadedPrivateKey> {
  let contextCurve: EcCurve | undefined;
  let firstOther: DerStructure | undefined;
  for (const block of blocks) {
    if (block.label === 'EC PARAMETERS') {
      contextCurve = decodeEcParameters(block.der);
      continue;
    }
    if (block.label === 'DSA PRIVATE KEY')
      throw new CryptoError('unsupported-key-type', 'DSA keys are not supported; use an EC P-256 or RSA key');
    if (block.label === 'OPENSSH PRIVATE KEY') throw opensshKey();
    const structure = pemBlockStructure(block);
    if (structure === undefined) continue;
    if (isKey(structure)) {
      if (isLegacyEncryptedPem(block)) {
        throw new CryptoError(
          'legacy-pem-encryption',
          `The key uses OpenSSL's legacy PEM encryption. ${LEGACY_PEM_CONVERSION_HINT}`,
        );
      }
      return readStructure(block.der, structure, password, contextCurve, crypto);
    }
    firstOther ??= structure;
  }
  if (firstOther !== undefined) throw notAKey(firstOther);
  if (blocks.some((block) => block.label === 'PUBLIC KEY' || block.label === 'RSA PUBLIC KEY'))
    throw new CryptoError('public-key-not-private-key', 'This is a public key; the private key is needed');
  throw new CryptoError('unrecognized-file', 'The PEM file holds no private key');
}

function isKey(structure: DerStructure): boolean {
  return structure !== 'certificate' && structure !== 'certification-request' && structure !== 'pkcs7-signed-data';
}

function notAKey(structure: DerStructure): CryptoError {
  return structure === 'certification-request'
    ? new CryptoError('csr-not-key', 'This file is a certificate signing request, not a private key')
    : new CryptoError('certificate-not-key', 'This file is a certificate, not a private key');
}

async function readStructure(
  der: Uint8Array,
  structure: DerStructure,
  password: string | undefined,
  contextCurve: EcCurve | undefined,
  crypto: Crypto,
): Promise<LoadedPrivateKey> {
  switch (structure) {
    case 'pfx':
      return (await readPfx(der, password, crypto)).key;
    case 'encrypted-private-key-info':
      if (password === undefined)
        throw new CryptoError('password-required', 'The key file is encrypted; enter its password');
      return importPrivateKey(await decryptPrivateKeyInfo(der, password, crypto), 'encrypted-pkcs8', crypto);
    case 'private-key-info':
      return importPrivateKey(decodePrivateKeyInfo(der), 'pkcs8', crypto);
    case 'rsa-private-key':
      return importPrivateKey(decodeRsaPrivateKey(der), 'pkcs1', crypto);
    case 'ec-private-key':
      return importPrivateKey(decodeEcPrivateKey(der, contextCurve), 'sec1', crypto);
    case 'certificate':
    case 'certification-request':
    case 'pkcs7-signed-data':
      throw notAKey(structure);
  }
}
