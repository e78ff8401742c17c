import { describe, expect, it } from 'vitest';
import { buildPfx, readPfx } from '../../src/crypto/pkcs12';
import { readPrivateKey } from '../../src/crypto/private-key-reader';
import { engines } from '../support/engines';
import { FIXTURE_PASSWORD, expectedSpki, fixture, fixtureText } from '../support/key-fixtures';
import { type SubtleCall, recordingCrypto } from '../support/recording-crypto';
import { parsePem } from '../../src/crypto/pem';

/**
 * The PKCS#12 KDF of the MAC runs in JavaScript on the calling thread; the PBKDF2 derivations go to
 * WebCrypto (off the page's thread in Chromium). Both PBKDF2 derivations must be handed over before
 * the MAC's KDF starts, which ends with the HMAC key's import: then they run meanwhile.
 */
function pbkdf2HandedOverBeforeMacKey(calls: readonly SubtleCall[]): void {
  const derivations = calls.flatMap((call, index) =>
    (call.method === 'deriveKey' || call.method === 'deriveBits') && call.algorithm === 'PBKDF2' ? [index] : [],
  );
  const macKey = calls.findIndex((call) => call.method === 'importKey' && call.algorithm === 'HMAC');
  expect(derivations).toHaveLength(2);
  expect(macKey).toBeGreaterThan(-1);
  for (const index of derivations) expect(index).toBeLessThan(macKey);
}

describe.each(engines)('PFX derivations in parallel with the MAC ($name)', ({ crypto: engine }) => {
  it('readPfx hands both PBKDF2 derivations to WebCrypto before the MAC key', async () => {
    const { crypto, calls } = recordingCrypto(engine);
    const pfx = await readPfx(fixture('ec-p256.openssl3.p12'), FIXTURE_PASSWORD, crypto);
    expect(pfx.key.spki).toEqual(expectedSpki('ec-p256'));
    pbkdf2HandedOverBeforeMacKey(calls);
  });

  it('readPfx still says wrong-password, and starts nothing more after the MAC fails', async () => {
    const { crypto, calls } = recordingCrypto(engine);
    await expect(readPfx(fixture('ec-p256.openssl3.p12'), 'not the password', crypto)).rejects.toMatchObject({
      code: 'wrong-password',
    });
    expect(calls.filter((call) => call.method === 'decrypt')).toEqual([]);
  });

  it('buildPfx hands both PBKDF2 derivations to WebCrypto before the MAC key', async () => {
    const key = await readPrivateKey(fixture('ec-p256.pkcs8.pem'), undefined, engine);
    const [certificate] = parsePem(fixtureText('ec-p256.cert.pem'));
    if (certificate === undefined) throw new Error('no certificate');
    const { crypto, calls } = recordingCrypto(engine);
    const password = 'Derivation-Order-1!';
    const options = { privateKey: key.privateKey, certificate: certificate.der, friendlyName: 'Order', password };
    const pfx = await buildPfx(options, crypto);
    pbkdf2HandedOverBeforeMacKey(calls);
    expect((await readPfx(pfx, password, engine)).key.spki).toEqual(expectedSpki('ec-p256'));
  });
});
