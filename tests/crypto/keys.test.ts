import { PublicKeyInfo } from 'pkijs';
import { describe, expect, it } from 'vitest';
import { signingParams } from '../../src/crypto/algorithms';
import { exportSpki, generateKeyPair, toNonExtractable } from '../../src/crypto/keys';
import { OID } from '../../src/crypto/oids';
import { decodePrivateKeyInfo } from '../../src/crypto/private-key-decoding';
import { importPrivateKey } from '../../src/crypto/private-key-import';
import { engines } from '../support/engines';

const MESSAGE = new TextEncoder().encode('KSeF');

function spkiAlgorithm(spki: Uint8Array): { algorithm: string; parameter: unknown } {
  const info = PublicKeyInfo.fromBER(Uint8Array.from(spki));
  const parameter: unknown = info.algorithm.algorithmParams;
  return { algorithm: info.algorithm.algorithmId, parameter };
}

describe.each(engines)('keys ($name)', ({ crypto }) => {
  it('generates EC P-256 by default, the private key extractable for one export', async () => {
    const pair = await generateKeyPair(undefined, crypto);
    expect(pair.privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(pair.privateKey.extractable).toBe(true);
    expect(pair.privateKey.usages).toEqual(['sign']);
    expect(pair.publicKey.usages).toEqual(['verify']);
    const spki = await exportSpki(pair.publicKey, crypto);
    expect(spkiAlgorithm(spki).algorithm).toBe(OID.idEcPublicKey);
  });

  it('generates RSA-2048 with e = 65537 for RSASSA-PKCS1-v1_5 with SHA-256', async () => {
    const pair = await generateKeyPair('RSA-2048', crypto);
    expect(pair.privateKey.algorithm).toMatchObject({
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      hash: { name: 'SHA-256' },
    });
    const algorithm: unknown = pair.publicKey.algorithm;
    expect(algorithm).toHaveProperty('publicExponent', new Uint8Array([1, 0, 1]));
    expect(spkiAlgorithm(await exportSpki(pair.publicKey, crypto)).algorithm).toBe(OID.rsaEncryption);
  });

  it.each(['EC-P256', 'RSA-2048'] as const)('re-imports a %s private key as non-extractable', async (algorithm) => {
    const pair = await generateKeyPair(algorithm, crypto);
    const locked = await toNonExtractable(pair.privateKey, crypto);
    expect(locked.extractable).toBe(false);
    expect(locked.usages).toEqual(['sign']);
    expect(locked.algorithm).toEqual(pair.privateKey.algorithm);
    const signature = await crypto.subtle.sign(signingParams(locked), locked, MESSAGE);
    expect(await crypto.subtle.verify(signingParams(pair.publicKey), pair.publicKey, signature, MESSAGE)).toBe(true);
    await expect(crypto.subtle.exportKey('pkcs8', locked)).rejects.toThrow();
  });

  it('refuses keys that are not what each function takes', async () => {
    const pair = await generateKeyPair('EC-P256', crypto);
    const locked = await toNonExtractable(pair.privateKey, crypto);
    await expect(toNonExtractable(locked, crypto)).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(toNonExtractable(pair.publicKey, crypto)).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(exportSpki(pair.privateKey, crypto)).rejects.toMatchObject({ code: 'invalid-argument' });
  });

  it.each(['EC-P256', 'RSA-2048'] as const)(
    'derives the public key of a %s private key from the key itself',
    async (algorithm) => {
      const pair = await generateKeyPair(algorithm, crypto);
      const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
      const loaded = await importPrivateKey(decodePrivateKeyInfo(pkcs8), 'pkcs8', crypto);
      expect(loaded.spki).toEqual(await exportSpki(pair.publicKey, crypto));
      expect(loaded.keyType).toEqual(
        algorithm === 'EC-P256' ? { kind: 'EC', curve: 'P-256' } : { kind: 'RSA', modulusBits: 2048 },
      );
      // The re-imported key is the same key: WebCrypto exports it byte for byte as before.
      expect(new Uint8Array(await crypto.subtle.exportKey('pkcs8', loaded.privateKey))).toEqual(pkcs8);
    },
  );
});
