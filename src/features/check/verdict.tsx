import type { Messages } from '../../messages/catalogs';
import type { CheckPlan, CheckRun } from '../../state/check/model';
import { useMessages } from '../../state/preferences-store';
import { problemText } from '../../messages/problem-text';
import { problemCode } from '../../ui/problem-code';

/** `idle`: nothing opened yet; `incomplete`: files are open but something is missing. */
type Tone = 'pairs' | 'no-pair' | 'partial' | 'failed' | 'checking' | 'idle' | 'incomplete';

interface VerdictText {
  readonly tone: Tone;
  readonly title: string;
  readonly details: readonly string[];
}

const ICONS: Readonly<Record<Tone, string>> = {
  pairs: '✓',
  'no-pair': '✗',
  partial: '!',
  failed: '!',
  checking: '…',
  idle: 'i',
  incomplete: 'i',
};

function guidance(t: Messages, plan: CheckPlan): string {
  switch (plan.kind) {
    case 'empty':
    case 'ready':
    case 'file-error':
      return t.check.guidance.empty;
    case 'reading':
      return t.check.guidance.reading;
    case 'not-read':
      return t.check.guidance.notRead(plan.fileName);
    case 'several-keys':
      return t.check.guidance.severalKeys;
    case 'needs-key':
      return plan.hasCsr ? t.check.guidance.needsKeyCsr : t.check.guidance.needsKey;
    case 'needs-certificate':
      return plan.hasCsr ? t.check.guidance.needsCertificateCsr : t.check.guidance.needsCertificate;
    case 'needs-password':
      return t.check.guidance.needsPassword(plan.file.name);
  }
}

/** Puts the run (and, while idle, what is missing) into words. */
export function verdictText(t: Messages, run: CheckRun, plan: CheckPlan): VerdictText {
  switch (run.status) {
    case 'idle':
      return { tone: plan.kind === 'empty' ? 'idle' : 'incomplete', title: guidance(t, plan), details: [] };
    case 'checking':
      return { tone: 'checking', title: t.check.verdict.checking, details: [] };
    case 'failed':
      return {
        tone: 'failed',
        title: t.check.verdict.failed,
        details: [
          run.fileName === null
            ? problemText(t, run.problem)
            : `${t.check.verdict.inFile(run.fileName)} ${problemText(t, run.problem)}`,
        ],
      };
    case 'done': {
      // CA certificates carried beside the leaf are not the key's: they are counted, not compared.
      const cas = run.pairs.filter((p) => p.ca).length;
      const own = cas < run.pairs.length ? run.pairs.filter((p) => !p.ca) : run.pairs;
      const caDetail = cas > 0 && own !== run.pairs ? [t.check.verdict.caIncluded(cas)] : [];
      const matching = own.filter((p) => p.result.match).length;
      if (matching === own.length)
        return { tone: 'pairs', title: t.check.verdict.pairs, details: [t.check.verdict.pairsDetail, ...caDetail] };
      if (matching > 0)
        return { tone: 'partial', title: t.check.verdict.partial(matching, own.length), details: caDetail };
      const reasons = new Set(own.flatMap((p) => (p.result.match ? [] : [t.check.reasons[p.result.reason]])));
      return { tone: 'no-pair', title: t.check.verdict.noPair, details: [...reasons] };
    }
  }
}

/**
 * The answer, in a polite live region that exists from the start so each change is announced. The
 * outcome is said in words and marked with a symbol; colour only repeats it.
 */
export function Verdict({ run, plan }: { readonly run: CheckRun; readonly plan: CheckPlan }) {
  const t = useMessages();
  const { tone, title, details } = verdictText(t, run, plan);
  return (
    <section className="verdict-section" aria-labelledby="verdict-heading">
      <h2 id="verdict-heading">{t.check.verdict.heading}</h2>
      <div
        className={`verdict verdict-${tone}`}
        data-verdict={tone}
        data-problem={run.status !== 'failed' ? undefined : problemCode(run.problem)}
        aria-live="polite"
        aria-atomic="true"
        aria-busy={tone === 'checking'}
      >
        <span className="verdict-icon" aria-hidden="true">
          {ICONS[tone]}
        </span>
        <div className="verdict-body">
          <p className="verdict-title">{title}</p>
          {details.map((detail) => (
            <p key={detail} className="verdict-detail">
              {detail}
            </p>
          ))}
        </div>
      </div>
    </section>
  );
}
