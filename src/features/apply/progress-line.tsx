import type { ReactNode } from 'react';

/** A wait in words, with a spinner that screen readers skip (the enclosing live region reads the text). */
export function ProgressLine({ children }: { readonly children: ReactNode }) {
  return (
    <p className="apply-progress">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}
