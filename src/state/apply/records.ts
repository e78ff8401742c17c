/**
 * The local list of submitted applications, so a closed tab can resume (issue 4, deliverable 8).
 * One localStorage key holds a JSON array. Only non-secret fields are written: no token, key, CSR or
 * password ever goes here. Reading is an edge: every record is checked with zod and a bad one is
 * dropped, never trusted.
 */
import { z } from '../../lib/zod-mini';
import { parseJsonOrUndefined } from '../../lib/json';
import { ksefEnvironmentSchema } from '../../ksef/environments';
import { APPLICATION_STATUSES } from '../../problem/application-status';
import { keyFileName } from '../file-name';

/** The localStorage key of the records. */
export const APPLICATIONS_STORAGE_KEY = 'ksef-cert.applications';

/** At most this many records are kept (newest first); older ones fall off. */
export const MAX_APPLICATION_RECORDS = 20;

export const applicationStatusSchema = z.enum(APPLICATION_STATUSES);

export const applicationRecordSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  environment: ksefEnvironmentSchema,
  contextNip: z.nullable(z.string().check(z.regex(/^\d{10}$/))),
  referenceNumber: z.string().check(z.minLength(1), z.maxLength(100)),
  certificateName: z.string().check(z.minLength(1), z.maxLength(100)),
  certificateType: z.enum(['Authentication', 'Offline']),
  keyAlgorithm: z.enum(['EC-P256', 'RSA-2048']),
  /** ISO date-time of the submission. */
  createdAt: z.iso.datetime({ offset: true }),
  /** SHA-256 of the public key's SPKI DER, uppercase hex. */
  publicKeyFingerprint: z.string().check(z.regex(/^[0-9A-F]{64}$/)),
  status: applicationStatusSchema,
  /** Known once issued. */
  serialNumber: z.nullable(z.string().check(z.minLength(1), z.maxLength(64))),
  /** The name the `.key` was saved under (records written before it was kept lack it). */
  keyFileName: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
export type ApplicationRecord = z.infer<typeof applicationRecordSchema>;

/** The name the record's `.key` was saved under: the one kept, else the one its certificate name gives. */
export function recordKeyFileName(record: ApplicationRecord): string {
  return record.keyFileName ?? keyFileName(record.certificateName);
}

/** The part of `Storage` the records use (tests pass a Map-backed one). */
export type RecordStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The valid records, newest first. Unreadable JSON or a value that is not an array gives none; each
 * element that fails the schema is dropped on its own.
 */
export function parseApplicationRecords(text: string | null): ApplicationRecord[] {
  if (text === null) return [];
  const value = parseJsonOrUndefined(text);
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    const parsed = applicationRecordSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Reads the records from `storage`. */
export function readApplicationRecords(storage: RecordStorage): ApplicationRecord[] {
  return parseApplicationRecords(storage.getItem(APPLICATIONS_STORAGE_KEY));
}

/** Adds `record` first, or replaces the record with the same id, and writes the list back. */
export function saveApplicationRecord(storage: RecordStorage, record: ApplicationRecord): void {
  const checked = applicationRecordSchema.parse(record);
  const others = readApplicationRecords(storage).filter((r) => r.id !== checked.id);
  storage.setItem(APPLICATIONS_STORAGE_KEY, JSON.stringify([checked, ...others].slice(0, MAX_APPLICATION_RECORDS)));
}

/** Changes fields of the record `id`, if it is still there; returns the updated record. */
export function updateApplicationRecord(
  storage: RecordStorage,
  id: string,
  change: Partial<Pick<ApplicationRecord, 'status' | 'serialNumber' | 'referenceNumber'>>,
): ApplicationRecord | null {
  const records = readApplicationRecords(storage);
  const current = records.find((r) => r.id === id);
  if (current === undefined) return null;
  const updated = applicationRecordSchema.parse({ ...current, ...change });
  storage.setItem(APPLICATIONS_STORAGE_KEY, JSON.stringify(records.map((r) => (r.id === id ? updated : r))));
  return updated;
}

/**
 * Removes the record `id` from the list (only this browser's entry: the files on disk and the
 * application in KSeF are not touched). @returns whether there was such a record.
 */
export function removeApplicationRecord(storage: RecordStorage, id: string): boolean {
  const records = readApplicationRecords(storage);
  const kept = records.filter((r) => r.id !== id);
  if (kept.length === records.length) return false;
  storage.setItem(APPLICATIONS_STORAGE_KEY, JSON.stringify(kept));
  return true;
}
