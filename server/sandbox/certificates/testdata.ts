import { settleEnrollments } from './enrollment.ts';
import type { SandboxContext } from '../core/context.ts';
import { badRequest, invalidInput } from '../core/errors.ts';
import { parseDateTime, parseWith, readJsonBody } from '../core/http.ts';
import { serialNumberSchema, testdataUpdateCertificateRequestSchema } from '../core/schemas.ts';
import { subjectKey } from '../core/state.ts';
import { currentSession } from '../auth/session.ts';

/**
 * The TEST helpers of KSeF the sandbox offers beside the operations of `KSEF_OPERATIONS`: the app never
 * calls them, so the relay never forwards them. `PUT` below `/v2` only.
 */
export const TESTDATA_CERTIFICATE_PATH = /^\/testdata\/certificates\/([^/]+)$/;

/**
 * `PUT /testdata/certificates/{serialNumber}` with `{ validTo }` (API 2.7.0, docs/ksef-contract.md
 * §14a): brings a certificate's `validTo` forward to simulate its expiry (the certificate's DER keeps
 * its notAfter, as on TEST: only KSeF's record changes). 200 without a body. With the bearer of a
 * session, as KSeF's clients call it, and only for the signed-in subject's own certificates: another
 * subject's or an unknown serial is 25008. A `validTo` later than the current one or before `validFrom`
 * is 21405 (the helper shortens; it cannot lengthen).
 */
export async function putTestdataCertificate(
  request: Request,
  context: SandboxContext,
  serialNumber: string,
): Promise<Response> {
  parseWith(serialNumberSchema, serialNumber);
  const { identity } = currentSession(request, context);
  const body = await readJsonBody(request, testdataUpdateCertificateRequestSchema);
  settleEnrollments(context);
  const certificate = context.world.state.certificates.get(serialNumber);
  if (certificate === undefined || subjectKey(certificate.owner) !== subjectKey(identity.identifier))
    throw badRequest(25008);
  const validTo = parseDateTime(body.validTo);
  if (validTo.getTime() > certificate.validTo.getTime())
    throw invalidInput('validTo: może tylko skrócić ważność certyfikatu.');
  if (validTo.getTime() < certificate.validFrom.getTime())
    throw invalidInput('validTo: nie może być wcześniejsze niż validFrom.');
  certificate.validTo = validTo;
  return new Response(null, { status: 200 });
}
