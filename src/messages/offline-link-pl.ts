import type { OfflineLinkErrorCode } from '../crypto/offline-link/errors';
import type { LinkEnvironment } from '../crypto/offline-link/link';
import type { LinkCheckFault, SignatureEncoding } from '../crypto/offline-link/verify';

/** Every code the screen words: the core's refusals and faults, and the screen's own two. */
type FaultCode = OfflineLinkErrorCode | LinkCheckFault | 'needs-key-and-certificate' | 'needs-certificate';

const faults: Readonly<Record<FaultCode, string>> = {
  'certificate-authentication':
    'To certyfikat uwierzytelniający (typ 1). KOD II podpisuje się wyłącznie certyfikatem offline (typ 2).',
  'certificate-not-ksef': 'To nie jest certyfikat wydany przez KSeF, więc KSeF nie uzna podpisanego nim kodu.',
  'certificate-expired': 'Certyfikat wygasł: kod nim podpisany nie przejdzie weryfikacji.',
  'certificate-not-yet-valid': 'Certyfikat nie jest jeszcze ważny: sprawdź datę początku ważności.',
  'certificate-other-environment': 'Certyfikat pochodzi z innego środowiska KSeF niż wybrane.',
  'certificate-serial-not-ksef': 'Numer seryjny certyfikatu nie ma 8 bajtów (16 cyfr szesnastkowych) jak w KSeF.',
  'key-certificate-mismatch': 'Klucz prywatny nie pasuje do certyfikatu.',
  'rsa-key-too-small': 'Klucz RSA jest krótszy niż 2048 bitów: KSeF go nie przyjmie.',
  'key-type-unsupported': 'KSeF przyjmuje tylko klucze EC P-256 albo RSA.',
  'key-not-exportable': 'Tego klucza RSA nie da się użyć do podpisu RSASSA-PSS w tej przeglądarce.',
  'invoice-empty': 'Plik faktury jest pusty.',
  'invoice-too-large': 'Plik faktury ma ponad 3 MB, więcej niż przyjmuje KSeF.',
  'invoice-not-utf8': 'Plik nie jest tekstem UTF-8, więc nie jest fakturą FA(3).',
  'invoice-not-xml': 'Plik nie jest poprawnym XML.',
  'invoice-fa2': 'To faktura FA(2); od 1 lutego 2026 obowiązuje FA(3).',
  'invoice-not-fa3': 'To XML, ale nie faktura FA(3).',
  'invoice-seller-nip-missing': 'Faktura nie ma NIP sprzedawcy (Podmiot1).',
  'invoice-seller-nip-invalid': 'NIP sprzedawcy w fakturze jest niepoprawny.',
  'invoice-date-missing': 'Faktura nie ma daty wystawienia (P_1).',
  'invoice-date-invalid': 'Data wystawienia nie jest datą w postaci RRRR-MM-DD.',
  empty: 'Wklej link.',
  'missing-scheme': 'Link nie zaczyna się od https:// (to może być sam podpisywany tekst).',
  'not-https': 'Link musi zaczynać się od https://.',
  'unknown-host': 'Ten adres nie jest adresem kodów QR KSeF.',
  'obsolete-link': 'To link w starym formacie z 2025 roku (client-app), już nieważny.',
  'query-or-fragment': 'Link ma na końcu parametry (?) albo fragment (#), których KSeF nie dopuszcza.',
  'invoice-link': 'To KOD I (link faktury), a nie KOD II (link certyfikatu).',
  'not-certificate-link': 'To nie jest link certyfikatu (/certificate/...).',
  'trailing-slash': 'Link kończy się ukośnikiem, którego nie powinno być.',
  'wrong-part-count': 'Link ma złą liczbę części rozdzielonych ukośnikami.',
  'context-type-unknown': 'Nieznany typ kontekstu (dozwolone: Nip, InternalId, NipVatUe, PeppolId).',
  'context-value-invalid': 'Identyfikator kontekstu nie pasuje do swojego typu albo ma złą cyfrę kontrolną.',
  'seller-nip-invalid': 'NIP sprzedawcy jest niepoprawny.',
  'serial-invalid': 'Numer seryjny certyfikatu musi mieć 16 cyfr szesnastkowych, wielkimi literami.',
  'hash-hex': 'Skrót faktury zapisano szesnastkowo; KSeF oczekuje Base64URL (43 znaki).',
  'hash-padded': 'Skrót faktury ma znaki „=” na końcu; Base64URL w linku jest bez dopełnienia.',
  'hash-standard-base64': 'Skrót faktury zapisano w zwykłym Base64 (+ /) zamiast Base64URL (- _).',
  'hash-invalid': 'Skrót faktury nie jest skrótem SHA-256 w Base64URL (43 znaki).',
  'signature-padded': 'Podpis ma znaki „=” na końcu; Base64URL w linku jest bez dopełnienia.',
  'signature-standard-base64': 'Podpis zapisano w zwykłym Base64 (+ /) zamiast Base64URL (- _).',
  'signature-invalid': 'Podpis nie jest poprawnym Base64URL.',
  'wrong-environment': 'Link prowadzi do innego środowiska KSeF.',
  'serial-mismatch': 'Numer seryjny w linku nie jest numerem tego certyfikatu.',
  'signature-malformed': 'Podpis ma złą długość albo budowę dla klucza tego certyfikatu.',
  'signature-double-hashed':
    'Podpisano skrót SHA-256 tekstu zamiast samego tekstu (skrót policzono dwa razy). Podpisz bajty tekstu.',
  'signature-includes-scheme': 'Podpisano link razem z https://; podpisuje się tekst bez https://.',
  'signature-rsa-pkcs1': 'Podpis RSA jest w schemacie PKCS#1 v1.5; KSeF wymaga RSASSA-PSS.',
  'signature-rsa-pss-salt': 'Podpis RSASSA-PSS ma sól innej długości niż 32 bajty.',
  'signature-mismatch':
    'Podpis nie zgadza się z linkiem i kluczem tego certyfikatu (link zmieniono albo podpisał go inny klucz).',
  'needs-key-and-certificate': 'Najpierw otwórz klucz prywatny i certyfikat offline.',
  'needs-certificate': 'Wybierz certyfikat, którym link ma być sprawdzony.',
};

