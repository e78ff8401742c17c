import type { ReactNode } from 'react';

/**
 * The `h2` of a wizard step. It takes programmatic focus, so that when the step changes the wizard
 * moves focus here and a screen reader starts reading the new step.
 */
export function StepHeading({ id, children }: { readonly id: string; readonly children: ReactNode }) {
  return (
    <h2 id={id} className="apply-step-heading" tabIndex={-1} data-step-heading="">
      {children}
    </h2>
  );
}
