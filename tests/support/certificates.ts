import * as asn1js from 'asn1js';
import { concatBytes } from '../../src/lib/bytes';
import type { CertificateEnrollmentData } from '../../src/crypto/enrollment-data';
import type { KeyType, LoadedPrivateKey } from '../../src/crypto/key-type';
import { OID } from '../../src/crypto/oids';
import { ecdsaRawToDer } from '../../src/crypto/ecdsa-signature';

/** Enrollment data of a natural person (PESEL), with Polish letters. */
export const PERSON: CertificateEnrollmentData = {
  commonName: 'RÓŻA ŻÓŁTOWSKA-ŚWIĘCKA',
  givenName: 'RÓŻA',
  surname: 'ŻÓŁTOWSKA-ŚWIĘCKA',
  serialNumber: 'PNOPL-80010112345',
  countryName: 'PL',
};

/** A person identified by NIP, with uniqueIdentifier present. */
export const PERSON_NIP: CertificateEnrollmentData = {
  commonName: 'Jan Kowalski',
  givenName: 'Jan Maria',
  surname: 'Kowalski',
  serialNumber: 'TINPL-6381853612',
  countryName: 'PL',
  uniqueIdentifier: 'a2f4c0de-1b7e-4b0a-9d2c-3f6e8a1b5c7d',
  organizationName: null,
  organizationIdentifier: null,
};

/** Enrollment data of a company seal (docs/ksef-contract.md §5.2, organizationIdentifier as seen on PRD). */
export const SEAL: CertificateEnrollmentData = {
  commonName: 'SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ',
  organizationName: 'PRZYKŁADOWA SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ',
  organizationIdentifier: 'VATPL-6381853612 NTRPL-0001040934 BR:PL-525516467',
  countryName: 'PL',
  givenName: '',
  surname: null,
  serialNumber: undefined,
};

/** A seal with uniqueIdentifier. */
export const SEAL_UID: CertificateEnrollmentData = { ...SEAL, uniqueIdentifier: '0000001040934' };

/** Key pairs the tests make. */
export type TestKeyKind = 'EC-P256' | 'EC-P384' | 'EC-P521' | 'RSA-2048' | 'RSA-1024';

/** Generates an extractable signing key pair of `kind` with `crypto`. */
export async function generateKeyPair(crypto: Crypto, kind: TestKeyKind): Promise<CryptoKeyPair> {
  const params: EcKeyGenParams | RsaHashedKeyGenParams = kind.startsWith('EC-')
    ? { name: 'ECDSA', namedCurve: `P-${kind.slice(4)}` }
    : {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: Number(kind.slice(4)),
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      };
  return crypto.subtle.generateKey(params, true, ['sign', 'verify']);
}

/** One DER TLV with a low tag number and a definite length. */
export function tlv(tag: number, ...contents: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const content = concatBytes(...contents);
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return concatBytes(Uint8Array.of(tag, ...length), content);
}

/** String types a test attribute can be written in. */
export type TestStringType =
  'UTF8String' | 'PrintableString' | 'BMPString' | 'TeletexString' | 'IA5String' | 'UniversalString';

/** A subject attribute as a test wants it written: text in a string type, or a raw DER value. */
export interface TestAttribute {
  readonly type: string;
  readonly value: string;
  readonly stringType?: TestStringType;
  /** DER of the value, used instead of `value`/`stringType` (e.g. a BIT STRING). */
  readonly raw?: Uint8Array;
}

function encodeValue(a: TestAttribute): Uint8Array {
  if (a.raw) return a.raw;
  const value = a.value;
  switch (a.stringType ?? 'UTF8String') {
    case 'UTF8String':
      return new Uint8Array(new asn1js.Utf8String({ value }).toBER());
    case 'PrintableString':
      return new Uint8Array(new asn1js.PrintableString({ value }).toBER());
    case 'BMPString':
      return new Uint8Array(new asn1js.BmpString({ value }).toBER());
    case 'TeletexString':
      return new Uint8Array(new asn1js.TeletexString({ value }).toBER());
    case 'IA5String':
      return new Uint8Array(new asn1js.IA5String({ value }).toBER());
    case 'UniversalString':
      return new Uint8Array(new asn1js.UniversalString({ value }).toBER());
  }
}

