import { problemText } from '../../messages/problem-text';
import type { OfflineLinkProblem } from '../../state/offline-link/model';
import { useOfflineLinkMessages } from '../../state/offline-link/messages';
import { useMessages } from '../../state/preferences-store';

/** The words for a problem of this screen: the core's code in the screen's catalog, the rest as elsewhere. */
export function useProblemText(): (problem: OfflineLinkProblem) => string {
  const t = useMessages();
  const m = useOfflineLinkMessages();
  return (problem) => (problem.source === 'offline-link' ? m.faults[problem.code] : problemText(t, problem));
}

/** The code a test or a support request can name, as `data-problem`. */
export function problemCodeOf(problem: OfflineLinkProblem): string {
  return 'code' in problem ? problem.code : problem.source;
}
