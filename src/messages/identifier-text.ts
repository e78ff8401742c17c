import type { IdentifierKind, IdentifierProblem } from '../crypto/identifier-input';
import type { Messages } from './catalogs';
import { quotedList } from './sentence';

/** Why a typed NIP or PESEL is refused, in words that name what to fix (the count, the characters). */
export function identifierText(t: Messages, kind: IdentifierKind, found: IdentifierProblem): string {
  const texts = t.identifiers[kind];
  switch (found.problem) {
    case 'empty':
      return texts.empty;
    case 'characters':
      return texts.characters(quotedList(t.locale, found.characters));
    case 'length':
      return texts.length(found.digits);
    case 'office-code':
      return t.identifiers.nip['office-code'];
    case 'birth-date':
      return t.identifiers.pesel['birth-date'];
    case 'checksum':
      return texts.checksum;
  }
}