/** An RDNSequence: each inner array is one RDN (a SET of its attributes). */
export function encodeRdns(rdns: readonly (readonly TestAttribute[])[]): Uint8Array<ArrayBuffer> {
  const sets = rdns.map((rdn) =>
    tlv(
      0x31,
      ...rdn.map((a) =>
        tlv(0x30, new Uint8Array(new asn1js.ObjectIdentifier({ value: a.type }).toBER()), encodeValue(a)),
      ),
    ),
  );
  return tlv(0x30, ...sets);
}

/** The subject our CSR builder should write for `data`, one attribute per RDN, as `TestAttribute`s. */
export function subjectFor(data: CertificateEnrollmentData): TestAttribute[] {
  const order = [
    ['commonName', OID.commonName],
    ['surname', OID.surname],
    ['givenName', OID.givenName],
    ['organizationName', OID.organizationName],
    ['organizationIdentifier', OID.organizationIdentifier],
    ['countryName', OID.countryName],
    ['serialNumber', OID.serialNumber],
    ['uniqueIdentifier', OID.uniqueIdentifier],
  ] as const;
  return order.flatMap(([key, type]) => {
    const value = data[key];
    if (value === null || value === undefined || value === '') return [];
    const stringType: TestStringType =
      key === 'countryName' || key === 'serialNumber' ? 'PrintableString' : 'UTF8String';
    return [{ type, value, stringType }];
  });
}

/** Options for signing a test structure. */
export interface SignOptions {
  /** Write ecdsa-with-SHA256 WITH a NULL parameter (what KSeF's CA does, and RFC 5758 forbids). */
  readonly ecdsaNullParameters?: boolean;
}

/** AlgorithmIdentifier DER for the signing key; ECDSA keys sign with SHA-256, RSA with the key's hash. */
function algorithmFor(privateKey: CryptoKey, options: SignOptions): Uint8Array {
  const oid = (value: string) => new Uint8Array(new asn1js.ObjectIdentifier({ value }).toBER());
  if (privateKey.algorithm.name === 'ECDSA') {
    return options.ecdsaNullParameters
      ? tlv(0x30, oid(OID.ecdsaWithSha256), Uint8Array.of(5, 0))
      : tlv(0x30, oid(OID.ecdsaWithSha256));
  }
  return tlv(0x30, oid(OID.sha256WithRsaEncryption), Uint8Array.of(5, 0));
}

/** Signs `tbs` and wraps it as SEQUENCE { tbs, algorithm, BIT STRING signature } (X.509 and PKCS#10). */
export async function signStructure(
  crypto: Crypto,
  privateKey: CryptoKey,
  tbs: Uint8Array<ArrayBuffer>,
  options: SignOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const isEc = privateKey.algorithm.name === 'ECDSA';
  const params = isEc ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSASSA-PKCS1-v1_5' };
  const raw = new Uint8Array(await crypto.subtle.sign(params, privateKey, tbs));
  const signature = isEc ? ecdsaRawToDer(raw) : raw;
  return tlv(0x30, tbs, algorithmFor(privateKey, options), tlv(0x03, Uint8Array.of(0), signature));
}

/** A PKCS#10 request with a hand-written subject, for tampered variants. */
export async function makeCsr(
  crypto: Crypto,
  keyPair: CryptoKeyPair,
  subject: Uint8Array,
  options: SignOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keyPair.publicKey));
  const info = tlv(0x30, Uint8Array.of(2, 1, 0), subject, spki, tlv(0xa0));
  return signStructure(crypto, keyPair.privateKey, info, options);
}

/** What a test certificate should say. */
export interface CertificateOptions {
  readonly subject: Uint8Array;
  readonly issuer?: Uint8Array;
  /** DER SubjectPublicKeyInfo of the subject. */
  readonly spki: Uint8Array;
  /** Signs the certificate (the subject's own key for a self-signed one). */
  readonly signer: CryptoKey;
  readonly serial: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** First byte of the keyUsage BIT STRING (0x80 digitalSignature, 0x40 nonRepudiation); none when absent. */
  readonly keyUsage?: number;
}

