import type { ReactNode } from 'react';
import { problemText } from '../messages/problem-text';
import type { Problem } from '../problem/problem';
import { useMessages } from '../state/preferences-store';
import { problemCode } from './problem-code';

/**
 * A failure in words: what went wrong and what to do next, from the catalog. KSeF's own texts (in
 * whatever language, and library messages such as "XMLJS0013 …" from a signature check) are not
 * words for the user: they stay folded under "technical details", for a support request. Each screen
 * adds its own ways forward (`children`: sign in again, another environment) and its class (`className`,
 * whose `-title` names the title's class).
 */
export function ProblemBox({
  title,
  problem,
  className,
  children,
}: {
  readonly title: string;
  readonly problem: Problem;
  readonly className: string;
  readonly children?: ReactNode;
}) {
  const t = useMessages();
  const details = problem.source === 'ksef' || problem.source === 'apply' ? (problem.details ?? []) : [];
  const retryAfterSeconds = problem.source === 'ksef' ? problem.retryAfterSeconds : undefined;
  return (
    <div className={className} data-problem={problemCode(problem)}>
      <p className={`${className}-title`}>
        <span aria-hidden="true">! </span>
        {title}
      </p>
      <p>{problemText(t, problem)}</p>
      {retryAfterSeconds !== undefined && <p>{t.apply.retryAfter(retryAfterSeconds)}</p>}
      {children}
      {details.length > 0 && (
        <details className="technical-details">
          <summary>{t.apply.technicalDetails}</summary>
          <ul className="hint">
            {details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
