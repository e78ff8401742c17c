import { z } from 'zod';

/**
 * Request bodies and query parameters, written from `open-api.json` (not shared with the client in
 * `src/ksef/`, so that the sandbox stays an independent check of it).
 */

/** `certificateSerialNumber`: 16 uppercase hex digits. */
export const serialNumberSchema = z.string().regex(/^[0-9A-F]{16}$/, 'must be 16 uppercase hexadecimal digits');

export const certificateTypeSchema = z.enum(['Authentication', 'Offline']);

/** date-time with an offset, any number of fractional digits (KSeF writes seven). */
const dateTimeSchema = z.iso.datetime({ offset: true });

/** `EnrollCertificateRequest` (docs/ksef-contract.md §5.3). */
export const enrollCertificateRequestSchema = z.object({
  certificateName: z
    .string()
    .min(5)
    .max(100)
    .regex(
      /^[a-zA-Z0-9_\- ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]+$/,
      'may hold letters (Polish included), digits, "_", "-" and spaces only',
    ),
  certificateType: certificateTypeSchema,
  /** Base64 of the DER CSR; decoded (and refused with 25004) by the enrollment checks. */
  csr: z.string().min(1),
  validFrom: dateTimeSchema.nullish(),
});

/** `RetrieveCertificatesRequest` (docs/ksef-contract.md §5.5). */
export const retrieveCertificatesRequestSchema = z.object({
  certificateSerialNumbers: z.array(serialNumberSchema).min(1).max(10),
});

/** `QueryCertificatesRequest` (docs/ksef-contract.md §5.6): every filter optional and nullable. */
export const queryCertificatesRequestSchema = z.object({
  certificateSerialNumber: serialNumberSchema.nullish(),
  name: z.string().nullish(),
  type: certificateTypeSchema.nullish(),
  status: z.enum(['Active', 'Blocked', 'Revoked', 'Expired']).nullish(),
  expiresAfter: dateTimeSchema.nullish(),
});

/** The query string of `POST /certificates/query`: paging is in the URL, not the body. */
export const queryPagingSchema = z.object({
  pageSize: z.coerce.number().int().min(10).max(50).default(10),
  pageOffset: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
});

/** `RevokeCertificateRequest` (docs/ksef-contract.md §5.7). */
export const revokeCertificateRequestSchema = z.object({
  revocationReason: z.enum(['Unspecified', 'Superseded', 'KeyCompromise']).nullish(),
});

/** `ReferenceNumber`: 36 characters. */
export const referenceNumberSchema = z.string().length(36);

/**
 * `TestDataUpdateCertificateRequest` of `PUT /testdata/certificates/{serialNumber}` (API 2.7.0, TEST and
 * DEMO only; docs/ksef-contract.md §14a). Not in our `open-api.json` copy (2.6.0).
 */
export const testdataUpdateCertificateRequestSchema = z.object({ validTo: dateTimeSchema });
