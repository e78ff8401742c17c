import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, RSASSAPSSParams } from 'pkijs';
import { describe, expect, it } from 'vitest';
import { isCryptoError } from '../../src/crypto/errors';
import type { CryptoErrorCode } from '../../src/crypto/errors';
import { OID } from '../../src/crypto/oids';
import { uncompressedPoint } from '../../src/crypto/ec-curves';
import { ecdsaDerToRaw, ecdsaRawToDer } from '../../src/crypto/ecdsa-signature';
import { readPublicKey } from '../../src/crypto/public-key';
import { readSignatureAlgorithm, verifySignature } from '../../src/crypto/signature';
import { concatBytes, toHex } from '../../src/lib/bytes';
import { engines } from '../support/engines';
import { tlv } from '../support/certificates';

const hex = (text: string): Uint8Array => Uint8Array.from(text.match(/../g) ?? [], (b) => parseInt(b, 16));

function codeOf(fn: () => unknown): CryptoErrorCode | 'no error' | 'other error' {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return isCryptoError(error) ? error.code : 'other error';
  }
}

async function asyncCodeOf(fn: () => Promise<unknown>): Promise<CryptoErrorCode | 'no error' | 'other error'> {
  try {
    await fn();
    return 'no error';
  } catch (error) {
    return isCryptoError(error) ? error.code : 'other error';
  }
}

const alg = (algorithmId: string, algorithmParams?: unknown): AlgorithmIdentifier =>
  algorithmParams === undefined
    ? new AlgorithmIdentifier({ algorithmId })
    : new AlgorithmIdentifier({ algorithmId, algorithmParams });

function pssAlgorithm(hashOid: string, saltLength: number, mgfHashOid = hashOid): AlgorithmIdentifier {
  const params = new RSASSAPSSParams({
    hashAlgorithm: new AlgorithmIdentifier({ algorithmId: hashOid }),
    maskGenAlgorithm: new AlgorithmIdentifier({
      algorithmId: OID.mgf1,
      algorithmParams: new AlgorithmIdentifier({ algorithmId: mgfHashOid }).toSchema(),
    }),
    saltLength,
  });
  return alg(OID.idRsassaPss, params.toSchema());
}

describe('ecdsaRawToDer / ecdsaDerToRaw', () => {
  it.each([
    // r = 1, s = 0x80 00..: minimal INTEGER 01, positive INTEGER 00 80 ...
    ['00'.repeat(31) + '01' + '80' + '00'.repeat(31), '3026020101022100' + '80' + '00'.repeat(31)],
    // r = 0x7f.., s = 0: no sign byte, zero is one 00 byte
    ['7f' + 'ff'.repeat(31) + '00'.repeat(32), '3025' + '0220' + '7f' + 'ff'.repeat(31) + '020100'],
    // leading zero bytes stripped down to the first significant byte
    [
      '0000ff' + '11'.repeat(29) + '0001' + '22'.repeat(30),
      '3042' + '021f00ff' + '11'.repeat(29) + '021f01' + '22'.repeat(30),
    ],
  ])('encodes %s minimally and back', (raw, der) => {
    expect(toHex(ecdsaRawToDer(hex(raw)))).toBe(der.toUpperCase());
    expect(toHex(ecdsaDerToRaw(hex(der), 32))).toBe(raw.toUpperCase());
  });

  it('uses long-form lengths for P-521 and round-trips', () => {
    const raw = new Uint8Array(132).fill(0xff);
    raw[0] = 0x01;
    raw[66] = 0x01;
    const der = ecdsaRawToDer(raw);
    expect(toHex(der.subarray(0, 3))).toBe('308188');
    expect(ecdsaDerToRaw(der, 66)).toEqual(raw);
  });

  it.each([
    ['empty', ''],
    ['not a SEQUENCE', '3106020101020101'],
    ['length longer than data', '3007020101020101'],
    ['data after the SEQUENCE', '300602010102010100'],
    ['data after the INTEGERs', '3008020101020101 0500'],
    ['one INTEGER', '3003020101'],
    ['three INTEGERs', '3009020101020101020101'],
    ['OCTET STRING instead of INTEGER', '3006040101020101'],
    ['empty INTEGER', '30050200020101'],
    ['negative INTEGER', '3006020180020101'],
    ['non-minimal INTEGER', '300702020001020101'],
    ['non-minimal length', '30810602010102010 1'],
    ['indefinite length', '3080020101020101 0000'],
    ['INTEGER larger than the field', '3026022101' + '00'.repeat(32) + '020101'],
    ['truncated', '3026020101022100'],
  ])('rejects %s with corrupt-file', (_, der) => {
    expect(codeOf(() => ecdsaDerToRaw(hex(der.replace(/ /g, '')), 32))).toBe('corrupt-file');
  });

  it.each([[new Uint8Array(0)], [new Uint8Array(63)]])('refuses a raw signature of length %#', (raw) => {
    expect(codeOf(() => ecdsaRawToDer(raw))).toBe('invalid-argument');
  });
});

