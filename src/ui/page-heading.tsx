import type { ReactNode } from 'react';

/**
 * The `h1` of a page. It takes programmatic focus (`tabIndex={-1}`) so the shell can move focus to it
 * on a route change, and screen readers start reading at the new page.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <h1 className="page-heading" tabIndex={-1}>
      {children}
    </h1>
  );
}
