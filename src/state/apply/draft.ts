/**
 * The draft of the application in progress, so that a reload at any step brings the user back. It is
 * kept in the tab's sessionStorage (it survives a reload and ends with the tab; a closed tab's
 * submitted application is found through the records instead). Only non-secret fields are written:
 * the environment and context, the certificate details, the name and public-key fingerprint of the
 * saved `.key`, the challenge of an external signature (public: it is in the file the user signs),
 * and the id of the application record once submitted. Never a token, a key, a CSR or a password.
 */
import { z } from '../../lib/zod-mini';
import { parseJsonOrUndefined } from '../../lib/json';
import { ksefEnvironmentSchema } from '../../ksef/environments';
import { APPLY_STEPS, type ApplyState } from './model';

/** The sessionStorage key of the draft. */
export const DRAFT_STORAGE_KEY = 'ksef-cert.draft';

/** The part of `Storage` the draft uses (tests pass a Map-backed one). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const savedKeySchema = z.strictObject({
  fileName: z.string().check(z.minLength(1), z.maxLength(200)),
  publicKeyFingerprint: z.string().check(z.regex(/^[0-9A-F]{64}$/)),
});

export const draftSchema = z.strictObject({
  /** The furthest the user had come: the step shown when the draft was written. */
  step: z.enum(APPLY_STEPS),
  environment: ksefEnvironmentSchema,
  contextNip: z.nullable(z.string().check(z.regex(/^\d{10}$/))),
  external: z.nullable(
    z.strictObject({
      challenge: z.string().check(z.minLength(1), z.maxLength(100)),
      challengeIssuedAt: z.iso.datetime({ offset: true }),
      fileName: z.string().check(z.minLength(1), z.maxLength(200)),
    }),
  ),
  details: z.nullable(
    z.strictObject({
      certificateName: z.string().check(z.minLength(1), z.maxLength(100)),
      certificateType: z.enum(['Authentication', 'Offline']),
      validFrom: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
      keyAlgorithm: z.enum(['EC-P256', 'RSA-2048']),
    }),
  ),
  savedKey: z.nullable(savedKeySchema),
  passwordStoredConfirmed: z.boolean(),
  /** The application record once the application was submitted (`records.ts`). */
  recordId: z.nullable(z.string().check(z.minLength(1), z.maxLength(100))),
});
export type Draft = z.infer<typeof draftSchema>;

/** The draft of `state`, or `null` when there is nothing to come back to (no environment chosen yet). */
export function draftOf(state: ApplyState, recordId: string | null): Draft | null {
  if (state.environment === null) return null;
  const { key } = state;
  // While a proof runs, and after one failed, the `.key` saved before it is still the one to reopen.
  const savedKey =
    key.status === 'saved' || key.status === 'proven'
      ? key
      : key.status === 'failed' || key.status === 'proving'
        ? key.saved
        : null;
  return {
    step: state.step,
    environment: state.environment,
    contextNip: state.contextNip,
    external: state.external,
    details: state.details,
    savedKey:
      savedKey === null ? null : { fileName: savedKey.fileName, publicKeyFingerprint: savedKey.publicKeyFingerprint },
    passwordStoredConfirmed: state.passwordStoredConfirmed,
    recordId: recordId ?? state.resume?.record.id ?? null,
  };
}

/** The stored draft; unreadable or off-schema text gives `null` (it is an edge: never trusted). */
export function readDraft(storage: DraftStorage): Draft | null {
  const text = storage.getItem(DRAFT_STORAGE_KEY);
  if (text === null) return null;
  const parsed = draftSchema.safeParse(parseJsonOrUndefined(text));
  return parsed.success ? parsed.data : null;
}

/** Writes `draft` (checked against the schema first), or removes the stored one for `null`. */
export function writeDraft(storage: DraftStorage, draft: Draft | null): void {
  if (draft === null) {
    storage.removeItem(DRAFT_STORAGE_KEY);
    return;
  }
  storage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(draftSchema.parse(draft)));
}