describe('readSignatureAlgorithm', () => {
  it.each<[string, AlgorithmIdentifier, ReturnType<typeof readSignatureAlgorithm>]>([
    ['ecdsa-with-SHA256', alg(OID.ecdsaWithSha256), { name: 'ECDSA', hash: 'SHA-256', nullParameters: false }],
    [
      'ecdsa-with-SHA384 + NULL',
      alg(OID.ecdsaWithSha384, new asn1js.Null()),
      { name: 'ECDSA', hash: 'SHA-384', nullParameters: true },
    ],
    ['ecdsa-with-SHA512 + OID', alg(OID.ecdsaWithSha512, new asn1js.ObjectIdentifier({ value: OID.sha512 })), null],
    [
      'sha256WithRSAEncryption + NULL',
      alg(OID.sha256WithRsaEncryption, new asn1js.Null()),
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    ],
    [
      'sha512WithRSAEncryption absent',
      alg(OID.sha512WithRsaEncryption),
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' },
    ],
    ['RSASSA-PSS SHA-256 salt 32', pssAlgorithm(OID.sha256, 32), { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 }],
    ['RSASSA-PSS with mismatched MGF1 hash', pssAlgorithm(OID.sha256, 32, OID.sha384), null],
    ['RSASSA-PSS with SHA-1', pssAlgorithm(OID.sha1, 20), null],
    ['RSASSA-PSS without parameters', alg(OID.idRsassaPss), null],
    ['RSASSA-PSS with empty (default SHA-1) parameters', alg(OID.idRsassaPss, new asn1js.Sequence()), null],
    ['sha1WithRSAEncryption', alg(OID.sha1WithRsaEncryption, new asn1js.Null()), null],
    ['ecdsa-with-SHA1', alg(OID.ecdsaWithSha1), null],
    ['Ed25519', alg(OID.idEd25519), null],
  ])('reads %s', (_, algorithm, expected) => {
    expect(readSignatureAlgorithm(algorithm)).toEqual(expected);
  });
});

/** SPKI DER of an EC point on a named curve. */
function ecSpki(curveOid: string, point: Uint8Array): Uint8Array {
  const oid = (value: string) => new Uint8Array(new asn1js.ObjectIdentifier({ value }).toBER());
  return tlv(0x30, tlv(0x30, oid(OID.idEcPublicKey), oid(curveOid)), tlv(0x03, Uint8Array.of(0), point));
}

const CURVES = [
  ['P-256', OID.secp256r1, 32],
  ['P-384', OID.secp384r1, 48],
  ['P-521', OID.secp521r1, 66],
] as const;

