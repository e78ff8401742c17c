import { useMemo, useState, type FormEvent } from 'react';
import { certificatesOf, planCheck, type OpenedFile } from '../../state/check/model';
import { signingCertificate } from '../../state/offline-link/model';
import { useOfflineLinkMessages } from '../../state/offline-link/messages';
import { addKeyFiles, clearKeyFiles, unlockKey, useOfflineLinkStore } from '../../state/offline-link/store';
import { FileDrop } from '../../ui/file-drop';
import { PasswordInput } from '../../ui/password-input';
import { useMessages } from '../../state/preferences-store';
import { useProblemText } from './problem-line';

function stateOf(file: OpenedFile, m: ReturnType<typeof useOfflineLinkMessages>): string {
  switch (file.content.kind) {
    case 'reading':
      return m.fileStates.reading;
    case 'key':
      return m.fileStates.key;
    case 'locked':
      return m.fileStates.locked;
    case 'certificates':
      return m.fileStates.certificates;
    default:
      return m.fileStates.other;
  }
}

/** The Offline certificate's key and certificate: opened as the checker opens them, in the file reader's worker. */
export function KeyFiles() {
  const t = useMessages();
  const m = useOfflineLinkMessages();
  const wording = useProblemText();
  const files = useOfflineLinkStore((s) => s.files);
  const unlock = useOfflineLinkStore((s) => s.unlock);
  const plan = useMemo(() => planCheck(files), [files]);
  const certificate = useMemo(() => signingCertificate(certificatesOf(files).map((c) => c.certificate)), [files]);
  const [password, setPassword] = useState('');

  const onUnlock = (event: FormEvent) => {
    event.preventDefault();
    const typed = password;
    setPassword('');
    void unlockKey(typed);
  };

  return (
    <section className="panel" aria-labelledby="offline-key-heading">
      <h2 id="offline-key-heading">{m.keyHeading}</h2>
      <FileDrop
        prompt={m.dropPrompt}
        or={m.dropOr}
        buttonLabel={m.chooseFiles}
        hint={m.dropHint}
        onFiles={(chosen) => void addKeyFiles(chosen)}
      />
      {files.length > 0 && (
        <>
          <ul className="file-list">
            {files.map((file) => (
              <li key={file.id} className="file-item" data-file-state={file.content.kind}>
                <span className="file-name">{file.name}</span> <span className="file-kind">{stateOf(file, m)}</span>
                {file.content.kind === 'error' && <span className="file-detail"> {wording(file.content.problem)}</span>}
              </li>
            ))}
          </ul>
          <button type="button" className="button button-quiet" onClick={clearKeyFiles}>
            {m.removeFiles}
          </button>
        </>
      )}
      {plan.kind === 'needs-password' && (
        <form className="stack" noValidate onSubmit={onUnlock}>
          <PasswordInput
            label={m.password}
            showLabel={t.check.password.show}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={unlock.status === 'failed' ? wording(unlock.problem) : undefined}
          />
          <button type="submit" className="button button-primary" disabled={unlock.status === 'working'}>
            {m.open}
          </button>
        </form>
      )}
      {plan.kind === 'ready' && certificate !== null && (
        <p role="status" data-ready-serial={certificate.serialHex}>
          {m.ready(certificate.serialHex)}
        </p>
      )}
    </section>
  );
}
