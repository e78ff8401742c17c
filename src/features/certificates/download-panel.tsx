import { useCertificatesMessages } from '../../state/certificates/messages';
import { useId, useState, type FormEvent } from 'react';
import { downloadAgain, pairWithKey } from '../../state/certificates/retrieve-actions';
import { useCertificatesStore } from '../../state/certificates/store';
import { useMessages } from '../../state/preferences-store';
import { FileField } from '../../ui/file-field';
import { PasswordInput } from '../../ui/password-input';
import { testPairedSignIn } from '../../state/certificates/auth-test-actions';
import { AuthTestPanel } from '../../ui/auth-test-panel';
import { ProblemNote } from './problem-note';

/**
 * "Download again" for the ticked rows, what was saved, and the PFX of a downloaded certificate with
 * the user's saved `.key` (its password opens the key and protects the PFX, and is not kept); a paired
 * Authentication certificate can then be tried: a sign-in to KSeF with it, its session ended at once.
 */
export function DownloadPanel() {
  const t = useMessages();
  const c = useCertificatesMessages();
  const selected = useCertificatesStore((s) => s.selected);
  const retrieve = useCertificatesStore((s) => s.retrieve);
  const pair = useCertificatesStore((s) => s.pair);
  const saved = retrieve.status === 'done' ? retrieve.saved : [];
  const environment = useCertificatesStore((s) => s.environment);
  const contextNip = useCertificatesStore((s) => s.contextNip);
  const list = useCertificatesStore((s) => s.list);
  // The paired certificate's type, from the list: an Authentication one can be tried at once.
  const pairedType =
    pair.status === 'done' && list.status === 'done'
      ? (list.rows.find((row) => row.serialNumber === pair.serialNumber)?.type ?? null)
      : null;
  const [pairSerial, setPairSerial] = useState<string>('');
  const [keyFile, setKeyFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const selectId = useId();
  const chosenSerial =
    pairSerial !== '' && saved.some((c) => c.serialNumber === pairSerial) ? pairSerial : saved[0]?.serialNumber;

  const onPair = (event: FormEvent) => {
    event.preventDefault();
    if (keyFile === null || password === '' || chosenSerial === undefined) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void pairWithKey(chosenSerial, keyFile, password).then(() => setPassword(''));
  };

  return (
    <section className="panel" aria-labelledby="certificates-download-heading">
      <h2 id="certificates-download-heading">{c.download.heading}</h2>
      <p>{c.download.intro}</p>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={retrieve.status === 'running'}
          onClick={() => void downloadAgain()}
        >
          {c.download.selected(selected.length)}
        </button>
      </div>
      <div className="cert-status" role="status" aria-live="polite" aria-busy={retrieve.status === 'running'}>
        {retrieve.status === 'running' && <p>{c.download.running}</p>}
        {retrieve.status === 'done' && (
          <ul className="cert-saved" data-saved={saved.length}>
            {saved.map((c) => (
              <li key={c.serialNumber} className="ok-text">
                ✓ {t.apply.result.saved(`${c.fileBase}.crt`)}
              </li>
            ))}
          </ul>
        )}
        {retrieve.status === 'failed' && <ProblemNote title={c.download.failed} problem={retrieve.problem} />}
      </div>
      {saved.length > 0 && (
        <form className="stack cert-pair" noValidate onSubmit={onPair} aria-labelledby="certificates-pair-heading">
          <h3 id="certificates-pair-heading">{c.pair.heading}</h3>
          <p className="hint">{c.pair.intro}</p>
          {saved.length > 1 && (
            <div className="field">
              <label htmlFor={selectId}>{c.pair.which}</label>
              <select id={selectId} value={chosenSerial} onChange={(e) => setPairSerial(e.target.value)}>
                {saved.map((c) => (
                  <option key={c.serialNumber} value={c.serialNumber}>
                    {c.fileBase}
                  </option>
                ))}
              </select>
            </div>
          )}
          <FileField
            label={c.pair.keyFile}
            accept=".key,.pem"
            onChange={(e) => setKeyFile(e.target.files?.[0] ?? null)}
            error={missing && keyFile === null ? t.apply.signIn.fileRequired : undefined}
          />
          <PasswordInput
            label={c.pair.password}
            showLabel={t.check.password.show}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={missing && password === '' ? t.apply.signIn.passwordRequired : undefined}
          />
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={pair.status === 'running'}>
              {c.pair.submit}
            </button>
          </div>
          <div className="cert-status" role="status" aria-live="polite" aria-busy={pair.status === 'running'}>
            {pair.status === 'running' && <p>{t.pfx.exporting}</p>}
            {pair.status === 'done' && <p className="ok-text">✓ {t.pfx.saved(pair.pfxFileName)}</p>}
            {pair.status === 'failed' && <ProblemNote title={c.pair.failed} problem={pair.problem} />}
          </div>
        </form>
      )}
      {pair.status === 'done' && environment !== null && pairedType === 'Authentication' && (
        <AuthTestPanel
          key={pair.serialNumber}
          environments={[environment]}
          contextNip={contextNip ?? ''}
          askNip={contextNip === null}
          run={(request) => testPairedSignIn(pair.serialNumber, request)}
          headingLevel={3}
        />
      )}
      {pair.status === 'done' && pairedType === 'Offline' && (
        <p className="hint" data-auth-test-offline="">
          {t.authTest.offline}
        </p>
      )}
    </section>
  );
}