/** DER BIT STRINGs name their unused trailing bits (X.690 §11.2.2). */
function trailingZeros(byte: number): number {
  let n = 0;
  while (n < 8 && ((byte >> n) & 1) === 0) n++;
  return n === 8 ? 0 : n;
}

function time(date: Date): Uint8Array {
  return date.getUTCFullYear() < 2050
    ? new Uint8Array(new asn1js.UTCTime({ valueDate: date }).toBER())
    : new Uint8Array(new asn1js.GeneralizedTime({ valueDate: date }).toBER());
}

/** An X.509 v3 certificate (RFC 5280 §4.1) built by hand and signed with WebCrypto. */
export async function makeCertificate(
  crypto: Crypto,
  o: CertificateOptions,
  sign: SignOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const extensions =
    o.keyUsage === undefined
      ? []
      : [
          tlv(
            0xa3,
            tlv(
              0x30,
              tlv(
                0x30,
                new Uint8Array(new asn1js.ObjectIdentifier({ value: OID.keyUsage }).toBER()),
                Uint8Array.of(1, 1, 0xff),
                tlv(0x04, tlv(0x03, Uint8Array.of(trailingZeros(o.keyUsage), o.keyUsage))),
              ),
            ),
          ),
        ];
  const tbs = tlv(
    0x30,
    tlv(0xa0, Uint8Array.of(2, 1, 2)),
    tlv(0x02, o.serial),
    algorithmFor(o.signer, sign),
    o.issuer ?? o.subject,
    tlv(0x30, time(o.notBefore), time(o.notAfter)),
    o.subject,
    o.spki,
    ...extensions,
  );
  return signStructure(crypto, o.signer, tbs, sign);
}

/** A self-signed certificate for a fresh key pair, handy for pair checks. */
export async function selfSignedFor(
  crypto: Crypto,
  keyPair: CryptoKeyPair,
  commonName = 'Test',
): Promise<Uint8Array<ArrayBuffer>> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keyPair.publicKey));
  return makeCertificate(crypto, {
    subject: encodeRdns([[{ type: OID.commonName, value: commonName }]]),
    spki,
    signer: keyPair.privateKey,
    serial: Uint8Array.of(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08),
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2028-01-01T00:00:00Z'),
    keyUsage: 0x80,
  });
}

/** A `LoadedPrivateKey` for a key pair, as the key reader would hand it over. */
export async function loadedKey(crypto: Crypto, keyPair: CryptoKeyPair): Promise<LoadedPrivateKey> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keyPair.publicKey));
  const algorithm: KeyAlgorithm & Partial<EcKeyAlgorithm & RsaHashedKeyAlgorithm> = keyPair.publicKey.algorithm;
  const keyType: KeyType =
    algorithm.namedCurve !== undefined
      ? {
          kind: 'EC',
          curve: algorithm.namedCurve === 'P-384' ? 'P-384' : algorithm.namedCurve === 'P-521' ? 'P-521' : 'P-256',
        }
      : { kind: 'RSA', modulusBits: algorithm.modulusLength ?? 0 };
  return { keyType, source: 'pkcs8', privateKey: keyPair.privateKey, publicKey: keyPair.publicKey, spki };
}

/** Imports an unencrypted PKCS#8 PEM fixture as a signing key pair (public half derived via JWK). */
export async function keyPairFromPkcs8(
  crypto: Crypto,
  der: Uint8Array,
  kind: 'EC-P256' | 'RSA-2048',
): Promise<CryptoKeyPair> {
  const params: EcKeyImportParams | RsaHashedImportParams =
    kind === 'EC-P256' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const privateKey = await crypto.subtle.importKey('pkcs8', Uint8Array.from(der), params, true, ['sign']);
  const { kty, crv, x, y, n, e } = await crypto.subtle.exportKey('jwk', privateKey);
  const publicJwk: JsonWebKey = { kty, crv, x, y, n, e, key_ops: ['verify'] };
  const publicKey = await crypto.subtle.importKey('jwk', publicJwk, params, true, ['verify']);
  return { privateKey, publicKey };
}
