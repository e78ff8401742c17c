/**
 * The subject data KSeF returns from `GET /certificates/enrollments/data`
 * (`CertificateEnrollmentDataResponse`, docs/ksef-contract.md §5.2). Declared here structurally so that `crypto/`
 * stays independent of `ksef/`; the generated API type is assignable to it.
 */
export interface CertificateEnrollmentData {
  readonly commonName: string;
  readonly countryName: string;
  readonly givenName?: string | null;
  readonly surname?: string | null;
  readonly serialNumber?: string | null;
  readonly uniqueIdentifier?: string | null;
  readonly organizationName?: string | null;
  readonly organizationIdentifier?: string | null;
}

/** The attributes of `CertificateEnrollmentData`, in the order the official C# SDK writes them. */
export const ENROLLMENT_ATTRIBUTES = [
  'commonName',
  'surname',
  'givenName',
  'organizationName',
  'organizationIdentifier',
  'countryName',
  'serialNumber',
  'uniqueIdentifier',
] as const satisfies readonly (keyof CertificateEnrollmentData)[];

export type EnrollmentAttribute = (typeof ENROLLMENT_ATTRIBUTES)[number];