const environments: Readonly<Record<LinkEnvironment, string>> = {
  sandbox: 'Lokalna piaskownica',
  test: 'TEST',
  demo: 'DEMO',
  prod: 'Produkcja',
};

const encodings: Readonly<Record<SignatureEncoding, string>> = {
  'rsa-pss': 'RSASSA-PSS',
  'ecdsa-p1363': 'ECDSA (r||s)',
  'ecdsa-der': 'ECDSA (DER)',
};

/** The offline invoice QR codes screen's Polish copy; it travels with the screen's code. */
export const offlineLinkPl = {
  intro:
    'KOD I (link do faktury) i KOD II (link certyfikatu, podpisany kluczem certyfikatu offline) dla faktury wystawionej offline, oraz sprawdzenie linku KOD II.',
  offline: 'Wszystko dzieje się w tej karcie: nic nie jest wysyłane, klucz nie opuszcza przeglądarki.',
  keyHeading: 'Certyfikat offline i klucz',
  dropPrompt: 'Upuść tu klucz prywatny i certyfikat (.key, PEM, DER, PFX, .crt, .cer)',
  dropOr: 'albo',
  chooseFiles: 'Wybierz pliki',
  dropHint: 'Dowolny format, jak w sprawdzarce. Pliki są czytane tylko w tej przeglądarce.',
  fileStates: {
    reading: 'czytanie…',
    key: 'klucz prywatny',
    locked: 'zaszyfrowany: podaj hasło',
    certificates: 'certyfikat',
    other: 'nie klucz ani certyfikat',
  },
  removeFiles: 'Usuń pliki',
  password: 'Hasło pliku',
  open: 'Otwórz',
  ready: (serial: string) => `Gotowe do podpisu: certyfikat nr ${serial}.`,
  invoiceHeading: 'Faktura i dane linku',
  invoiceFile: 'Plik faktury (XML FA(3))',
  invoiceFileHint: 'Skrót SHA-256 liczy się tutaj. Z faktury FA(3) wypełnimy NIP sprzedawcy i datę wystawienia.',
  invoiceRead: (name: string) => `Odczytano fakturę ${name}.`,
  invoiceNotFa3: (name: string) => `Z pliku ${name} policzono skrót, ale nie odczytano danych faktury:`,
  hash: 'Skrót faktury (SHA-256, Base64URL)',
  environment: 'Środowisko',
  environments,
  contextType: 'Typ kontekstu',
  contextValue: 'Identyfikator kontekstu',
  sellerNip: 'NIP sprzedawcy',
  issueDate: 'Data wystawienia (P_1, RRRR-MM-DD; potrzebna do KOD I)',
  make: 'Utwórz kody',
  working: 'Tworzenie…',
  codesHeading: 'Kody QR',
  invoiceCode: 'KOD I: link do faktury',
  noInvoiceCode: 'KOD I nie powstał: podaj datę wystawienia.',
  certificateCode: 'KOD II: link certyfikatu',
  downloadSvg: 'Pobierz SVG',
  downloadPng: 'Pobierz PNG',
  refused: 'Nie utworzono kodów:',
  verifyHeading: 'Sprawdź link KOD II',
  verifyIntro:
    'Wklej link KOD II. Zostanie sprawdzony z certyfikatem otwartym powyżej albo z wybranym tutaj: format każdej części i podpis (ECDSA w obu zapisach albo RSASSA-PSS).',
  link: 'Link KOD II',
  verifyCertificate: 'Certyfikat do sprawdzenia (opcjonalnie)',
  qrImage: 'Albo obraz kodu QR (zdjęcie, skan: PNG, JPG)',
  qrImageRead: (name: string) => `Odczytano link z obrazu ${name}.`,
  qrImageNone: (name: string) =>
    `Na obrazie ${name} nie znaleziono kodu QR. Użyj ostrzejszego zdjęcia, na którym kod zajmuje większą część kadru, albo wklej link.`,
  qrImageUnreadable: (name: string) => `Pliku ${name} nie da się otworzyć jako obrazu. Wybierz plik PNG albo JPG.`,
  verify: 'Sprawdź',
  valid: (serial: string, encoding: string) =>
    `Link jest poprawny: podpis certyfikatu ${serial} (${encoding}) się zgadza.`,
  invalid: 'Link nie przejdzie weryfikacji:',
  encodings,
  faults,
};

export type OfflineLinkMessages = typeof offlineLinkPl;
