/**
 * Finding a certificate by its key when its enrollment's reference number is of no help: past its
 * retention (a resumed application), or never received (the enrollment timed out, though KSeF may
 * have made it). KSeF has no idempotency key for enrollments, so the key itself is the only trace.
 */
import type { KsefEnvironment } from '../../ksef/environments';
import { fromBase64 } from '../../lib/bytes';
import type { KsefTokenStore } from '../../ksef/token-store';
import { ksefClient } from './ksef-client';
import { loadApplyCrypto } from './load-crypto';
import { seams } from './seams';

/** What identifies an application's certificate. */
export interface CertificateOfKey {
  readonly certificateName: string;
  readonly certificateType: 'Authentication' | 'Offline';
  /** SHA-256 of the key's SPKI DER, uppercase hex. */
  readonly publicKeyFingerprint: string;
}

/**
 * POST /certificates/query by name and type, then POST /certificates/retrieve of the active ones
 * (at most 10) and the one whose public key has the wanted fingerprint.
 * @returns its serial number, or `null` when no certificate has that key (yet).
 * @throws KsefError from either call.
 */
export async function findCertificateOfKey(
  environment: KsefEnvironment,
  session: KsefTokenStore,
  wanted: CertificateOfKey,
): Promise<string | null> {
  const client = await ksefClient(environment);
  const { certificates } = await client.queryCertificates(
    session,
    { name: wanted.certificateName, type: wanted.certificateType },
    { pageSize: 50 },
  );
  const serials = certificates
    .filter((c) => c.status === 'Active')
    .map((c) => c.certificateSerialNumber)
    .slice(0, 10);
  if (serials.length === 0) return null;
  const retrieved = await client.retrieveCertificates(session, { certificateSerialNumbers: serials });
  const crypto = await loadApplyCrypto();
  for (const item of retrieved.certificates) {
    const der = fromBase64(item.certificate);
    if (der === null) continue;
    const summary = await crypto.readCertificate(der, seams().now(), seams().crypto);
    if ((await crypto.publicKeyFingerprint(summary.spki, seams().crypto)) === wanted.publicKeyFingerprint)
      return item.certificateSerialNumber;
  }
  return null;
}
