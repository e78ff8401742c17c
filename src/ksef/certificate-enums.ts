import { z } from '../lib/zod-mini';

/*
 * The certificate enums of `open-api.json` that the certificates screen lists (its filters, the reasons
 * to revoke), in zod's functional API so that the screen's first paint does not load the classic one.
 * The response schemas (`common-schemas.ts`, `certificate-schemas.ts`) build on these same schemas.
 */

/** `KsefCertificateType`. */
export const ksefCertificateTypeSchema = z.enum(['Authentication', 'Offline']);
export type KsefCertificateType = z.infer<typeof ksefCertificateTypeSchema>;

/** `CertificateListItemStatus`. */
export const certificateListItemStatusSchema = z.enum(['Active', 'Blocked', 'Revoked', 'Expired']);
export type CertificateListItemStatus = z.infer<typeof certificateListItemStatusSchema>;

/** `CertificateRevocationReason`. */
export const certificateRevocationReasonSchema = z.enum(['Unspecified', 'Superseded', 'KeyCompromise']);
export type CertificateRevocationReason = z.infer<typeof certificateRevocationReasonSchema>;
