import type { Ref } from 'react';
import type { Messages } from '../../messages/catalogs';
import type { OpenedFile } from '../../state/check/model';
import { useMessages } from '../../state/preferences-store';
import { formatFileSize } from '../../ui/format';
import { problemCode } from '../../ui/problem-code';
import { ReadProgress } from '../../ui/read-progress';
import { problemText } from '../../messages/problem-text';
import { readAgain, stopReading } from '../../state/check/store';

function describeContent(t: Messages, file: OpenedFile): { label: string; detail: string | null; tone: string } {
  const { content } = file;
  switch (content.kind) {
    case 'reading':
      return { label: t.check.fileReading, detail: null, tone: 'neutral' };
    case 'not-read':
      return { label: t.fileReading.notRead, detail: null, tone: 'neutral' };
    case 'locked':
      return { label: t.check.fileKinds[content.format], detail: t.check.fileLocked, tone: 'locked' };
    case 'key': {
      const certificates =
        content.certificates.length > 0 ? `, ${t.check.certificateCount(content.certificates.length)}` : '';
      const detail = content.format === 'private-key' ? null : t.check.fileUnlocked + certificates;
      return { label: t.check.fileKinds[content.format], detail, tone: 'ok' };
    }
    case 'certificates': {
      const n = content.certificates.length;
      return {
        label: t.check.fileKinds.certificate,
        detail: n > 1 ? t.check.certificateCount(n) : null,
        tone: 'neutral',
      };
    }
    case 'csr':
      return { label: t.check.fileKinds.csr, detail: null, tone: 'neutral' };
    case 'error':
      return { label: t.check.fileError, detail: problemText(t, content.problem), tone: 'error' };
  }
}

interface FileListProps {
  readonly files: readonly OpenedFile[];
  readonly onRemove: (file: OpenedFile) => void;
  readonly onRemoveAll: () => void;
  readonly headingRef: Ref<HTMLHeadingElement>;
}

/** The opened files: what each turned out to be, and a way to remove it. */
export function FileList({ files, onRemove, onRemoveAll, headingRef }: FileListProps) {
  const t = useMessages();
  return (
    <section className="panel" aria-labelledby="opened-files-heading">
      <h2 id="opened-files-heading" ref={headingRef} tabIndex={-1}>
        {t.check.filesHeading} <span className="count">({t.check.filesCount(files.length)})</span>
      </h2>
      <ul className="file-list">
        {files.map((file) => {
          const { label, detail, tone } = describeContent(t, file);
          return (
            <li
              key={file.id}
              className={`file-item tone-${tone}`}
              data-file-state={file.content.kind}
              data-problem={file.content.kind === 'error' ? problemCode(file.content.problem) : undefined}
            >
              <div className="file-text">
                <span className="file-name">{file.name}</span>
                <span className="file-meta">
                  <span className="file-kind">{label}</span>
                  {detail !== null && <span className="file-detail">{detail}</span>}
                  <span className="file-size">{formatFileSize(t.locale, file.size)}</span>
                </span>
                {file.content.kind === 'reading' && (
                  <ReadProgress
                    label={t.fileReading.progress(file.name)}
                    stopText={t.fileReading.stopShort}
                    stopLabel={t.fileReading.stop(file.name)}
                    onStop={() => stopReading(file.id)}
                  />
                )}
              </div>
              {file.content.kind === 'not-read' && (
                <button
                  type="button"
                  className="button"
                  aria-label={t.fileReading.readAgain(file.name)}
                  onClick={() => void readAgain(file.id)}
                >
                  {t.fileReading.readAgainShort}
                </button>
              )}
              <button
                type="button"
                className="button button-quiet"
                aria-label={t.check.remove(file.name)}
                onClick={() => onRemove(file)}
              >
                {t.check.removeShort}
              </button>
            </li>
          );
        })}
      </ul>
      {files.length > 1 && (
        <p className="file-list-actions">
          <button type="button" className="button button-quiet" onClick={onRemoveAll}>
            {t.check.removeAll}
          </button>
        </p>
      )}
    </section>
  );
}
