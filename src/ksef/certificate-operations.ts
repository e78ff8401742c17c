import { z } from '../lib/zod-mini';
import type { CallOptions } from './call-options';
import {
  certificateEnrollmentDataResponseSchema,
  certificateEnrollmentStatusResponseSchema,
  certificateLimitsResponseSchema,
  enrollCertificateRequestSchema,
  enrollCertificateResponseSchema,
  queryCertificatesRequestSchema,
  queryCertificatesResponseSchema,
  retrieveCertificatesRequestSchema,
  retrieveCertificatesResponseSchema,
  revokeCertificateRequestSchema,
  type CertificateEnrollmentDataResponse,
  type CertificateEnrollmentStatusResponse,
  type CertificateLimitsResponse,
  type EnrollCertificateRequest,
  type EnrollCertificateResponse,
  type QueryCertificatesRequest,
  type QueryCertificatesResponse,
  type RetrieveCertificatesRequest,
  type RetrieveCertificatesResponse,
  type RevokeCertificateRequest,
} from './certificate-schemas';
import { certificateSerialNumberSchema, referenceNumberSchema } from './common-schemas';
import { checkInput, pathParameter } from './request-input';
import type { KsefTokenStore } from './token-store';
import type { KsefTransport } from './transport-types';

/** Paging of POST /certificates/query: query parameters, not body fields (docs/ksef-contract.md §5.6). */
export interface QueryCertificatesOptions extends CallOptions {
  /** 10 to 50; KSeF's default 10. */
  readonly pageSize?: number;
  /** Page index from 0; KSeF's default 0. */
  readonly pageOffset?: number;
}

const pageSchema = z.object({
  pageSize: z.optional(z.int().check(z.gte(10), z.lte(50))),
  pageOffset: z.optional(z.int().check(z.gte(0), z.lte(2 ** 31 - 1))),
});

/**
 * The certificate calls (docs/ksef-contract.md §5), all with the session's accessToken; a 401 refreshes it once.
 * They act on the signed-in subject (PESEL/NIP/fingerprint), not on the sign-in context. Rate limits:
 * 10/s, 30/min, 120/h per endpoint.
 */
export interface CertificateOperations {
  /** GET /certificates/limits. */
  getCertificateLimits(session: KsefTokenStore, options?: CallOptions): Promise<CertificateLimitsResponse>;
  /** GET /certificates/enrollments/data: the subject the CSR must carry, value for value. */
  getEnrollmentData(session: KsefTokenStore, options?: CallOptions): Promise<CertificateEnrollmentDataResponse>;
  /** POST /certificates/enrollments. Never retried after a network error or 5xx (it could enroll twice). */
  enrollCertificate(
    session: KsefTokenStore,
    request: EnrollCertificateRequest,
    options?: CallOptions,
  ): Promise<EnrollCertificateResponse>;
  /** GET /certificates/enrollments/{referenceNumber} (see `pollEnrollmentStatus`). */
  getEnrollmentStatus(
    session: KsefTokenStore,
    referenceNumber: string,
    options?: CallOptions,
  ): Promise<CertificateEnrollmentStatusResponse>;
  /** POST /certificates/retrieve: base64 DER leaf certificates (no chain). */
  retrieveCertificates(
    session: KsefTokenStore,
    request: RetrieveCertificatesRequest,
    options?: CallOptions,
  ): Promise<RetrieveCertificatesResponse>;
  /** POST /certificates/query: filters in the body, paging in the query string. */
  queryCertificates(
    session: KsefTokenStore,
    filters?: QueryCertificatesRequest,
    options?: QueryCertificatesOptions,
  ): Promise<QueryCertificatesResponse>;
  /** POST /certificates/{certificateSerialNumber}/revoke. Final. Never retried after a network error or 5xx. */
  revokeCertificate(
    session: KsefTokenStore,
    certificateSerialNumber: string,
    request?: RevokeCertificateRequest,
    options?: CallOptions,
  ): Promise<void>;
}

/** The certificate calls over `transport`. */
export function certificateOperations(transport: KsefTransport): CertificateOperations {
  return {
    getCertificateLimits: async (session, options = {}) =>
      transport.json(
        {
          method: 'GET',
          path: '/certificates/limits',
          auth: { kind: 'session', session },
          idempotent: true,
          signal: options.signal,
        },
        certificateLimitsResponseSchema,
      ),

    getEnrollmentData: async (session, options = {}) =>
      transport.json(
        {
          method: 'GET',
          path: '/certificates/enrollments/data',
          auth: { kind: 'session', session },
          idempotent: true,
          signal: options.signal,
        },
        certificateEnrollmentDataResponseSchema,
      ),

    enrollCertificate: async (session, request, options = {}) =>
      transport.json(
        {
          method: 'POST',
          path: '/certificates/enrollments',
          auth: { kind: 'session', session },
          body: {
            contentType: 'application/json',
            json: checkInput(enrollCertificateRequestSchema, request, 'EnrollCertificateRequest'),
          },
          idempotent: false,
          signal: options.signal,
        },
        enrollCertificateResponseSchema,
      ),

    getEnrollmentStatus: async (session, referenceNumber, options = {}) =>
      transport.json(
        {
          method: 'GET',
          path: `/certificates/enrollments/${pathParameter(referenceNumberSchema, referenceNumber, 'referenceNumber')}`,
          auth: { kind: 'session', session },
          idempotent: true,
          signal: options.signal,
        },
        certificateEnrollmentStatusResponseSchema,
      ),

    retrieveCertificates: async (session, request, options = {}) =>
      transport.json(
        {
          method: 'POST',
          path: '/certificates/retrieve',
          auth: { kind: 'session', session },
          body: {
            contentType: 'application/json',
            json: checkInput(retrieveCertificatesRequestSchema, request, 'RetrieveCertificatesRequest'),
          },
          // Read-only despite POST: asking twice returns the same certificates.
          idempotent: true,
          signal: options.signal,
        },
        retrieveCertificatesResponseSchema,
      ),

    queryCertificates: async (session, filters = {}, options = {}) => {
      const page = checkInput(pageSchema, { pageSize: options.pageSize, pageOffset: options.pageOffset }, 'page');
      return transport.json(
        {
          method: 'POST',
          path: '/certificates/query',
          query: page,
          auth: { kind: 'session', session },
          body: {
            contentType: 'application/json',
            json: checkInput(queryCertificatesRequestSchema, filters, 'QueryCertificatesRequest'),
          },
          // Read-only despite POST.
          idempotent: true,
          signal: options.signal,
        },
        queryCertificatesResponseSchema,
      );
    },

    revokeCertificate: async (session, certificateSerialNumber, request = {}, options = {}) =>
      transport.empty({
        method: 'POST',
        path: `/certificates/${pathParameter(certificateSerialNumberSchema, certificateSerialNumber, 'certificateSerialNumber')}/revoke`,
        auth: { kind: 'session', session },
        body: {
          contentType: 'application/json',
          json: checkInput(revokeCertificateRequestSchema, request, 'RevokeCertificateRequest'),
        },
        idempotent: false,
        signal: options.signal,
      }),
  };
}
