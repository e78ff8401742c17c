import type { Problem } from '../problem/problem';

/** A problem as `source:code` (or `unexpected`): stable across languages, for `data-problem` attributes. */
export function problemCode(problem: Problem): string {
  return problem.source === 'unexpected' ? problem.source : `${problem.source}:${problem.code}`;
}
