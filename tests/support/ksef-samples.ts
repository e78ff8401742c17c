/**
 * Payloads for the KSeF doubles, typed by the generated contract types (and checked against
 * open-api.json by ajv wherever a double serves them). Values follow the official examples.
 * Token strings are placeholders, not JWTs.
 */
import type { components } from '../../src/ksef/generated/open-api';

type Schemas = components['schemas'];

export const AUTH_REFERENCE = '20250514-AU-2DFC46C000-3AC6D5877F-D4';
export const ENROLLMENT_REFERENCE = '20251010-EH-1B6C9EB000-4B15D3AEB9-89';
export const SERIAL = '01F20A5D352AE590';
export const AUTHENTICATION_TOKEN = 'authentication-token-value';
export const ACCESS_TOKEN = 'access-token-1';
export const FRESH_ACCESS_TOKEN = 'access-token-2';
export const REFRESH_TOKEN = 'refresh-token-value';
export const SIGNED_XML =
  '<?xml version="1.0" encoding="utf-8"?><AuthTokenRequest xmlns="http://ksef.mf.gov.pl/auth/token/2.1"><Challenge>20250514-CR-226FB7B000-3ACF9BE4C0-10</Challenge></AuthTokenRequest>';
/** A date-time with 7 fractional digits and an offset, as KSeF sends them. */
export const KSEF_TIMESTAMP = '2025-07-11T12:23:56.0154302+00:00';

export const challengeResponse: Schemas['AuthenticationChallengeResponse'] = {
  challenge: '20250514-CR-226FB7B000-3ACF9BE4C0-10',
  timestamp: KSEF_TIMESTAMP,
  timestampMs: 1752236636015,
  clientIp: '127.0.0.1',
};

export const initResponse: Schemas['AuthenticationInitResponse'] = {
  referenceNumber: AUTH_REFERENCE,
  authenticationToken: { token: AUTHENTICATION_TOKEN, validUntil: '2025-07-11T13:08:56.0154302+00:00' },
};

export function authStatus(
  code: number,
  description: string,
  details?: string[],
): Schemas['AuthenticationOperationStatusResponse'] {
  return {
    startDate: KSEF_TIMESTAMP,
    authenticationMethod: 'QualifiedSeal',
    authenticationMethodInfo: {
      category: 'XadesSignature',
      code: 'xades.qualified-seal',
      displayName: 'Pieczęć kwalifikowana',
    },
    status: details === undefined ? { code, description } : { code, description, details },
  };
}

export const tokensResponse: Schemas['AuthenticationTokensResponse'] = {
  accessToken: { token: ACCESS_TOKEN, validUntil: '2025-07-11T12:38:56.0154302+00:00' },
  refreshToken: { token: REFRESH_TOKEN, validUntil: '2025-07-18T12:23:56.0154302+00:00' },
};

export const refreshResponse: Schemas['AuthenticationTokenRefreshResponse'] = {
  accessToken: { token: FRESH_ACCESS_TOKEN, validUntil: '2025-07-11T12:53:56.0154302+00:00' },
};

export const limitsResponse: Schemas['CertificateLimitsResponse'] = {
  canRequest: true,
  enrollment: { remaining: 11, limit: 12 },
  certificate: { remaining: 5, limit: 6 },
};

export const enrollmentData: Schemas['CertificateEnrollmentDataResponse'] = {
  commonName: 'Firma Kowalski Certyfikat',
  countryName: 'PL',
  serialNumber: null,
  uniqueIdentifier: 'd9d22724-4696-460c-9e5e-b9e3aafb0af3',
  organizationName: 'Firma Kowalski Sp. z o.o.',
  organizationIdentifier: 'VATPL-7762811692',
};

export const enrollRequest: Schemas['EnrollCertificateRequest'] = {
  certificateName: 'Certyfikat Łódź-1',
  certificateType: 'Authentication',
  csr: 'MIIBKjCB0QIBADA=',
};

export const enrollResponse: Schemas['EnrollCertificateResponse'] = {
  referenceNumber: ENROLLMENT_REFERENCE,
  timestamp: KSEF_TIMESTAMP,
};

