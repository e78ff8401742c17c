import { useEffect, useMemo, useRef } from 'react';
import { certificatesOf, planCheck, type OpenedFile } from '../../state/check/model';
import { addFiles, clearFiles, preloadCheckCrypto, removeFile, useCheckStore } from '../../state/check/store';
import { useMessages } from '../../state/preferences-store';
import { FileDrop } from '../../ui/file-drop';
import { PageHeading } from '../../ui/page-heading';
import { CertificateCard } from '../../ui/certificate-card';
import { FileList } from './file-list';
import { RevocationCheck } from './revocation-check';
import { PairAuthTest } from './pair-auth-test';
import { SavePair } from './save-pair';
import { UnlockForm } from './unlock-form';
import { Verdict } from './verdict';

/** `#/check`: the offline pair checker. Everything happens in this tab; nothing is sent. */
export function CheckPage() {
  const t = useMessages();
  const files = useCheckStore((s) => s.files);
  const run = useCheckStore((s) => s.run);
  const plan = useMemo(() => planCheck(files), [files]);
  const certificates = useMemo(() => certificatesOf(files), [files]);
  const fileInput = useRef<HTMLInputElement>(null);
  const filesHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    preloadCheckCrypto();
    // Leaving the checker forgets the opened files and keys: nothing lingers in memory unseen.
    return clearFiles;
  }, []);

  const onRemove = (file: OpenedFile) => {
    // Focus would fall to the page when its button vanishes; keep it near the list instead.
    if (files.length > 1) filesHeading.current?.focus();
    else fileInput.current?.focus();
    void removeFile(file.id);
  };

  const onRemoveAll = () => {
    fileInput.current?.focus();
    clearFiles();
  };

  const pairs = run.status === 'done' ? run.pairs : [];
  // A CA's certificate beside the leaf is not compared with the key: no badge (the verdict counts it).
  const pairOf = (id: string) => pairs.find((p) => p.id === id && !p.ca)?.result ?? null;
  const firstMatch = pairs.find((p) => p.result.match)?.id;
  const isCa = (id: string) => pairs.some((p) => p.id === id && p.ca);

  return (
    <>
      <PageHeading>{t.check.title}</PageHeading>
      <p className="lead">{t.check.intro}</p>
      <p className="hint">{t.check.offline}</p>

      <section className="panel" aria-labelledby="drop-heading">
        <h2 id="drop-heading">{t.check.dropHeading}</h2>
        <FileDrop
          prompt={t.check.dropPrompt}
          or={t.check.dropOr}
          buttonLabel={t.check.chooseFiles}
          hint={t.check.dropHint}
          inputRef={fileInput}
          onFiles={(chosen) => void addFiles(chosen)}
        />
      </section>

      {files.length > 0 && (
        <FileList files={files} onRemove={onRemove} onRemoveAll={onRemoveAll} headingRef={filesHeading} />
      )}

      {plan.kind === 'needs-password' && (
        <UnlockForm
          file={plan.file}
          problem={run.status === 'failed' ? run.problem : null}
          busy={run.status === 'checking'}
        />
      )}

      <Verdict run={run} plan={plan} />

      {certificates.map(({ id, certificate, fileName }) => (
        <CertificateCard key={id} certificate={certificate} source={t.certificate.fromFile(fileName)} pair={pairOf(id)}>
          {isCa(id) && <p className="badge">{t.check.caBadge}</p>}
          {firstMatch === id && <SavePair certificate={certificate} />}
          {firstMatch === id && <PairAuthTest certificate={certificate} />}
          <RevocationCheck certificate={certificate} candidates={certificates.map((c) => c.certificate)} />
        </CertificateCard>
      ))}
    </>
  );
}
