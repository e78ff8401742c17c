import { describe, expect, it } from 'vitest';
import { type CryptoErrorCode, CryptoError } from '../../src/crypto/errors';
import { type FileKind, identifyFile } from '../../src/crypto/file-kind';
import { toBase64 } from '../../src/lib/bytes';
import { expectedSpki, fixture, fixtureText } from '../support/key-fixtures';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

function codeOf(run: () => unknown): CryptoErrorCode {
  try {
    run();
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  throw new Error('expected a CryptoError');
}

describe('identifyFile', () => {
  it.each<[string, FileKind[]]>([
    ['ec-p256.pkcs8.pem', ['private-key']],
    ['ec-p256.pkcs8.der', ['private-key']],
    ['rsa-2048.pkcs1.pem', ['private-key']],
    ['rsa-2048.pkcs1.der', ['private-key']],
    ['ec-p256.sec1.pem', ['private-key']],
    ['ec-p256.sec1.der', ['private-key']],
    ['ec-p256.sec1-no-params.der', ['private-key']],
    ['ec-p256.sec1-explicit.pem', ['private-key']],
    ['ec-p256.ecparam-genkey.pem', ['private-key']],
    ['ed25519.pkcs8.pem', ['private-key']],
    ['dsa.pkcs8.pem', ['private-key']],
    ['ec-p256.pbes2-sha256-aes-256-cbc.pem', ['encrypted-private-key']],
    ['ec-p384.pbes2-sha256-aes-256-cbc.der', ['encrypted-private-key']],
    ['ec-p256.pbe-sha1-3des.pem', ['encrypted-private-key']],
    ['taxpayer-app-ec-p256.key', ['encrypted-private-key']],
    ['ec-p256.legacy-aes256.pem', ['encrypted-private-key']],
    ['rsa-2048.legacy-aes256.pem', ['encrypted-private-key']],
    ['ec-p256.cert.pem', ['certificate']],
    ['ec-p256.cert.der', ['certificate']],
    ['rsa-2048.cert.pem', ['certificate']],
    ['ec-p256.trusted-cert.pem', ['certificate']],
    ['rsa-2048.chain.p7b.pem', ['certificate']],
    ['rsa-2048.chain.p7b.der', ['certificate']],
    ['ec-p256.csr.pem', ['csr']],
    ['ec-p256.csr.der', ['csr']],
    ['ec-p256.openssl3.p12', ['pkcs12']],
    ['ec-p256.legacy.p12', ['pkcs12']],
    ['ec-p256.unprotected.p12', ['pkcs12']],
    ['ec-p256.cert-and-key.pem', ['certificate', 'private-key']],
  ])('identifies %s as %j', (file, kinds) => {
    expect(identifyFile(fixture(file))).toEqual(kinds);
  });

  it('identifies a certificate as bare base64, as KSeF returns it', () => {
    expect(identifyFile(text(toBase64(fixture('ec-p256.cert.der'))))).toEqual(['certificate']);
  });

  it('lists several blocks in file order and skips those it does not read', () => {
    const bundle = [
      fixtureText('ec-p256.pub.pem'),
      fixtureText('ec-p256.csr.pem'),
      fixtureText('ca.cert.pem'),
      fixtureText('ec-p256.cert.pem'),
    ];
    expect(identifyFile(text(bundle.join('')))).toEqual(['csr', 'certificate', 'certificate']);
  });

  const certificatePem = fixtureText('ec-p256.cert.pem');
  const keyBody = fixtureText('ec-p256.pkcs8.pem').replace(/-----[A-Z ]+-----/g, '');
  it.each<[string, Uint8Array, CryptoErrorCode]>([
    ['an empty file', new Uint8Array(0), 'empty-file'],
    ['plain text', text('hello, this is not a key'), 'unrecognized-file'],
    ['a PEM holding only a public key', fixture('ec-p256.pub.pem'), 'public-key-not-private-key'],
    ['a public key as DER', expectedSpki('ec-p256'), 'public-key-not-private-key'],
    ['a public key as bare base64', text(toBase64(expectedSpki('rsa-2048'))), 'public-key-not-private-key'],
    ['an OpenSSH private key', fixture('ec-p256.openssh.key'), 'openssh-private-key'],
    ['a Java keystore (JKS)', fixture('ec-p256.jks'), 'java-keystore'],
    ['a JCEKS keystore', Uint8Array.of(0xce, 0xce, 0xce, 0xce, 0, 0, 0, 2), 'java-keystore'],
    ['a PEM without END line', text(certificatePem.slice(0, 200)), 'corrupt-file'],
    [
      'a PEM whose body is not base64',
      text('-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n'),
      'corrupt-file',
    ],
    [
      'a CERTIFICATE label around a key',
      text(`-----BEGIN CERTIFICATE-----${keyBody}-----END CERTIFICATE-----\n`),
      'corrupt-file',
    ],
    ['truncated DER', fixture('ec-p256.cert.der').slice(0, 100), 'corrupt-file'],
    ['DER with trailing bytes', new Uint8Array([...fixture('ec-p256.cert.der'), 0]), 'corrupt-file'],
    ['DER of another structure', new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]), 'unrecognized-file'],
    [
      'a signed structure of another kind',
      new Uint8Array([0x30, 0x0b, 0x30, 0x03, 0x01, 0x01, 0x00, 0x30, 0x02, 0x06, 0x00, 0x03, 0x00]),
      'unrecognized-file',
    ],
  ])('rejects %s with %s', (_name, bytes, code) => {
    expect(codeOf(() => identifyFile(bytes))).toBe(code);
  });
});
