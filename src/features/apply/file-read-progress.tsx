import { stopFileRead } from '../../state/apply/file-read';
import { useApplyStore } from '../../state/apply/store';
import { useMessages } from '../../state/preferences-store';
import { ReadProgress } from '../../ui/read-progress';

/** While one of the user's files is read (in the worker): after 300 ms, progress and a Stop button. */
export function FileReadProgress() {
  const t = useMessages();
  const fileRead = useApplyStore((s) => s.fileRead);
  if (fileRead.status !== 'reading') return null;
  return (
    <ReadProgress
      key={fileRead.fileName}
      label={t.fileReading.progress(fileRead.fileName)}
      stopText={t.fileReading.stopShort}
      stopLabel={t.fileReading.stop(fileRead.fileName)}
      onStop={stopFileRead}
    />
  );
}
