import type { ReadFileErrorCode } from '../browser/read-file';
import type { KsefEnvironment, KsefPurpose } from '../crypto/certificate-summary';
import type { CryptoErrorCode } from '../crypto/errors';
import type { FileKind } from '../crypto/file-kind';
import type { PairResult } from '../crypto/pair';
import type { KeyPasswordRule } from '../crypto/rules';
import type { SignInErrorCode } from '../state/sign-in-errors';
import { plural } from './plural';

type PairMismatchReason = Extract<PairResult, { match: false }>['reason'];

const days = (n: number) => `${n} ${plural('pl', n, { one: 'dzień', other: 'dni' })}`;
const files = (n: number) => `${n} ${plural('pl', n, { one: 'plik', few: 'pliki', many: 'plików', other: 'pliku' })}`;

const PEM_CONVERT = 'openssl pkcs8 -topk8 -v2 aes-256-cbc -in stary.key -out nowy.key';
const PFX_CONVERT = 'openssl pkcs12 -in stary.pfx -nodes | openssl pkcs12 -export -out nowy.pfx';

/**
 * The Polish catalog, the app's default language. Its shape is the `Messages` type: the English
 * catalog must have exactly the same keys and function signatures.
 */
export const pl = {
  locale: 'pl-PL',
  languageName: 'Polski',
  app: {
    name: 'ksef-cert',
    tagline: 'Certyfikaty KSeF, a klucz prywatny zostaje u Ciebie',
    skipLink: 'Przejdź do treści',
    languageSwitch: 'Język aplikacji',
    mainNavigation: 'Nawigacja główna',
    home: 'Strona główna',
    privacy:
      'Wszystko dzieje się w tej przeglądarce. Żaden plik nie opuszcza Twojego urządzenia: klucze, certyfikaty i hasła nie są nigdzie wysyłane ani zapisywane.',
    pageTitle: (page: string) => `${page} – ksef-cert`,
  },
  home: {
    title: 'Certyfikaty KSeF w przeglądarce',
    intro:
      'ksef-cert pomaga w pracy z certyfikatami KSeF 2.0 tak, aby klucz prywatny nigdy nie opuścił Twojej przeglądarki.',
    checkLink: 'Sprawdź klucz i certyfikat',
    checkDescription:
      'Sprawdź, czy plik klucza (.key albo PFX) pasuje do certyfikatu (.crt), i zobacz, co to za certyfikat: rodzaj, środowisko, właściciela i termin ważności. Działa bez dostępu do internetu.',
  },
  notFound: {
    title: 'Nie ma takiej strony',
    body: 'Ten adres nie prowadzi do żadnej strony aplikacji. Może link jest niepełny?',
    homeLink: 'Przejdź na stronę główną',
  },
  check: {
    title: 'Sprawdź klucz i certyfikat',
    intro:
      'Otwórz plik klucza prywatnego (.key albo PFX/.p12) i certyfikat (.crt). Sprawdzimy, czy stanowią parę, i pokażemy, co to za certyfikat.',
    offline: 'Pliki są czytane tylko w tej przeglądarce. Ta strona działa także bez internetu.',
    dropHeading: 'Pliki',
    dropPrompt: 'Przeciągnij tutaj plik klucza i certyfikat',
    dropOr: 'albo',
    chooseFiles: 'Wybierz pliki z dysku',
    dropHint: 'Rodzaj pliku rozpoznajemy po zawartości, nie po nazwie. Najwyżej 10 MB na plik.',
    filesHeading: 'Otwarte pliki',
    filesCount: files,
    fileKinds: {
      'encrypted-private-key': 'Zaszyfrowany klucz prywatny',
      'private-key': 'Klucz prywatny (bez hasła)',
      certificate: 'Certyfikat',
      csr: 'Wniosek o certyfikat (CSR)',
      pkcs12: 'Plik PFX (klucz i certyfikat)',
    } satisfies Record<FileKind, string>,
    fileReading: 'Wczytywanie…',
    fileLocked: 'chroniony hasłem',
    fileUnlocked: 'otwarty',
    fileError: 'Błąd',
    certificateCount: (n: number) =>
      `${n} ${plural('pl', n, { one: 'certyfikat', few: 'certyfikaty', many: 'certyfikatów', other: 'certyfikatu' })}`,
    remove: (name: string) => `Usuń plik ${name}`,
    removeShort: 'Usuń',
    removeAll: 'Usuń wszystkie pliki',
    password: {
      heading: 'Hasło',
      label: (name: string) => `Hasło do pliku ${name}`,
      hint: 'Hasło służy tylko do otwarcia pliku w tej przeglądarce. Nie zapisujemy go.',
      show: 'Pokaż hasło',
      submit: 'Otwórz i sprawdź',
      required: 'Wpisz hasło do pliku.',
    },
    guidance: {
      empty: 'Wybierz plik klucza i certyfikat, aby zacząć.',
      reading: 'Czytam pliki…',
      needsKey:
        'Brakuje klucza prywatnego: otwarte pliki to certyfikaty. Dodaj plik klucza (.key) albo plik PFX zapisany razem z certyfikatem.',
      needsKeyCsr:
        'Brakuje klucza prywatnego. Wniosek o certyfikat (CSR) nie zawiera klucza – dodaj plik .key zapisany razem z wnioskiem.',
      needsCertificate: 'Brakuje certyfikatu. Dodaj plik .crt pobrany z KSeF dla tego klucza.',
      needsCertificateCsr:
        'Brakuje certyfikatu. Wniosek (CSR) to jeszcze nie certyfikat – certyfikat (.crt) pobierzesz z KSeF po rozpatrzeniu wniosku.',
      severalKeys: 'Otwarto więcej niż jeden klucz prywatny. Zostaw jeden plik klucza (.key albo PFX) i usuń pozostałe.',
      needsPassword: (name: string) => `Plik ${name} jest chroniony hasłem. Wpisz hasło, aby go otworzyć.`,
    },
    verdict: {
      heading: 'Wynik',
      checking: 'Sprawdzam…',
      pairs: 'Klucz i certyfikat stanowią parę',
      pairsDetail: 'Klucz prywatny pasuje do certyfikatu. Możesz używać ich razem.',
      noPair: 'Klucz i certyfikat nie stanowią pary',
      partial: (matching: number, total: number) => `Klucz pasuje do ${matching} z ${total} certyfikatów`,
      failed: 'Nie udało się sprawdzić',
      inFile: (name: string) => `Plik ${name}:`,
      unexpected: 'Wystąpił nieoczekiwany błąd. Odśwież stronę i spróbuj ponownie; jeśli to nie pomoże, sprawdź, czy pliki są kompletne.',
    },
    reasons: {
      'different-algorithm': 'Klucz i certyfikat używają różnych algorytmów (na przykład klucz EC, a certyfikat RSA).',
      'different-key':
        'Certyfikat wystawiono dla innego klucza. Poszukaj pliku .key zapisanego razem z tym certyfikatem.',
      'signature-mismatch':
        'Podpis próbny złożony tym kluczem nie weryfikuje się kluczem publicznym z certyfikatu. Plik klucza może być uszkodzony.',
    } satisfies Record<PairMismatchReason, string>,
    pairBadge: 'Pasuje do klucza',
    noPairBadge: 'Nie pasuje do klucza',
  },
  certificate: {
    heading: (owner: string) => `Certyfikat: ${owner}`,
    headingNoOwner: 'Certyfikat bez nazwy właściciela',
    fromFile: (name: string) => `z pliku ${name}`,
    owner: 'Właściciel',
    purpose: 'Rodzaj',
    environment: 'Środowisko',
    serial: 'Numer seryjny',
    validity: 'Ważność',
    keyType: 'Klucz',
    subject: 'Podmiot',
    issuer: 'Wystawca',
    selfSigned: 'Samopodpisany',
    fingerprint: 'Odcisk SHA-256',
    yes: 'tak',
    no: 'nie',
    noOwner: 'brak (certyfikat nie ma nazwy CN)',
    purposes: {
      Authentication: 'Uwierzytelnianie (typ 1)',
      Offline: 'Offline (typ 2)',
      'not-ksef': 'To nie jest certyfikat KSeF',
    } satisfies Record<KsefPurpose, string>,
    environments: {
      prod: 'Produkcyjne KSeF',
      test: 'TEST (środowisko testowe KSeF)',
      sandbox: 'Lokalna piaskownica (nie KSeF)',
      unknown: 'Nieznany wystawca – nie rozpoznajemy go jako urzędu certyfikacji KSeF (TEST CCK KSeF, CCK KSeF)',
    } satisfies Record<KsefEnvironment, string>,
    range: (from: string, to: string) => `od ${from} do ${to}`,
    validFor: (n: number) => `ważny jeszcze ${days(n)}`,
    expired: (n: number) => (n === 0 ? 'wygasł dzisiaj' : `wygasł ${days(n)} temu`),
    notYetValid: 'jeszcze nieważny',
    otherKey: (oid: string) => `inny algorytm (${oid})`,
  },
  save: {
    heading: 'Zapisz parę',
    intro: 'Możesz zapisać klucz i certyfikat razem jako plik PFX albo pobrać sam certyfikat.',
    exportPfx: 'Eksportuj PFX',
    downloadCertificate: 'Pobierz certyfikat (.crt)',
    formHeading: 'Eksport do pliku PFX',
    formIntro:
      'Plik PFX będzie zawierał klucz prywatny zaszyfrowany tym hasłem (AES-256). Zapamiętaj je – bez niego pliku nie otworzysz.',
    password: 'Hasło do pliku PFX',
    confirm: 'Powtórz hasło',
    rulesHeading: 'Hasło musi:',
    ruleMet: 'spełnione',
    ruleUnmet: 'niespełnione',
    rules: {
      length: 'mieć od 15 do 32 znaków',
      'allowed-characters': 'składać się tylko z liter bez polskich znaków, cyfr i znaków !@#$%^&*()-_=+',
      lowercase: 'zawierać małą literę',
      uppercase: 'zawierać wielką literę',
      digit: 'zawierać cyfrę',
      special: 'zawierać jeden ze znaków !@#$%^&*()-_=+',
    } satisfies Record<KeyPasswordRule, string>,
    passwordInvalid: 'Hasło nie spełnia wszystkich wymagań z listy.',
    confirmMismatch: 'Hasła się różnią. Wpisz to samo hasło dwa razy.',
    submit: 'Zapisz plik PFX',
    cancel: 'Anuluj',
    exporting: 'Tworzę plik PFX…',
    saved: (name: string) => `Zapisano plik ${name}.`,
    failed: 'Nie udało się utworzyć pliku PFX.',
  },
  cryptoErrors: {
    'empty-file': 'Plik jest pusty (0 bajtów). Wybierz właściwy plik – być może zapis pliku się nie powiódł.',
    'unrecognized-file':
      'Nie rozpoznajemy tego pliku. Oczekujemy klucza prywatnego (.key, .pem), certyfikatu (.crt, .cer) albo pliku PFX (.pfx, .p12).',
    'certificate-not-key': 'To jest certyfikat, a nie klucz prywatny. Wybierz plik .key.',
    'csr-not-key': 'To jest wniosek o certyfikat (CSR), a nie klucz prywatny. Wybierz plik .key.',
    'key-not-certificate': 'To jest klucz prywatny, a nie certyfikat. Wybierz plik .crt pobrany z KSeF.',
    'csr-not-certificate':
      'To jest wniosek o certyfikat (CSR), a nie certyfikat. Certyfikat (.crt) pobierzesz z KSeF po rozpatrzeniu wniosku.',
    'password-required': 'Plik jest chroniony hasłem. Wpisz hasło, aby go otworzyć.',
    'wrong-password': 'Hasło nie pasuje do tego pliku klucza. Sprawdź wielkość liter i spróbuj ponownie.',
    'corrupt-file': 'Plik jest uszkodzony albo niekompletny. Pobierz go ponownie lub użyj kopii zapasowej.',
    'unsupported-encryption': `Ten plik zaszyfrowano metodą, której przeglądarka nie obsługuje (na przykład 3DES). Przekonwertuj klucz poleceniem: ${PEM_CONVERT}`,
    'legacy-pem-encryption': `Klucz zapisano w starym formacie OpenSSL (nagłówek „Proc-Type: 4,ENCRYPTED”). Przekonwertuj go poleceniem: ${PEM_CONVERT}`,
    'legacy-pfx-encryption': `Plik PFX zaszyfrowano starszym algorytmem (3DES lub RC2), którego przeglądarka nie obsługuje. Przekonwertuj go poleceniem: ${PFX_CONVERT} (w OpenSSL 3 dodaj -legacy do pierwszego polecenia).`,
    'unsupported-key-type':
      'Ten rodzaj klucza (na przykład DSA albo Ed25519) nie jest obsługiwany. KSeF przyjmuje klucze RSA i EC P-256.',
    'unsupported-curve':
      'Klucz EC używa krzywej, której nie obsługujemy. Obsługiwane są P-256, P-384 i P-521; KSeF wydaje certyfikaty dla P-256.',
    'pfx-without-key': 'Plik PFX nie zawiera klucza prywatnego. Dodaj osobno plik .key albo wybierz inny plik PFX.',
    'pfx-without-certificate': 'Plik PFX nie zawiera certyfikatu. Dodaj osobno plik .crt.',
    'invalid-enrollment-data':
      'Dane do wniosku otrzymane z KSeF są niepełne (na przykład brak nazwy). Spróbuj ponownie za chwilę.',
    'invalid-argument': 'Podana wartość jest nieprawidłowa (na przykład hasło nie spełnia wymagań). Popraw ją i spróbuj ponownie.',
    'invalid-nip': 'NIP jest nieprawidłowy: powinien mieć 10 cyfr z poprawną cyfrą kontrolną. Sprawdź, czy nie ma literówki.',
    'invalid-pesel':
      'PESEL jest nieprawidłowy: powinien mieć 11 cyfr z poprawną datą urodzenia i cyfrą kontrolną. Sprawdź, czy nie ma literówki.',
    'xml-malformed':
      'Podpisany plik nie jest poprawnym dokumentem XML (może jest ucięty albo zmieniony po podpisaniu). Podpisz plik ponownie.',
    'xml-not-utf8':
      'Podpisany plik nie jest zapisany w kodowaniu UTF-8, którego wymaga KSeF. Podpisz ponownie plik pobrany z aplikacji, bez zmieniania go.',
    'xml-dtd-forbidden':
      'Podpisany plik zawiera deklarację DOCTYPE, której ze względów bezpieczeństwa nie przyjmujemy. Podpisz ponownie plik pobrany z aplikacji, bez zmieniania go.',
    'not-auth-token-request':
      'To nie jest plik logowania do KSeF (AuthTokenRequest). Podpisz plik pobrany w tym kroku i wybierz go tutaj.',
    'signature-missing':
      'Plik nie zawiera podpisu. Podpisz go podpisem kwalifikowanym, pieczęcią kwalifikowaną albo podpisem zaufanym i wybierz podpisany plik.',
    'signature-multiple': 'Plik zawiera więcej niż jeden podpis, a KSeF przyjmuje dokładnie jeden. Podpisz ponownie plik pobrany z aplikacji.',
    'signature-detached':
      'Podpis nie obejmuje treści pliku (podpis zewnętrzny). W programie do podpisu wybierz format XAdES otaczany (enveloped), aby podpis znalazł się w pliku XML.',
    'challenge-mismatch':
      'Podpisany plik pochodzi z innej próby logowania. Pobierz plik ponownie w tym kroku, podpisz go i wybierz tutaj.',
    'challenge-expired':
      'Od pobrania pliku do podpisu minęło ponad 10 minut i KSeF już go nie przyjmie. Pobierz nowy plik, podpisz go i wybierz ponownie.',
    'signer-certificate-mismatch':
      'Klucz prywatny nie pasuje do certyfikatu, więc podpis nie byłby ważny. Wybierz certyfikat wydany dla tego klucza.',
  } satisfies Record<CryptoErrorCode, string>,
  signInErrors: {
    'offline-certificate':
      'To jest certyfikat offline, który służy tylko do podpisywania faktur wystawianych offline. KSeF nie pozwala się nim zalogować. Wybierz certyfikat uwierzytelniający („uwierzytelnienie”).',
    'certificate-expired': 'Ten certyfikat wygasł, więc KSeF go nie przyjmie. Zaloguj się innym certyfikatem albo podpisem kwalifikowanym.',
    'key-certificate-mismatch':
      'Klucz prywatny nie pasuje do tego certyfikatu. Wybierz plik .key zapisany przy składaniu wniosku o ten certyfikat.',
    'test-identity-not-allowed':
      'To środowisko KSeF nie przyjmuje certyfikatów testowych (samopodpisanych). Zaloguj się certyfikatem KSeF albo podpisem kwalifikowanym.',
    'certificate-missing': 'Brakuje certyfikatu. Dodaj plik .crt wydany dla tego klucza albo wybierz plik PFX z kluczem i certyfikatem.',
    'context-required': 'Podaj NIP firmy, w której imieniu chcesz się zalogować.',
  } satisfies Record<SignInErrorCode, string>,
  fileErrors: {
    'file-too-large':
      'Plik ma ponad 10 MB, więc nie jest kluczem ani certyfikatem (te mają zwykle kilka kilobajtów). Nie otworzyliśmy go.',
    'file-unreadable': 'Nie udało się odczytać pliku. Sprawdź, czy nadal istnieje na dysku, i wybierz go ponownie.',
  } satisfies Record<ReadFileErrorCode, string>,
};

/** The shape every catalog has. */
export type Messages = typeof pl;
