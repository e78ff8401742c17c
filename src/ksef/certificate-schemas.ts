import { z } from '../lib/zod-mini';
import {
  certificateListItemStatusSchema,
  certificateRevocationReasonSchema,
  type CertificateListItemStatus,
  type CertificateRevocationReason,
} from './certificate-enums';
import {
  byteSchema,
  certificateSerialNumberSchema,
  dateTimeSchema,
  int32Schema,
  ksefCertificateTypeSchema,
  referenceNumberSchema,
  statusInfoSchema,
  unread,
} from './common-schemas';

/** `CertificateLimit`. */
export const certificateLimitSchema = z.object({
  remaining: int32Schema,
  limit: int32Schema,
});
export type CertificateLimit = z.infer<typeof certificateLimitSchema>;

/** `CertificateLimitsResponse` (GET /certificates/limits, docs/ksef-contract.md §5.1). */
export const certificateLimitsResponseSchema = z.object({
  canRequest: z.boolean(),
  enrollment: certificateLimitSchema,
  certificate: certificateLimitSchema,
});
export type CertificateLimitsResponse = z.infer<typeof certificateLimitsResponseSchema>;

/** `CertificateEnrollmentDataResponse` (GET /certificates/enrollments/data, docs/ksef-contract.md §5.2). */
export const certificateEnrollmentDataResponseSchema = z.object({
  commonName: z.string(),
  countryName: z.string(),
  givenName: z.nullish(z.string()),
  surname: z.nullish(z.string()),
  serialNumber: z.nullish(z.string()),
  uniqueIdentifier: z.nullish(z.string()),
  organizationName: z.nullish(z.string()),
  organizationIdentifier: z.nullish(z.string()),
});
export type CertificateEnrollmentDataResponse = z.infer<typeof certificateEnrollmentDataResponseSchema>;

/** Letters, digits, `_`, `-`, space and Polish letters, as `EnrollCertificateRequest.certificateName` demands. */
const CERTIFICATE_NAME = /^[a-zA-Z0-9_\- ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]+$/;

/** `EnrollCertificateRequest` (POST /certificates/enrollments, docs/ksef-contract.md §5.3). */
export const enrollCertificateRequestSchema = z.object({
  certificateName: z
    .string()
    .check(
      z.minLength(5),
      z.maxLength(100),
      z.regex(CERTIFICATE_NAME, { message: 'Unsupported character in certificateName' }),
    ),
  certificateType: ksefCertificateTypeSchema,
  /** Base64 of the PKCS#10 DER, without PEM armour or line breaks. */
  csr: byteSchema,
  validFrom: z.nullish(dateTimeSchema),
});
export type EnrollCertificateRequest = z.infer<typeof enrollCertificateRequestSchema>;

/** `EnrollCertificateResponse` (202). */
export const enrollCertificateResponseSchema = z.object({
  referenceNumber: referenceNumberSchema,
  // Unread.
  timestamp: unread(dateTimeSchema),
});
export type EnrollCertificateResponse = z.infer<typeof enrollCertificateResponseSchema>;

/** `CertificateEnrollmentStatusResponse` (GET /certificates/enrollments/{referenceNumber}, docs/ksef-contract.md §5.4). */
export const certificateEnrollmentStatusResponseSchema = z.object({
  // Unread.
  requestDate: unread(dateTimeSchema),
  status: statusInfoSchema,
  certificateSerialNumber: z.nullish(certificateSerialNumberSchema),
});
export type CertificateEnrollmentStatusResponse = z.infer<typeof certificateEnrollmentStatusResponseSchema>;

/** `RetrieveCertificatesRequest` (POST /certificates/retrieve): 1 to 10 serial numbers. */
export const retrieveCertificatesRequestSchema = z.object({
  certificateSerialNumbers: z.array(certificateSerialNumberSchema).check(z.minLength(1), z.maxLength(10)),
});
export type RetrieveCertificatesRequest = z.infer<typeof retrieveCertificatesRequestSchema>;

/** `RetrieveCertificatesListItem`: `certificate` is base64 DER, the leaf only (no chain). */
export const retrieveCertificatesListItemSchema = z.object({
  certificate: byteSchema,
  certificateName: z.string(),
  certificateSerialNumber: certificateSerialNumberSchema,
  // Unread: the app knows the type it applied for.
  certificateType: unread(ksefCertificateTypeSchema),
});
export type RetrieveCertificatesListItem = z.infer<typeof retrieveCertificatesListItemSchema>;

/** `RetrieveCertificatesResponse`. */
export const retrieveCertificatesResponseSchema = z.object({
  certificates: z.array(retrieveCertificatesListItemSchema),
});
export type RetrieveCertificatesResponse = z.infer<typeof retrieveCertificatesResponseSchema>;

export { certificateListItemStatusSchema, type CertificateListItemStatus };

/** `QueryCertificatesRequest`: filters of POST /certificates/query, all optional (docs/ksef-contract.md §5.6). */
export const queryCertificatesRequestSchema = z.object({
  certificateSerialNumber: z.nullish(certificateSerialNumberSchema),
  name: z.nullish(z.string()),
  type: z.nullish(ksefCertificateTypeSchema),
  status: z.nullish(certificateListItemStatusSchema),
  expiresAfter: z.nullish(dateTimeSchema),
});
export type QueryCertificatesRequest = z.infer<typeof queryCertificatesRequestSchema>;

/** `CertificateSubjectIdentifierType`. */
export const certificateSubjectIdentifierTypeSchema = z.enum(['Nip', 'Pesel', 'Fingerprint']);
export type CertificateSubjectIdentifierType = z.infer<typeof certificateSubjectIdentifierTypeSchema>;

/** `CertificateSubjectIdentifier`. */
export const certificateSubjectIdentifierSchema = z.object({
  type: certificateSubjectIdentifierTypeSchema,
  value: z.string().check(z.minLength(10), z.maxLength(64)),
});
export type CertificateSubjectIdentifier = z.infer<typeof certificateSubjectIdentifierSchema>;

/** `CertificateListItem`: `commonName` is the CN as requested, without the suffix KSeF adds. */
export const certificateListItemSchema = z.object({
  certificateSerialNumber: certificateSerialNumberSchema,
  status: certificateListItemStatusSchema,
  // Unread, as every field below: the query filters by name and type; the app reads serial and status.
  name: unread(z.string().check(z.maxLength(100))),
  type: unread(ksefCertificateTypeSchema),
  commonName: unread(z.string()),
  subjectIdentifier: unread(certificateSubjectIdentifierSchema),
  validFrom: unread(dateTimeSchema),
  validTo: unread(dateTimeSchema),
  lastUseDate: unread(z.nullable(dateTimeSchema)),
  requestDate: unread(dateTimeSchema),
});
export type CertificateListItem = z.infer<typeof certificateListItemSchema>;

/** `QueryCertificatesResponse`, sorted by `requestDate` descending. */
export const queryCertificatesResponseSchema = z.object({
  certificates: z.array(certificateListItemSchema),
  // Unread: one page of 50 is searched.
  hasMore: unread(z.boolean()),
});
export type QueryCertificatesResponse = z.infer<typeof queryCertificatesResponseSchema>;

export { certificateRevocationReasonSchema, type CertificateRevocationReason };

/** `RevokeCertificateRequest` (POST /certificates/{certificateSerialNumber}/revoke, docs/ksef-contract.md §5.7). */
export const revokeCertificateRequestSchema = z.object({
  revocationReason: z.nullish(certificateRevocationReasonSchema),
});
export type RevokeCertificateRequest = z.infer<typeof revokeCertificateRequestSchema>;
