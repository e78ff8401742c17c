/**
 * The certificates screen (issue 13): sign in, list the subject's certificates page by page, download
 * them again (and pair one with its `.key` into a PFX), revoke one. Non-secret state only: the
 * session's tokens are in `vault.ts`, passwords never leave the action they are passed to.
 */
import type { CertificateLimitsResponse } from '../../ksef/certificate-schemas';
import type { KsefEnvironment } from '../../ksef/environments';
import type { Problem } from '../../problem/problem';
import type { SignInStep } from '../../sign-in/sign-in';
import type { ListFilters } from './filters';
import type { CertificateRow } from './rows';

export type CertificatesSignIn =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly progress: SignInStep }
  | { readonly status: 'done'; readonly subject: string }
  | { readonly status: 'failed'; readonly problem: Problem };

export type LimitsState =
  | { readonly status: 'idle' | 'loading' }
  | { readonly status: 'done'; readonly limits: CertificateLimitsResponse }
  | { readonly status: 'failed'; readonly problem: Problem };

export type ListState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly filters: ListFilters; readonly page: number }
  | {
      readonly status: 'done';
      readonly filters: ListFilters;
      /** Page index from 0. */
      readonly page: number;
      /** This page's rows after `expiresBefore`, newest request first. */
      readonly rows: readonly CertificateRow[];
      /** Rows of this page that `expiresBefore` left out. */
      readonly hiddenByExpiry: number;
      readonly hasMore: boolean;
    }
  | { readonly status: 'failed'; readonly filters: ListFilters; readonly page: number; readonly problem: Problem };

/** A certificate downloaded again: its PEM and the name its files get. */
export interface RetrievedCertificate {
  readonly serialNumber: string;
  readonly fileBase: string;
  /** The PFX's friendly name: the owner's name, else the file base. */
  readonly friendlyName: string;
  /** DER, to build a PFX with the user's `.key`. Not secret. */
  readonly der: Uint8Array;
}

export type RetrieveState =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly saved: readonly RetrievedCertificate[] }
  | { readonly status: 'failed'; readonly problem: Problem };

export type PairState =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  /** `serialNumber`: the certificate paired; its key waits in the vault for the sign-in test. */
  | { readonly status: 'done'; readonly pfxFileName: string; readonly serialNumber: string }
  | { readonly status: 'failed'; readonly problem: Problem };

export type RevokeState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly serialNumber: string }
  | { readonly status: 'done'; readonly serialNumber: string; readonly name: string }
  | { readonly status: 'failed'; readonly serialNumber: string; readonly problem: Problem };

export interface CertificatesState {
  readonly environment: KsefEnvironment | null;
  readonly contextNip: string | null;
  readonly signIn: CertificatesSignIn;
  /** The challenge of an external signature, for the signed file (not secret). */
  readonly external: { readonly challenge: string; readonly challengeIssuedAt: string } | null;
  readonly limits: LimitsState;
  readonly list: ListState;
  /** Serial numbers ticked for "download again". */
  readonly selected: readonly string[];
  readonly retrieve: RetrieveState;
  readonly pair: PairState;
  readonly revoke: RevokeState;
}