describe.each(engines)('verifySignature and readPublicKey ($name)', ({ crypto }) => {
  const data = new TextEncoder().encode('KSeF challenge 20260101-CR-0000000000-0000000000-00');

  it.each(CURVES)(
    'reads %s points, compressed or not, and rejects points off the curve',
    async (curve, curveOid, size) => {
      const { publicKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: curve }, true, [
        'sign',
        'verify',
      ]);
      const raw = new Uint8Array(await crypto.subtle.exportKey('raw', publicKey));
      const spki = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
      const key = readPublicKey(spki);
      expect(key).toMatchObject({ kind: 'EC', curve });
      if (key.kind !== 'EC') return;
      expect(uncompressedPoint(key)).toEqual(raw);

      const x = raw.subarray(1, 1 + size);
      const y = raw.subarray(1 + size);
      const compressed = concatBytes(Uint8Array.of(0x02 | ((y[size - 1] ?? 0) & 1)), x);
      expect(readPublicKey(ecSpki(curveOid, compressed))).toEqual(key);

      const offCurve = Uint8Array.from(raw);
      offCurve[raw.length - 1] = (offCurve[raw.length - 1] ?? 0) ^ 1;
      expect(codeOf(() => readPublicKey(ecSpki(curveOid, offCurve)))).toBe('corrupt-file');
      expect(codeOf(() => readPublicKey(ecSpki(curveOid, raw.subarray(0, raw.length - 1))))).toBe('corrupt-file');
      expect(codeOf(() => readPublicKey(concatBytes(spki, Uint8Array.of(0))))).toBe('corrupt-file');
    },
  );

  it('reports other algorithms and unknown curves as other', () => {
    const ed25519 = tlv(
      0x30,
      tlv(0x30, new Uint8Array(new asn1js.ObjectIdentifier({ value: OID.idEd25519 }).toBER())),
      tlv(0x03, new Uint8Array(33)),
    );
    expect(readPublicKey(ed25519)).toEqual({ kind: 'other', algorithmOid: OID.idEd25519 });
    expect(readPublicKey(ecSpki(OID.secp256k1, new Uint8Array(65)))).toEqual({
      kind: 'other',
      algorithmOid: OID.idEcPublicKey,
    });
    expect(codeOf(() => readPublicKey(Uint8Array.of(0x30, 0x00)))).toBe('corrupt-file');
  });

  it.each(
    CURVES.flatMap(([curve]) => (['SHA-256', 'SHA-384', 'SHA-512'] as const).map((hash) => [curve, hash] as const)),
  )('verifies ECDSA %s with %s', async (curve, hash) => {
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: curve }, true, ['sign', 'verify']);
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
    const raw = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash }, keys.privateKey, data));
    const oid = { 'SHA-256': OID.ecdsaWithSha256, 'SHA-384': OID.ecdsaWithSha384, 'SHA-512': OID.ecdsaWithSha512 }[
      hash
    ];
    const der = ecdsaRawToDer(raw);
    expect(await verifySignature(spki, alg(oid), data, der, crypto)).toBe('valid');
    expect(await verifySignature(spki, alg(oid, new asn1js.Null()), data, der, crypto)).toBe('valid');
    expect(await verifySignature(spki, alg(oid), concatBytes(data, Uint8Array.of(0)), der, crypto)).toBe('invalid');
    expect(await verifySignature(spki, alg(oid), data, raw, crypto)).toBe('invalid'); // raw r||s is not DER
    expect(await verifySignature(spki, alg(OID.sha256WithRsaEncryption), data, der, crypto)).toBe('invalid');
    expect(await verifySignature(spki, alg(OID.ecdsaWithSha1), data, der, crypto)).toBe('unsupported-algorithm');
  });

  it('verifies RSA PKCS#1 v1.5 with SHA-256/384/512 and RSA-PSS', async () => {
    const keys = await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    );
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
    expect(readPublicKey(spki)).toMatchObject({
      kind: 'RSA',
      modulusBits: 2048,
      publicExponent: Uint8Array.of(1, 0, 1),
    });
    const pkcs8 = await crypto.subtle.exportKey('pkcs8', keys.privateKey);
    const cases = [
      ['SHA-256', OID.sha256WithRsaEncryption],
      ['SHA-384', OID.sha384WithRsaEncryption],
      ['SHA-512', OID.sha512WithRsaEncryption],
    ] as const;
    for (const [hash, oid] of cases) {
      const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash }, false, [
        'sign',
      ]);
      const signature = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', privateKey, data));
      expect(await verifySignature(spki, alg(oid, new asn1js.Null()), data, signature, crypto)).toBe('valid');
      expect(await verifySignature(spki, alg(oid), data, signature, crypto)).toBe('valid');
      const flipped = Uint8Array.from(signature);
      flipped[10] = (flipped[10] ?? 0) ^ 0x01;
      expect(await verifySignature(spki, alg(oid), data, flipped, crypto)).toBe('invalid');
      expect(await verifySignature(spki, alg(oid), data, signature.subarray(1), crypto)).toBe('invalid');
    }
    for (const [hash, hashOid, saltLength] of [
      ['SHA-256', OID.sha256, 32],
      ['SHA-512', OID.sha512, 64],
    ] as const) {
      const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSA-PSS', hash }, false, ['sign']);
      const signature = new Uint8Array(await crypto.subtle.sign({ name: 'RSA-PSS', saltLength }, privateKey, data));
      expect(await verifySignature(spki, pssAlgorithm(hashOid, saltLength), data, signature, crypto)).toBe('valid');
      expect(await verifySignature(spki, pssAlgorithm(hashOid, saltLength + 1), data, signature, crypto)).toBe(
        'invalid',
      );
      expect(await verifySignature(spki, pssAlgorithm(hashOid, 4000), data, signature, crypto)).toBe('invalid');
    }
    expect(await verifySignature(spki, alg(OID.ecdsaWithSha256), data, new Uint8Array(256), crypto)).toBe('invalid');
    expect(await verifySignature(spki, alg(OID.sha1WithRsaEncryption), data, new Uint8Array(256), crypto)).toBe(
      'unsupported-algorithm',
    );
  });

  it('throws corrupt-file for a malformed key', async () => {
    expect(
      await asyncCodeOf(() =>
        verifySignature(Uint8Array.of(0x30, 0x01, 0x00), alg(OID.ecdsaWithSha256), data, new Uint8Array(8), crypto),
      ),
    ).toBe('corrupt-file');
  });
});
