/**
 * Every job that reads a user's file, as one table: what each takes and what it gives back. The file
 * reader's Web Worker (`file-reader.worker.ts`) runs these off the page's thread; where there are no
 * Web Workers (Node, the wizard's Node journeys) `runFileJob` runs them in place, so both paths share
 * this code. Passwords arrive here inside one job and are used for that call only.
 */
import {
  inspectFile,
  unlockFile,
  type InspectedFile,
  type LockedKeyFile,
  type OpenedKeyFile,
} from '../crypto/check-files';
import { openKeyFile, type OpenedKeyFile as OpenedApplicationKey } from '../crypto/application-key';
import { openSigningCredentials, type SigningCredentials, type SigningFiles } from '../sign-in/files';
import { checkSignedFile } from '../sign-in/signed-file';

/** What each job takes. `now` is a `Date`: functions do not cross to a worker. */
export interface FileJobInputs {
  /** The checker: what a file holds (a plain key is opened at once). */
  readonly inspect: { readonly bytes: Uint8Array; readonly now: Date };
  /** The checker: an encrypted key or PFX opened with its password. */
  readonly unlock: { readonly file: LockedKeyFile; readonly password: string; readonly now: Date };
  /** The wizard's save proof: the saved `.key` opened with its password (the key comes back non-extractable). */
  readonly 'open-key-file': { readonly bytes: Uint8Array; readonly password: string };
  /** The wizard's sign-in with a certificate: the key file (and certificate file) opened. */
  readonly 'signing-credentials': { readonly files: SigningFiles; readonly now: Date };
  /** The wizard's sign-in with a file signed elsewhere: its checks and signature verification. */
  readonly 'signed-file': {
    readonly bytes: Uint8Array;
    readonly challenge: string;
    readonly challengeIssuedAt: Date;
    readonly now: Date;
  };
}

/** What each job gives back. CryptoKeys cross to the page as they are (structured clone). */
export interface FileJobResults {
  readonly inspect: InspectedFile;
  readonly unlock: OpenedKeyFile;
  readonly 'open-key-file': OpenedApplicationKey;
  readonly 'signing-credentials': SigningCredentials;
  /** The file's bytes, unchanged, once every check passed. */
  readonly 'signed-file': Uint8Array;
}

export type FileJobKind = keyof FileJobInputs;

type Handlers = {
  readonly [K in FileJobKind]: (input: FileJobInputs[K], crypto: Crypto) => Promise<FileJobResults[K]>;
};

const HANDLERS: Handlers = {
  inspect: ({ bytes, now }) => inspectFile(bytes, now),
  unlock: ({ file, password, now }) => unlockFile(file, password, now),
  'open-key-file': ({ bytes, password }, crypto) => openKeyFile(bytes, password, crypto),
  'signing-credentials': ({ files, now }, crypto) => openSigningCredentials(files, { now: () => now, crypto }),
  'signed-file': ({ bytes, challenge, challengeIssuedAt, now }, crypto) =>
    checkSignedFile(bytes, { challenge, challengeIssuedAt }, { now: () => now, crypto }),
};

/**
 * Runs job `kind` in this thread.
 *
 * @throws what the job's reader throws: CryptoError (`wrong-password`, `corrupt-file`, ...), SignInError
 *   (`certificate-missing`).
 */
export function runFileJob<K extends FileJobKind>(
  kind: K,
  input: FileJobInputs[K],
  crypto: Crypto = globalThis.crypto,
): Promise<FileJobResults[K]> {
  const handler: Handlers[K] = HANDLERS[kind];
  return handler(input, crypto);
}