export function enrollmentStatus(
  code: number,
  description: string,
  serial?: string,
  details?: string[],
): Schemas['CertificateEnrollmentStatusResponse'] {
  return {
    requestDate: KSEF_TIMESTAMP,
    status: details === undefined ? { code, description } : { code, description, details },
    certificateSerialNumber: serial ?? null,
  };
}

export const retrieveResponse: Schemas['RetrieveCertificatesResponse'] = {
  certificates: [
    {
      certificate: 'MIIBszCCAVmgAwIBAgIIAfIKXTUq5ZA=',
      certificateName: 'Certyfikat 1',
      certificateSerialNumber: SERIAL,
      certificateType: 'Offline',
    },
  ],
};

export const queryResponse: Schemas['QueryCertificatesResponse'] = {
  certificates: [
    {
      certificateSerialNumber: SERIAL,
      name: 'Certyfikat 1',
      type: 'Authentication',
      commonName: 'Jan Kowalski',
      status: 'Active',
      subjectIdentifier: { type: 'Nip', value: '1234445678' },
      validFrom: '2025-08-24T14:15:22+00:00',
      validTo: '2027-08-24T14:15:22.1234567+02:00',
      lastUseDate: null,
      requestDate: '2025-08-24T14:15:22Z',
    },
  ],
  hasMore: false,
};

const TRACE_ID = '673843e023c432286660bc0501a3af44';

/** Legacy `ExceptionResponse` (without `X-Error-Format`). */
export function legacyException(
  list: { code: number; description: string; details?: string[] }[],
  referenceNumber = '20251010-EX-1B6C9EB000-4B15D3AEB9-89',
): Schemas['ExceptionResponse'] {
  return {
    exception: {
      exceptionDetailList: list.map((e) => ({
        exceptionCode: e.code,
        exceptionDescription: e.description,
        details: e.details ?? null,
      })),
      referenceNumber,
      serviceCode: '00-5f1f7c8c4cb54f13b5e0a5c0a5f3d2e1-1a2b3c4d5e6f7a8b-01',
      serviceCtx: 'srvTEMFB',
      serviceName: 'ksef-api',
      timestamp: KSEF_TIMESTAMP,
    },
  };
}

/** `BadRequestProblemDetails`. */
export function badRequestProblem(
  errors: { code: number; description: string; details?: string[] }[],
): Schemas['BadRequestProblemDetails'] {
  return {
    title: 'Bad Request',
    status: 400,
    instance: '/v2/certificates/enrollments',
    detail: 'Żądanie jest nieprawidłowe.',
    errors: errors.map((e) =>
      e.details === undefined
        ? { code: e.code, description: e.description }
        : { code: e.code, description: e.description, details: e.details },
    ),
    timestamp: KSEF_TIMESTAMP,
    traceId: TRACE_ID,
  };
}

export const unauthorizedProblem: Schemas['UnauthorizedProblemDetails'] = {
  title: 'Unauthorized',
  status: 401,
  detail: 'Token wygasł.',
  timestamp: KSEF_TIMESTAMP,
  traceId: TRACE_ID,
};

export function forbiddenProblem(reasonCode: string): Schemas['ForbiddenProblemDetails'] {
  return {
    title: 'Forbidden',
    status: 403,
    detail: 'Brak uprawnień.',
    reasonCode,
    security: { requiredAnyOfPermissions: ['Owner'], presentPermissions: [] },
    timestamp: KSEF_TIMESTAMP,
    traceId: TRACE_ID,
  };
}

export const goneProblem: Schemas['GoneProblemDetails'] = {
  title: 'Gone',
  status: 410,
  instance: `/v2/certificates/enrollments/${ENROLLMENT_REFERENCE}`,
  detail: 'Operacja wygasła i nie jest już dostępna.',
  timestamp: KSEF_TIMESTAMP,
  traceId: TRACE_ID,
};

export const tooManyLegacy: Schemas['TooManyRequestsResponse'] = {
  status: {
    code: 429,
    description: 'Too Many Requests',
    details: ['Przekroczono limit 30 żądań na minutę. Spróbuj ponownie po 7 sekundach.'],
  },
};

export const tooManyProblem: Schemas['TooManyRequestsProblemDetails'] = {
  title: 'Too Many Requests',
  status: 429,
  instance: '/v2/certificates/limits',
  detail: 'Przekroczono limit żądań.',
  timestamp: KSEF_TIMESTAMP,
  traceId: TRACE_ID,
};
