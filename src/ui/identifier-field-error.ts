import { identifierProblem, stripSeparators, type IdentifierKind } from '../crypto/identifier-input';
import type { Messages } from '../messages/catalogs';
import { identifierText } from '../messages/identifier-text';

/**
 * The error line of a NIP or PESEL field that failed validation, worded from what is typed now (the
 * form re-validates as the user types, so the words follow the input). `undefined` when it is valid.
 */
export function identifierFieldError(t: Messages, kind: IdentifierKind, value: string): string | undefined {
  const found = identifierProblem(kind, stripSeparators(value));
  return found === null ? undefined : identifierText(t, kind, found);
}
