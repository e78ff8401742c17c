import type { KeyUsageName } from '../../../src/crypto/certificate-builder.ts';
import { buildSubject, encodeName } from '../../../src/crypto/distinguished-name.ts';
import type { CertificateEnrollmentData } from '../../../src/crypto/enrollment-data.ts';
import { AUTHENTICATION_SUFFIX, OFFLINE_SUFFIX } from '../../../src/crypto/ksef-profile.ts';
import { toHex } from '../../../src/lib/bytes.ts';
import { later } from '../core/clock.ts';
import { type SandboxContext, limitsFor } from '../core/context.ts';
import { badRequest } from '../core/errors.ts';
import { certificateSerial, ksefIdentifier } from '../core/random.ts';
import {
  type Enrollment,
  type EnrollmentOutcome,
  type IssuedCertificate,
  type KsefCertificateType,
  type SubjectIdentifier,
  certificateStatus,
  subjectKey,
} from '../core/state.ts';
import { KEY_ALREADY_CERTIFIED, enrollmentStatus } from '../core/status-info.ts';

/** The issued certificate profile (docs/ksef-contract.md §7): key usage and CN suffix per type. */
const PROFILE: Readonly<Record<KsefCertificateType, { keyUsage: KeyUsageName[]; suffix: string }>> = {
  Authentication: { keyUsage: ['digitalSignature'], suffix: AUTHENTICATION_SUFFIX },
  Offline: { keyUsage: ['nonRepudiation'], suffix: OFFLINE_SUFFIX },
};

/** What an accepted enrollment request carries. */
export interface EnrollmentRequest {
  readonly owner: SubjectIdentifier;
  readonly enrollmentData: CertificateEnrollmentData;
  readonly certificateName: string;
  readonly certificateType: KsefCertificateType;
  readonly subjectPublicKeyInfo: Uint8Array;
  readonly validFrom: Date | null;
  /** The sandbox CRL's absolute URL, written into the certificate (see `crl.ts`). */
  readonly crlDistributionPoint: string;
}

/**
 * Records an enrollment and decides how it ends: a status forced by the test controls; 400 "public key
 * already certified" for a key the sandbox certified before (docs/ksef-contract.md §5.4); otherwise a certificate
 * issued now and shown once the enrollment completes. Validity starts at `validFrom` (a past one is
 * moved to now) and lasts two years; serial 8 random bytes; subject = the enrollment data (which the
 * CSR matched) with the CN suffixed ` (uwierzytelnienie)` or ` (offline)`.
 *
 * The certificate is signed first (the only await), then the limits, the key check and the record
 * are one synchronous step: concurrent requests cannot all pass a check before any of them is counted.
 * A refused request's signature is thrown away.
 *
 * @throws SandboxError 400 25006/25007 over the subject's limits (see `checkLimits`).
 */
export async function createEnrollment(context: SandboxContext, request: EnrollmentRequest): Promise<Enrollment> {
  const publicKey = toHex(request.subjectPublicKeyInfo);
  for (;;) {
    const now = context.clock.now();
    const certificate = await issue(context, request, publicKey, now);
    settleEnrollments(context);
    checkLimits(context, request.owner);
    // Another request drew the same 64-bit serial while this one was signing: sign again.
    if (serialTaken(context, certificate.serialNumber)) continue;
    return recordEnrollment(context, request.owner, publicKey, certificate, now);
  }
}

/** The synchronous half of `createEnrollment`: decides the outcome and records the enrollment. */
function recordEnrollment(
  context: SandboxContext,
  owner: SubjectIdentifier,
  publicKey: string,
  certificate: IssuedCertificate,
  now: Date,
): Enrollment {
  const { state, settings } = context.world;
  const forced = settings.nextEnrollmentStatus;
  settings.nextEnrollmentStatus = null;
  let outcome: EnrollmentOutcome;
  if (forced !== null) {
    outcome = { kind: 'failed', status: forced };
  } else if ([...state.enrollments.values()].some((e) => e.outcome.kind === 'issued' && e.publicKey === publicKey)) {
    outcome = { kind: 'failed', status: enrollmentStatus(400, [KEY_ALREADY_CERTIFIED]) };
  } else {
    outcome = { kind: 'issued', certificate };
  }
  const enrollment: Enrollment = {
    referenceNumber: ksefIdentifier('EH', now, context.random),
    owner,
    requestDate: now,
    publicKey,
    outcome,
    readyAt: later(now, settings.timing.enrollmentDelayMs),
    pendingPolls: settings.timing.enrollmentPendingPolls,
    polls: 0,
    completed: false,
  };
  state.enrollments.set(enrollment.referenceNumber, enrollment);
  return enrollment;
}

