/**
 * The KSeF exception codes the sandbox answers with, and their descriptions exactly as the 400 tables
 * of `open-api.json` word them (docs/ksef-contract.md §4.5-§4.8, §5).
 */
export const EXCEPTION_DESCRIPTIONS = {
  9102: 'Brak podpisu.',
  9103: 'Przekroczona liczba dozwolonych podpisów.',
  9105: 'Nieprawidłowy podpis.',
  21001: 'Nieczytelna treść.',
  21111: 'Nieprawidłowe wyzwanie autoryzacyjne.',
  21115: 'Nieprawidłowy certyfikat.',
  21117: 'Nieprawidłowy identyfikator podmiotu dla wskazanego typu kontekstu.',
  21217: 'Nieprawidłowe kodowanie znaków.',
  21301: 'Brak autoryzacji.',
  21304: 'Brak uwierzytelnienia.',
  21401: 'Dokument nie jest zgodny ze schemą (xsd).',
  21405: 'Błąd walidacji danych wejściowych.',
  25001: 'Brak możliwości pobrania danych do CSR dla wykorzystanego sposobu uwierzytelnienia.',
  25002: 'Brak możliwości złożenia wniosku certyfikacyjnego dla wykorzystanego sposobu uwierzytelnienia.',
  25003: 'Dane w CSR nie zgadzają się z danymi w użytym wektorze uwierzytelniającym.',
  25004: 'Niepoprawny format CSR lub niepoprawny podpis CSR.',
  25005: 'Wniosek certyfikacyjny o podanym numerze referencyjnym nie istnieje.',
  25006: 'Osiągnięto limit możliwych do złożenia wniosków certyfikacyjnych.',
  25007: 'Osiągnięto limit dopuszczalnej liczby posiadanych certyfikatów.',
  25008: 'Certyfikat o podanym numerze seryjnym nie istnieje.',
  25009: 'Nie można odwołać wskazanego certyfikatu, ponieważ jest już odwołany, zablokowany lub nieważny.',
  25010: 'Nieprawidłowy typ lub długość klucza.',
  25011: 'Nieprawidłowy algorytm podpisu CSR.',
} as const;

export type ExceptionCode = keyof typeof EXCEPTION_DESCRIPTIONS;

/** The two 9105 details KSeF uses for XAdES failures (docs/ksef-contract.md §4.4, issues #643, #844). */
export const SIGNATURE_REJECTED = 'Podpis zweryfikowany negatywnie';
export const PROFILE_REJECTED = 'Format podpisu niezgodny z akceptowanymi profilami XAdES';
