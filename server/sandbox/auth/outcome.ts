import type { Signer } from './signer.ts';
import { certificateStatus, type ContextIdentifier, type IssuedCertificate } from '../core/state.ts';
import { type CertificateProblem, type StatusInfo, authStatus } from '../core/status-info.ts';

export interface OutcomeInput {
  readonly signer: Signer;
  readonly contextIdentifier: ContextIdentifier;
  /** `?verifyCertificateChain=true`: a self-signed certificate is then not enough. */
  readonly verifyCertificateChain: boolean;
  /** The sandbox's record of the signer's certificate, when the sandbox CA issued it. */
  readonly issued: IssuedCertificate | undefined;
  /** A status forced by the test controls. */
  readonly forced: StatusInfo | null;
  readonly now: Date;
}

/**
 * The final status of an accepted sign-in (docs/ksef-contract.md §4.6). KSeF checks certificate status and
 * permissions after answering 202, so these are statuses, not HTTP errors:
 * - 460 "Niezaufany łańcuch certyfikatów": a certificate neither self-signed nor from the sandbox CA,
 *   or a self-signed one with `verifyCertificateChain=true`;
 * - 460 "Nieważny certyfikat": outside its validity at the sandbox clock's now;
 * - 460 "Niepoprawny certyfikat": a sandbox certificate the sandbox has no record of (issued before a
 *   reset) or of type Offline (Offline certificates cannot authenticate, docs/ksef-contract.md §9);
 * - 460 "Certyfikat odwołany": a revoked (or still blocked) sandbox certificate; "Nieważny certyfikat"
 *   also for one whose validTo the testdata helper brought forward;
 * - 415 "Brak przypisanych uprawnień": a seal (or a sandbox certificate of a seal) whose NIP is not
 *   the NIP of the context. Permissive on purpose: a person (NIP or PESEL) and a fingerprint identity
 *   hold permissions in every context, as after TEST's `/testdata/person` linking; a seal only in its
 *   own NIP's contexts (Nip, InternalId and NipVatUe starting with that NIP).
 * Otherwise 200. A forced status wins over all of these.
 */
export function decideAuthOutcome(input: OutcomeInput): StatusInfo {
  if (input.forced !== null) return input.forced;
  const { signer, now } = input;
  const fail = (problem: CertificateProblem): StatusInfo => authStatus(460, [problem]);
  if (signer.origin === 'other' || (signer.origin === 'self-signed' && input.verifyCertificateChain))
    return fail('Niezaufany łańcuch certyfikatów');
  if (now.getTime() < signer.notBefore.getTime() || now.getTime() > signer.notAfter.getTime())
    return fail('Nieważny certyfikat');
  if (signer.origin === 'sandbox-ca') {
    if (input.issued === undefined || input.issued.type === 'Offline') return fail('Niepoprawny certyfikat');
    const status = certificateStatus(input.issued, now);
    if (status === 'Revoked' || status === 'Blocked') return fail('Certyfikat odwołany');
    // Expired by TEST's validTo helper: the certificate's own notAfter still lies ahead.
    if (status === 'Expired') return fail('Nieważny certyfikat');
  }
  const { identity } = signer;
  if (
    identity.kind === 'seal' &&
    identity.identifier.type === 'Nip' &&
    contextNip(input.contextIdentifier) !== identity.identifier.value
  ) {
    return authStatus(415);
  }
  return authStatus(200);
}

/** The NIP a context belongs to: the Nip itself, or the NIP part of InternalId / NipVatUe. */
function contextNip(context: ContextIdentifier): string | null {
  return context.type === 'PeppolId' ? null : context.value.slice(0, 10);
}
