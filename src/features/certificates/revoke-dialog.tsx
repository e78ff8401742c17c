import { useCertificatesMessages } from '../../state/certificates/messages';
import { useId, useState } from 'react';
import { certificateRevocationReasonSchema, type CertificateRevocationReason } from '../../ksef/certificate-enums';
import { clearRevokeResult, revokeCertificate } from '../../state/certificates/revoke-actions';
import type { CertificateRow } from '../../state/certificates/rows';
import { ConfirmDialog } from '../../ui/confirm-dialog';

const REASONS = certificateRevocationReasonSchema.options;

/**
 * The confirmation of a revocation: it names the certificate, says what follows (final; an Offline
 * certificate's printed codes stop verifying; systems using it stop signing in; the limit may not
 * come back), and asks for the reason. "Key compromised" points to applying for a new one at once.
 */
export function RevokeDialog({ row, onClose }: { readonly row: CertificateRow | null; readonly onClose: () => void }) {
  const c = useCertificatesMessages();
  const [reason, setReason] = useState<CertificateRevocationReason>('Superseded');
  const hintId = useId();
  const name = row?.name ?? row?.serialNumber ?? '';
  const confirm = () => {
    if (row === null) return;
    onClose();
    void revokeCertificate(row.serialNumber, name, reason);
  };
  return (
    <ConfirmDialog
      open={row !== null}
      title={c.revoke.title(name)}
      confirmLabel={c.revoke.confirm}
      cancelLabel={c.revoke.cancel}
      onConfirm={confirm}
      onCancel={() => {
        clearRevokeResult();
        onClose();
      }}
    >
      {row !== null && (
        <div className="stack">
          <p>{c.revoke.which(name, row.serialNumber)}</p>
          <ul>
            <li>{c.revoke.final}</li>
            {row.type !== 'Authentication' && <li>{c.revoke.offlineCodes}</li>}
            {row.type !== 'Offline' && <li>{c.revoke.systemsStop}</li>}
            <li>{c.revoke.limitNotBack}</li>
          </ul>
          <fieldset className="choices" aria-describedby={hintId}>
            <legend>{c.revoke.reasonLegend}</legend>
            {REASONS.map((id) => (
              <label key={id} className="choice">
                <input
                  type="radio"
                  name="revocation-reason"
                  value={id}
                  checked={reason === id}
                  onChange={() => setReason(id)}
                />
                <span className="choice-name">{c.revoke.reasons[id]}</span>
              </label>
            ))}
          </fieldset>
          <p id={hintId} className="hint">
            {c.revoke.reasonHint}
          </p>
          {reason === 'KeyCompromise' && (
            <p className="cert-warning" data-key-compromise>
              {c.revoke.applyNow} <a href="#/apply">{c.revoke.applyLink}</a>
            </p>
          )}
        </div>
      )}
    </ConfirmDialog>
  );
}
