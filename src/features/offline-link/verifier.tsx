import { useId, useState, type FormEvent } from 'react';
import { useOfflineLinkMessages } from '../../state/offline-link/messages';
import { useOfflineLinkStore, verifyLink } from '../../state/offline-link/store';
import { readQrImage } from '../../browser/qr-image';
import { FileField } from '../../ui/file-field';
import { problemCodeOf, useProblemText } from './problem-line';

/** KOD II verifier: a pasted link against a certificate, offline; the answer names the first thing wrong. */
export function Verifier() {
  const m = useOfflineLinkMessages();
  const wording = useProblemText();
  const verification = useOfflineLinkStore((s) => s.verification);
  const linkId = useId();
  const [link, setLink] = useState('');
  const [certificateFile, setCertificateFile] = useState<File | null>(null);
  const [imageNote, setImageNote] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);

  // A photo or scan of the code: its link goes into the field, to be checked like a pasted one.
  const onImage = async (file: File | undefined) => {
    if (file === undefined) return;
    try {
      const found = await readQrImage(file);
      if (found === null) setImageNote({ ok: false, text: m.qrImageNone(file.name) });
      else {
        setLink(found);
        setImageNote({ ok: true, text: m.qrImageRead(file.name) });
      }
    } catch {
      setImageNote({ ok: false, text: m.qrImageUnreadable(file.name) });
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void verifyLink(link, certificateFile);
  };

  return (
    <section className="panel" aria-labelledby="offline-verify-heading">
      <h2 id="offline-verify-heading">{m.verifyHeading}</h2>
      <p className="hint">{m.verifyIntro}</p>
      <form className="stack" noValidate onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={linkId}>{m.link}</label>
          <textarea
            id={linkId}
            className="text-input"
            rows={4}
            spellCheck={false}
            value={link}
            onChange={(e) => setLink(e.target.value)}
          />
        </div>
        <FileField
          label={m.qrImage}
          accept="image/png,image/jpeg,.png,.jpg,.jpeg"
          onChange={(e) => void onImage(e.target.files?.[0])}
        />
        {imageNote !== null && (
          <p
            className={imageNote.ok ? 'ok-text' : 'error-text'}
            role="status"
            data-qr-image={imageNote.ok ? 'read' : 'none'}
          >
            {imageNote.text}
          </p>
        )}
        <FileField
          label={m.verifyCertificate}
          accept=".crt,.cer,.pem,.der,.p7b"
          onChange={(e) => setCertificateFile(e.target.files?.[0] ?? null)}
        />
        <button type="submit" className="button button-primary" disabled={verification.status === 'working'}>
          {m.verify}
        </button>
      </form>
      <div aria-live="polite">
        {verification.status === 'valid' && (
          <p className="verdict tone-ok" data-verification="valid">
            {m.valid(verification.serial, m.encodings[verification.encoding])}
          </p>
        )}
        {verification.status === 'invalid' && (
          <p className="verdict tone-error" data-verification="invalid" data-problem={verification.fault}>
            {m.invalid} {m.faults[verification.fault]}
          </p>
        )}
        {verification.status === 'failed' && (
          <p
            className="verdict tone-error"
            data-verification="failed"
            data-problem={problemCodeOf(verification.problem)}
          >
            {wording(verification.problem)}
          </p>
        )}
      </div>
    </section>
  );
}
