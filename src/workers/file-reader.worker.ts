/**
 * The file reader's Web Worker: runs one job at a time (`file-jobs.ts`) off the page's thread, so a
 * file that takes long to read (a huge key, a PFX with millions of iterations) never freezes the page;
 * the page stops this worker when its time runs out or the user cancels. It makes no request and
 * keeps nothing: the password and the key live only for the job.
 */
import { runFileJob } from './file-jobs';
import { jobMessageSchema, parseJobInput, toWireError, type AnswerMessage } from './protocol';
import { installXmlDom } from '../lib/xml-dom';

// A worker has no DOMParser: the signed sign-in file is parsed with @xmldom/xmldom here.
installXmlDom();

const answer = (message: AnswerMessage): void => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  // The page posts only jobs it built itself; anything else is not ours to answer.
  const message = jobMessageSchema.safeParse(event.data);
  if (!message.success) return;
  const { id, kind, input } = message.data;
  Promise.resolve()
    .then(() => runFileJob(kind, parseJobInput(kind, input)))
    .then(
      (result) => answer({ id, ok: true, result }),
      (error: unknown) => answer({ id, ok: false, error: toWireError(error) }),
    );
});
