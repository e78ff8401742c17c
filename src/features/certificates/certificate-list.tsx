import { useCertificatesMessages } from '../../state/certificates/messages';
import { useState } from 'react';
import { downloadAgain } from '../../state/certificates/retrieve-actions';
import { replaceCertificate } from '../../state/certificates/replace-actions';
import { PAGE_SIZE, toggleSelected, turnPage } from '../../state/certificates/list-actions';
import type { CertificateRow } from '../../state/certificates/rows';
import { useCertificatesStore } from '../../state/certificates/store';
import { ProblemNote } from './problem-note';
import { RevokeDialog } from './revoke-dialog';
import { CertificateRowView } from './certificate-row';
import { signOut } from '../../state/certificates/sign-in-actions';

/** Starts replacing `row` and opens the wizard, prefilled. */
function replace(row: CertificateRow): void {
  if (replaceCertificate(row)) window.location.hash = '#/apply';
}

/** One page of the list (50 rows), newest first, with paging and the row actions. */
export function CertificateList() {
  const c = useCertificatesMessages();
  const list = useCertificatesStore((s) => s.list);
  const selected = useCertificatesStore((s) => s.selected);
  const revoke = useCertificatesStore((s) => s.revoke);
  const [revoking, setRevoking] = useState<CertificateRow | null>(null);
  const busy = list.status === 'loading';
  const page = list.status === 'idle' ? 0 : list.page;

  return (
    <>
      <div className="cert-status" role="status" aria-live="polite" aria-busy={busy} data-list={list.status}>
        {busy && (
          <p className="cert-progress">
            <span className="cert-spinner" aria-hidden="true" />
            {c.loading}
          </p>
        )}
        {list.status === 'done' && (
          <p>
            {list.rows.length === 0
              ? c.pageEmpty(page + 1)
              : c.pageShown(page + 1, page * PAGE_SIZE + 1, page * PAGE_SIZE + list.rows.length + list.hiddenByExpiry)}
            {list.hiddenByExpiry > 0 && ` ${c.hiddenByExpiry(list.hiddenByExpiry)}`}
          </p>
        )}
        {revoke.status === 'done' && (
          <p className="ok-text" data-revoked={revoke.serialNumber}>
            ✓ {c.revoke.done(revoke.name)}
          </p>
        )}
        {revoke.status === 'failed' && (
          <ProblemNote title={c.revoke.failed} problem={revoke.problem} onSignInAgain={() => void signOut()} />
        )}
      </div>
      {list.status === 'failed' && (
        <ProblemNote title={c.listFailed} problem={list.problem} onSignInAgain={() => void signOut()} />
      )}
      {list.status === 'done' && list.rows.length > 0 && (
        <div className="cert-table-wrap" role="region" aria-label={c.tableLabel} tabIndex={0}>
          <table className="cert-table">
            <caption className="visually-hidden">{c.tableCaption(page + 1)}</caption>
            <thead>
              <tr>
                <th scope="col">{c.columns.select}</th>
                <th scope="col">{c.columns.name}</th>
                <th scope="col">{c.columns.status}</th>
                <th scope="col">{c.columns.owner}</th>
                <th scope="col">{c.columns.validity}</th>
                <th scope="col">{c.columns.lastUse}</th>
                <th scope="col">{c.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <CertificateRowView
                  key={row.serialNumber}
                  row={row}
                  selected={selected.includes(row.serialNumber)}
                  onSelect={(on) => toggleSelected(row.serialNumber, on)}
                  onDownload={() => void downloadAgain([row.serialNumber])}
                  onRevoke={() => setRevoking(row)}
                  onReplace={() => replace(row)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(list.status === 'done' || list.status === 'failed') && (
        <nav className="actions cert-paging" aria-label={c.paging}>
          <button type="button" className="button" disabled={busy || page === 0} onClick={() => void turnPage(-1)}>
            {c.previousPage}
          </button>
          <span aria-current="page">{c.pageNumber(page + 1)}</span>
          <button
            type="button"
            className="button"
            disabled={busy || list.status !== 'done' || !list.hasMore}
            onClick={() => void turnPage(1)}
          >
            {c.nextPage}
          </button>
        </nav>
      )}
      <RevokeDialog row={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}
