import { toBase64 } from '../../../src/lib/bytes.ts';
import { DAY, ksefDateTime } from '../core/clock.ts';
import { type SandboxContext, limitsFor } from '../core/context.ts';
import { crlDistributionPoint } from './crl.ts';
import { validateCsr } from './csr-checks.ts';
import { checkLimits, createEnrollment, limitUsage, settleEnrollments } from './enrollment.ts';
import { badRequest, forbidden, gone } from '../core/errors.ts';
import { parseDateTime, parseWith, readJsonBody } from '../core/http.ts';
import { jsonResponse } from '../core/responses.ts';
import {
  enrollCertificateRequestSchema,
  queryCertificatesRequestSchema,
  queryPagingSchema,
  referenceNumberSchema,
  retrieveCertificatesRequestSchema,
  revokeCertificateRequestSchema,
  serialNumberSchema,
} from '../core/schemas.ts';
import { currentSession, isXadesSession } from '../auth/session.ts';
import { type AuthOperation, type IssuedCertificate, certificateStatus, subjectKey } from '../core/state.ts';
import { enrollmentStatus } from '../core/status-info.ts';

/** Enrollment status is kept 30 days, then 410 (docs/ksef-contract.md §1.10, §5.4). */
const ENROLLMENT_STATUS_RETENTION = 30 * DAY;

/** `GET /certificates/limits` → `CertificateLimitsResponse` for the signed-in subject. */
export function getLimits(request: Request, context: SandboxContext): Response {
  const { identity } = currentSession(request, context);
  settleEnrollments(context);
  const limits = limitsFor(context.world.settings, identity.identifier.type);
  const usage = limitUsage(context, identity.identifier);
  const enrollment = { remaining: Math.max(0, limits.enrollment - usage.enrollments), limit: limits.enrollment };
  const certificate = { remaining: Math.max(0, limits.certificate - usage.certificates), limit: limits.certificate };
  return jsonResponse(200, {
    canRequest: enrollment.remaining > 0 && certificate.remaining > 0,
    enrollment,
    certificate,
  });
}

/**
 * `GET /certificates/enrollments/data` → `CertificateEnrollmentDataResponse`, read from the signing
 * certificate (see `enrollmentDataOf`); absent attributes are left out. 25001 for sessions that did
 * not sign in with XAdES.
 */
export function getEnrollmentData(request: Request, context: SandboxContext): Response {
  const session = currentSession(request, context);
  const data = session.identity.enrollmentData;
  if (!isXadesSession(session) || data === null) throw badRequest(25001);
  return jsonResponse(
    200,
    Object.fromEntries(
      Object.entries(data).filter(([, value]) => value !== null && value !== undefined && value !== ''),
    ),
  );
}

/** `POST /certificates/enrollments` → 202 `EnrollCertificateResponse` (checks in `validateCsr`, `checkLimits`). */
export async function postEnrollment(request: Request, context: SandboxContext): Promise<Response> {
  const session = currentSession(request, context);
  const body = await readJsonBody(request, enrollCertificateRequestSchema);
  const data = session.identity.enrollmentData;
  if (!isXadesSession(session) || data === null) throw badRequest(25002);
  const csr = validateCsr(body.csr, data);
  // Refused here before any signing; `createEnrollment` checks again where it records.
  settleEnrollments(context);
  checkLimits(context, session.identity.identifier);
  const enrollment = await createEnrollment(context, {
    owner: session.identity.identifier,
    enrollmentData: data,
    certificateName: body.certificateName,
    certificateType: body.certificateType,
    subjectPublicKeyInfo: csr.subjectPublicKeyInfo,
    validFrom: body.validFrom === null || body.validFrom === undefined ? null : parseDateTime(body.validFrom),
    crlDistributionPoint: crlDistributionPoint(request),
  });
  return jsonResponse(202, {
    referenceNumber: enrollment.referenceNumber,
    timestamp: ksefDateTime(enrollment.requestDate),
  });
}

/**
 * `GET /certificates/enrollments/{referenceNumber}` → `CertificateEnrollmentStatusResponse`: 100 until
 * the enrollment completed and was polled `pendingPolls` times, then 200 with the serial or the
 * failure status. Another subject's enrollment does not exist (25005); past 30 days, 410.
 */
export function getEnrollmentStatus(request: Request, context: SandboxContext, referenceNumber: string): Response {
  parseWith(referenceNumberSchema, referenceNumber);
  const { identity } = currentSession(request, context);
  settleEnrollments(context);
  const enrollment = context.world.state.enrollments.get(referenceNumber);
  if (enrollment === undefined || subjectKey(enrollment.owner) !== subjectKey(identity.identifier))
    throw badRequest(25005);
  if (context.clock.now().getTime() - enrollment.requestDate.getTime() > ENROLLMENT_STATUS_RETENTION) throw gone();
  enrollment.polls++;
  const requestDate = ksefDateTime(enrollment.requestDate);
  if (!enrollment.completed || enrollment.polls <= enrollment.pendingPolls)
    return jsonResponse(200, { requestDate, status: enrollmentStatus(100) });
  const { outcome } = enrollment;
  if (outcome.kind === 'failed') return jsonResponse(200, { requestDate, status: outcome.status });
  return jsonResponse(200, {
    requestDate,
    status: enrollmentStatus(200),
    certificateSerialNumber: outcome.certificate.serialNumber,
  });
}

