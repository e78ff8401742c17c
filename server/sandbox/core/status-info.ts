/** `StatusInfo` as KSeF returns it in status responses. */
export interface StatusInfo {
  readonly code: number;
  readonly description: string;
  readonly details?: readonly string[];
}

/**
 * Final statuses of an authentication operation that tests may force (`AuthenticationOperationStatusResponse`
 * table in `open-api.json`, docs/ksef-contract.md §4.6); 100 and 200 come from the normal flow.
 */
export const AUTH_FAILURE_CODES = [415, 425, 450, 460, 470, 480, 500, 550] as const;
export type AuthFailureCode = (typeof AUTH_FAILURE_CODES)[number];

const AUTH_DESCRIPTIONS: Readonly<Record<100 | 200 | AuthFailureCode, { description: string; details?: string }>> = {
  100: { description: 'Uwierzytelnianie w toku' },
  200: { description: 'Uwierzytelnianie zakończone sukcesem' },
  415: { description: 'Uwierzytelnianie zakończone niepowodzeniem', details: 'Brak przypisanych uprawnień' },
  425: {
    description: 'Uwierzytelnienie unieważnione',
    details: 'Uwierzytelnienie i powiązane refresh tokeny zostały unieważnione przez użytkownika',
  },
  450: {
    description: 'Uwierzytelnianie zakończone niepowodzeniem z powodu błędnego tokenu',
    details: 'Nieprawidłowe wyzwanie autoryzacyjne',
  },
  460: {
    description: 'Uwierzytelnianie zakończone niepowodzeniem z powodu błędu certyfikatu',
    details: 'Niepoprawny certyfikat',
  },
  470: {
    description: 'Uwierzytelnianie zakończone niepowodzeniem',
    details: 'Próba wykorzystania metod autoryzacyjnych osoby zmarłej',
  },
  480: {
    description: 'Uwierzytelnienie zablokowane',
    details:
      'Podejrzenie incydentu bezpieczeństwa. Skontaktuj się z Ministerstwem Finansów przez formularz zgłoszeniowy.',
  },
  500: { description: 'Nieznany błąd' },
  550: {
    description: 'Operacja została anulowana przez system',
    details: 'Przetwarzanie zostało przerwane z przyczyn wewnętrznych systemu. Spróbuj ponownie',
  },
};

/** The 460 details KSeF documents for certificate problems. */
export type CertificateProblem =
  | 'Nieważny certyfikat'
  | 'Błąd weryfikacji łańcucha certyfikatów'
  | 'Niezaufany łańcuch certyfikatów'
  | 'Certyfikat odwołany'
  | 'Certyfikat zawieszony'
  | 'Niepoprawny certyfikat';

/** An authentication status with the documented description; `details` replace the default one. */
export function authStatus(code: 100 | 200 | AuthFailureCode, details?: readonly string[]): StatusInfo {
  const entry = AUTH_DESCRIPTIONS[code];
  const chosen = details ?? (entry.details === undefined ? undefined : [entry.details]);
  return chosen === undefined || chosen.length === 0
    ? { code, description: entry.description }
    : { code, description: entry.description, details: chosen };
}

/** Final statuses of a certificate enrollment that tests may force (docs/ksef-contract.md §5.4). */
export const ENROLLMENT_FAILURE_CODES = [400, 500, 550] as const;
export type EnrollmentFailureCode = (typeof ENROLLMENT_FAILURE_CODES)[number];

export const KEY_ALREADY_CERTIFIED = 'Klucz publiczny został już certyfikowany przez inny podmiot.';

const ENROLLMENT_DESCRIPTIONS: Readonly<
  Record<100 | 200 | EnrollmentFailureCode, { description: string; details?: string }>
> = {
  100: { description: 'Wniosek przyjęty do realizacji' },
  200: { description: 'Wniosek obsłużony (certyfikat wygenerowany)' },
  400: { description: 'Wniosek odrzucony', details: KEY_ALREADY_CERTIFIED },
  500: { description: 'Nieznany błąd' },
  550: {
    description: 'Operacja została anulowana przez system',
    details: 'Przetwarzanie zostało przerwane z przyczyn wewnętrznych systemu. Spróbuj ponownie',
  },
};

/** An enrollment status with the documented description; `details` replace the default one. */
export function enrollmentStatus(code: 100 | 200 | EnrollmentFailureCode, details?: readonly string[]): StatusInfo {
  const entry = ENROLLMENT_DESCRIPTIONS[code];
  const chosen = details ?? (entry.details === undefined ? undefined : [entry.details]);
  return chosen === undefined || chosen.length === 0
    ? { code, description: entry.description }
    : { code, description: entry.description, details: chosen };
}
