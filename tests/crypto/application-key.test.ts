import { describe, expect, it } from 'vitest';
import {
  applicationCsr,
  generateApplicationKey,
  openKeyFile,
  publicKeyFingerprint,
} from '../../src/crypto/application-key';
import { checkCsr, csrChecksPass } from '../../src/crypto/check-csr';
import { isCryptoError } from '../../src/crypto/errors';
import { exportSpki } from '../../src/crypto/keys';
import { bytesEqual } from '../../src/lib/bytes';
import { PERSON } from '../support/certificates';
import { engines } from '../support/engines';

const PASSWORD = 'Haslo-do-klucza-1';

describe.each(engines)('application key ($name)', ({ crypto }) => {
  it.each(['EC-P256', 'RSA-2048'] as const)(
    'a %s key reopens from its .key with the same public key, and cannot be read out again',
    async (algorithm) => {
      const generated = await generateApplicationKey(algorithm, PERSON, PASSWORD, crypto);
      expect(generated.keyFilePem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
      expect(generated.key.privateKey.extractable).toBe(false);
      expect(generated.publicKeyFingerprint).toBe(
        await publicKeyFingerprint(await exportSpki(generated.key.publicKey, crypto), crypto),
      );
      expect(csrChecksPass(await checkCsr(generated.csr, PERSON, crypto))).toBe(true);

      const opened = await openKeyFile(new TextEncoder().encode(generated.keyFilePem), PASSWORD, crypto);
      expect(bytesEqual(opened.key.spki, generated.key.spki)).toBe(true);
      expect(opened.publicKeyFingerprint).toBe(generated.publicKeyFingerprint);
      expect(opened.key.privateKey.extractable).toBe(false);
      expect(csrChecksPass(await checkCsr(await applicationCsr(opened.key, PERSON, crypto), PERSON, crypto))).toBe(
        true,
      );
    },
  );

  it('refuses the .key under another password', async () => {
    const generated = await generateApplicationKey('EC-P256', PERSON, PASSWORD, crypto);
    const error: unknown = await openKeyFile(
      new TextEncoder().encode(generated.keyFilePem),
      'inne-haslo',
      crypto,
    ).catch((e: unknown) => e);
    expect(isCryptoError(error) ? error.code : error).toBe('wrong-password');
  });
});