/** `POST /certificates/retrieve` → `RetrieveCertificatesResponse`: the subject's certificates among those asked for. */
export async function postRetrieve(request: Request, context: SandboxContext): Promise<Response> {
  const { identity } = currentSession(request, context);
  const body = await readJsonBody(request, retrieveCertificatesRequestSchema);
  settleEnrollments(context);
  const certificates = body.certificateSerialNumbers
    .map((serial) => ownedCertificate(context, identity.identifier, serial))
    .filter((c): c is IssuedCertificate => c !== undefined)
    .map((c) => ({
      certificate: toBase64(c.der),
      certificateName: c.name,
      certificateSerialNumber: c.serialNumber,
      certificateType: c.type,
    }));
  return jsonResponse(200, { certificates });
}

/**
 * `POST /certificates/query?pageSize=&pageOffset=` → `QueryCertificatesResponse`, newest request
 * first. Filters: exact serial, name containing the text (case-insensitive), type, status, and
 * validTo after `expiresAfter`. `pageOffset` is a page index.
 */
export async function postQuery(request: Request, context: SandboxContext): Promise<Response> {
  const { identity } = currentSession(request, context);
  const url = new URL(request.url);
  const paging = parseWith(queryPagingSchema, {
    pageSize: url.searchParams.get('pageSize') ?? undefined,
    pageOffset: url.searchParams.get('pageOffset') ?? undefined,
  });
  const filter = await readJsonBody(request, queryCertificatesRequestSchema, { optional: true });
  settleEnrollments(context);
  const now = context.clock.now();
  const key = subjectKey(identity.identifier);
  const expiresAfter =
    filter.expiresAfter === null || filter.expiresAfter === undefined ? null : parseDateTime(filter.expiresAfter);
  const name = filter.name?.toLocaleLowerCase('pl') ?? null;
  const matching = [...context.world.state.certificates.values()]
    .filter((c) => subjectKey(c.owner) === key)
    .filter(
      (c) =>
        filter.certificateSerialNumber === null ||
        filter.certificateSerialNumber === undefined ||
        c.serialNumber === filter.certificateSerialNumber,
    )
    .filter((c) => name === null || c.name.toLocaleLowerCase('pl').includes(name))
    .filter((c) => filter.type === null || filter.type === undefined || c.type === filter.type)
    .filter((c) => filter.status === null || filter.status === undefined || certificateStatus(c, now) === filter.status)
    .filter((c) => expiresAfter === null || c.validTo.getTime() > expiresAfter.getTime())
    .sort((a, b) => b.requestDate.getTime() - a.requestDate.getTime() || a.serialNumber.localeCompare(b.serialNumber));
  const start = paging.pageOffset * paging.pageSize;
  const certificates = matching.slice(start, start + paging.pageSize).map((c) => ({
    certificateSerialNumber: c.serialNumber,
    name: c.name,
    type: c.type,
    commonName: c.commonName,
    status: certificateStatus(c, now),
    subjectIdentifier: c.owner,
    validFrom: ksefDateTime(c.validFrom),
    validTo: ksefDateTime(c.validTo),
    ...(c.lastUseDate === null ? {} : { lastUseDate: ksefDateTime(c.lastUseDate) }),
    requestDate: ksefDateTime(c.requestDate),
  }));
  return jsonResponse(200, { certificates, hasMore: matching.length > start + paging.pageSize });
}

/**
 * `POST /certificates/{certificateSerialNumber}/revoke` → 204. Another subject's certificate does not
 * exist (25008); a revoked or expired one cannot be revoked (25009). Not for KSeF-token sessions.
 */
export async function postRevoke(request: Request, context: SandboxContext, serialNumber: string): Promise<Response> {
  parseWith(serialNumberSchema, serialNumber);
  const session = currentSession(request, context);
  if (!isXadesSession(session)) {
    throw forbidden('auth-method-not-allowed', 'Operacja niedostępna dla podmiotu uwierzytelnionego tokenem KSeF.', {
      authenticationMethodCategory: session.methodInfo.category,
    });
  }
  const body = await readJsonBody(request, revokeCertificateRequestSchema, { optional: true });
  settleEnrollments(context);
  const certificate = ownedCertificate(context, session.identity.identifier, serialNumber);
  if (certificate === undefined) throw badRequest(25008);
  const now = context.clock.now();
  if (certificateStatus(certificate, now) !== 'Active') throw badRequest(25009);
  certificate.revokedAt = now;
  certificate.revocationReason = body.revocationReason ?? 'Unspecified';
  return new Response(null, { status: 204 });
}

function ownedCertificate(
  context: SandboxContext,
  owner: AuthOperation['identity']['identifier'],
  serial: string,
): IssuedCertificate | undefined {
  const certificate = context.world.state.certificates.get(serial);
  return certificate !== undefined && subjectKey(certificate.owner) === subjectKey(owner) ? certificate : undefined;
}
