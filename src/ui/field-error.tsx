import type { ReactNode } from 'react';

/** The error line under a form field; `id` goes into the field's `aria-describedby`. */
export function FieldError({ id, children }: { readonly id: string; readonly children: ReactNode }) {
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {children}
    </p>
  );
}

/** The `aria-describedby` value for the ids that apply (`false`/`undefined` ones skipped), or none. */
export function describedBy(...ids: readonly (string | false | undefined)[]): string | undefined {
  const joined = ids.filter((id): id is string => typeof id === 'string' && id !== '').join(' ');
  return joined === '' ? undefined : joined;
}