async function issue(
  context: SandboxContext,
  request: EnrollmentRequest,
  publicKey: string,
  now: Date,
): Promise<IssuedCertificate> {
  const profile = PROFILE[request.certificateType];
  const validFrom = request.validFrom === null || request.validFrom.getTime() < now.getTime() ? now : request.validFrom;
  const validTo = new Date(validFrom.getTime());
  validTo.setUTCFullYear(validTo.getUTCFullYear() + 2);
  let serial = certificateSerial(context.random);
  while (serialTaken(context, toHex(serial))) serial = certificateSerial(context.random);
  const ca = await context.ca();
  const der = await ca.issue({
    serialNumber: serial,
    subject: encodeName(
      buildSubject({ ...request.enrollmentData, commonName: request.enrollmentData.commonName + profile.suffix }),
    ),
    subjectPublicKeyInfo: request.subjectPublicKeyInfo,
    notBefore: validFrom,
    notAfter: validTo,
    keyUsage: profile.keyUsage,
    crlDistributionPoints: [request.crlDistributionPoint],
  });
  return {
    serialNumber: toHex(serial),
    der,
    name: request.certificateName,
    type: request.certificateType,
    commonName: request.enrollmentData.commonName,
    owner: request.owner,
    validFrom,
    validTo,
    requestDate: now,
    publicKey,
    revokedAt: null,
    revocationReason: null,
    lastUseDate: null,
  };
}

function serialTaken(context: SandboxContext, serial: string): boolean {
  return [...context.world.state.enrollments.values()].some(
    (e) => e.outcome.kind === 'issued' && e.outcome.certificate.serialNumber === serial,
  );
}

/**
 * Completes every enrollment whose delay has passed: its certificate joins the subject's list. Run
 * before anything reads certificates, so lists do not depend on whether someone polled.
 */
export function settleEnrollments(context: SandboxContext): void {
  const now = context.clock.now().getTime();
  const { state } = context.world;
  for (const enrollment of state.enrollments.values()) {
    if (enrollment.completed || now < enrollment.readyAt.getTime()) continue;
    enrollment.completed = true;
    if (enrollment.outcome.kind === 'issued')
      state.certificates.set(enrollment.outcome.certificate.serialNumber, enrollment.outcome.certificate);
  }
}

/** How much of its limits a subject has used: every enrollment request, and active plus pending certificates. */
export function limitUsage(
  context: SandboxContext,
  owner: SubjectIdentifier,
): { enrollments: number; certificates: number } {
  const key = subjectKey(owner);
  const now = context.clock.now();
  const { state } = context.world;
  const mine = [...state.enrollments.values()].filter((e) => subjectKey(e.owner) === key);
  const pending = mine.filter((e) => !e.completed && e.outcome.kind === 'issued').length;
  const active = [...state.certificates.values()].filter(
    (c) => subjectKey(c.owner) === key && certificateStatus(c, now) === 'Active',
  ).length;
  return { enrollments: mine.length, certificates: active + pending };
}

/**
 * Refuses an enrollment over the subject's limits: 25006 when the enrollment-request limit is used
 * up, 25007 when the active-certificate limit is.
 */
export function checkLimits(context: SandboxContext, owner: SubjectIdentifier): void {
  const limits = limitsFor(context.world.settings, owner.type);
  const usage = limitUsage(context, owner);
  if (usage.enrollments >= limits.enrollment) throw badRequest(25006, `Limit: ${limits.enrollment}.`);
  if (usage.certificates >= limits.certificate) throw badRequest(25007, `Limit: ${limits.certificate}.`);
}
