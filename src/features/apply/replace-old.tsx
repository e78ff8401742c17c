import { useId, useState, type ReactNode } from 'react';
import type { KsefEnvironment } from '../../ksef/environments';
import type { Problem } from '../../problem/problem';
import { useCertificatesMessages } from '../../state/certificates/messages';
import { useReplacementStore } from '../../state/replacement';

type Revocation =
  | { readonly status: 'idle' | 'running' }
  | { readonly status: 'done'; readonly name: string }
  | { readonly status: 'failed'; readonly problem: Problem };

interface ReplaceOldProps {
  readonly environment: KsefEnvironment | null;
  /** Revokes the old certificate; the problem, or `null` once revoked. */
  readonly revoke: () => Promise<Problem | null>;
  readonly renderProblem: (title: string, problem: Problem) => ReactNode;
}

/**
 * At the result of an application that replaces a certificate (started from the certificates list):
 * once the user confirms the new certificate works, revoke the old one as `Superseded`. Loaded only
 * when a new certificate is ready, so neither it nor its copy weighs on the wizard's first paint; what
 * it needs of the wizard comes in its props, so the split shares no module with the wizard's page.
 */
export function ReplaceOld({ environment, revoke: revokeOld, renderProblem }: ReplaceOldProps) {
  const c = useCertificatesMessages();
  const replacement = useReplacementStore((s) => s.replacement);
  const [works, setWorks] = useState(false);
  const [revocation, setRevocation] = useState<Revocation>({ status: 'idle' });
  const checkboxId = useId();
  if (revocation.status === 'done')
    return (
      <p className="ok-text" role="status">
        ✓ {c.replace.done(revocation.name)}
      </p>
    );
  if (replacement === null || replacement.environment !== environment) return null;

  const revoke = async () => {
    setRevocation({ status: 'running' });
    const problem = await revokeOld();
    setRevocation(problem === null ? { status: 'done', name: replacement.name } : { status: 'failed', problem });
  };

  return (
    <section className="panel no-print" aria-labelledby="replace-heading" data-replacing={replacement.serialNumber}>
      <h3 id="replace-heading">{c.replace.heading}</h3>
      <p>{c.replace.intro(replacement.name, replacement.serialNumber)}</p>
      <div className="apply-checkbox">
        <input id={checkboxId} type="checkbox" checked={works} onChange={(e) => setWorks(e.target.checked)} />
        <label htmlFor={checkboxId}>{c.replace.works}</label>
      </div>
      <div className="actions">
        <button
          type="button"
          className="button button-primary button-danger"
          disabled={!works || revocation.status === 'running'}
          onClick={() => void revoke()}
        >
          {c.replace.revoke(replacement.name)}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {revocation.status === 'failed' && renderProblem(c.replace.failed, revocation.problem)}
      </div>
    </section>
  );
}
