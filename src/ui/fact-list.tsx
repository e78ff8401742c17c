import type { ReactNode } from 'react';

/** One labelled fact: the label (also the row's key) and its value. */
export type Fact = readonly [label: string, value: ReactNode];

/** A definition list of facts, one row each, as the certificate card and the wizard's summaries show them. */
export function FactList({ facts }: { readonly facts: readonly Fact[] }) {
  return (
    <dl className="facts">
      {facts.map(([label, value]) => (
        <div key={label} className="fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
