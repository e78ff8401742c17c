/**
 * The sandbox's answer shape a test run uses: `current` (today's open-api.json) unless the vitest
 * project provides `ksefAnswerShape` (the `node-older-shapes` project of vitest.config.ts runs the
 * Node journeys again against `january-2026`, docs/ksef-contract.md §14a).
 */
import { expect, inject } from 'vitest';
import type { SandboxAnswerShape } from '../../server/sandbox/core/context';

declare module 'vitest' {
  export interface ProvidedContext {
    ksefAnswerShape: SandboxAnswerShape;
  }
}

export function answerShapeUnderTest(): SandboxAnswerShape {
  // Undefined at run time when the project provides nothing.
  const provided: SandboxAnswerShape | undefined = inject('ksefAnswerShape');
  return provided ?? 'current';
}

/** The two contract violations the `january-2026` shape makes on purpose, as `sandboxViolations` words them. */
const OLDER_SHAPE_GAPS = [
  /^POST \/auth\/challenge 200 body: must have required property 'clientIp'$/,
  /^GET \/auth\/[^ ]+ 200 body: must have required property 'authenticationMethodInfo'$/,
] as const;

/**
 * `violations` without the gaps `shape` makes on purpose. With an older shape each gap must appear at
 * least once, so a run that never met the older answers fails instead of passing unnoticed.
 */
export function withoutAnswerShapeGaps(violations: readonly string[], shape: SandboxAnswerShape): string[] {
  if (shape === 'current') return [...violations];
  for (const gap of OLDER_SHAPE_GAPS)
    expect(
      violations.some((v) => gap.test(v)),
      String(gap),
    ).toBe(true);
  return violations.filter((v) => !OLDER_SHAPE_GAPS.some((gap) => gap.test(v)));
}
