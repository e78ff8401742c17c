import { checkExternalSignature } from '../crypto/external-signature';
import { verifyExternalSignature } from '../crypto/external-signature-verify';

/** What the signed file must answer to: the challenge KSeF gave for this sign-in, and when. */
export interface ExpectedChallenge {
  readonly challenge: string;
  readonly challengeIssuedAt: Date;
}

/**
 * Everything that reads the file the user signed outside the app, before anything is sent:
 * `checkExternalSignature` (UTF-8, one enveloped or enveloping signature, our challenge, not older
 * than 10 minutes) and `verifyExternalSignature` (a file changed after signing, e.g. re-indented, is
 * refused here rather than by KSeF with 9105). The wizard runs it in the file reader's Web Worker.
 *
 * @returns the file's bytes, unchanged: what KSeF receives.
 * @throws CryptoError 'empty-file', 'xml-not-utf8', 'xml-dtd-forbidden', 'xml-malformed',
 *   'xml-nesting-too-deep', 'not-auth-token-request', 'signature-missing', 'signature-multiple',
 *   'signature-detached', 'challenge-mismatch', 'challenge-expired', 'corrupt-file',
 *   'signature-digest-mismatch', 'signature-certificate-missing', 'signature-value-invalid'.
 */
export async function checkSignedFile(
  signedFile: Uint8Array,
  expected: ExpectedChallenge,
  options: { readonly now?: () => Date; readonly crypto?: Crypto } = {},
): Promise<Uint8Array> {
  const check = checkExternalSignature(signedFile, expected, options.now);
  // A signature we cannot compute here (algorithm, key) comes back 'unchecked': KSeF decides.
  await verifyExternalSignature(check.bytes, options.crypto);
  return check.bytes;
}
