import type { ReadFileErrorCode } from '../browser/read-file';
import type { CertificateEnvironment, KsefPurpose, NotKsefKind } from '../crypto/ksef-profile';
import type { CryptoErrorCode } from '../crypto/errors';
import type { FileKind } from '../crypto/file-kind';
import type { PairResult } from '../crypto/pair';
import type { KeyPasswordRule } from '../crypto/rules';
import type { KsefErrorCode } from '../ksef/errors';
import type { ApplicationStatus } from '../problem/application-status';
import type { ApplyProblemCode, CertificatesProblemCode } from '../problem/problem';
import type { SignInErrorCode } from '../sign-in/errors';
import { plural } from './plural';
import { sentence } from './sentence';

type PairMismatchReason = Extract<PairResult, { match: false }>['reason'];

const days = (n: number) => `${n} ${plural('pl', n, { one: 'dzień', other: 'dni' })}`;
const files = (n: number) => `${n} ${plural('pl', n, { one: 'plik', few: 'pliki', many: 'plików', other: 'pliku' })}`;

const PEM_CONVERT =
  'openssl pkcs8 -topk8 -provider legacy -provider default -v2 aes-256-cbc -in stary.key -out nowy.key';
const PFX_CONVERT =
  'openssl pkcs12 -legacy -in stary.pfx -nodes -out klucz.pem && openssl pkcs12 -export -in klucz.pem -out nowy.pfx';
const PFX_FEWER_ITERATIONS =
  'openssl pkcs12 -legacy -in stary.pfx -nodes -out klucz.pem && openssl pkcs12 -export -iter 100000 -in klucz.pem -out nowy.pfx';
const KEY_FEWER_ITERATIONS =
  'openssl pkcs8 -topk8 -provider legacy -provider default -v2 aes-256-cbc -iter 100000 -in stary.key -out nowy.key';

/**
 * The Polish catalog, the app's default language. Its shape is the `Messages` type: the English
 * catalog must have exactly the same keys and function signatures.
 */
export const pl = {
  locale: 'pl-PL',
  app: {
    name: 'ksef-cert',
    tagline: 'Certyfikaty KSeF, a klucz prywatny zostaje u Ciebie',
    skipLink: 'Przejdź do treści',
    languageSwitch: 'Język aplikacji',
    mainNavigation: 'Nawigacja główna',
    home: 'Strona główna',
    pageLoading: 'Wczytywanie strony…',
    privacy:
      'Klucz prywatny i jego hasło nigdy nie opuszczają tej przeglądarki. Do KSeF trafia tylko wniosek z kluczem publicznym i podpis logowania.',
    pageTitle: (page: string) => `${page} – ksef-cert`,
  },
  home: {
    applyLink: 'Złóż wniosek o certyfikat',
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
      noPassword: 'Otwórz bez hasła (plik zapisano z pustym hasłem)',
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
      severalKeys:
        'Otwarto więcej niż jeden klucz prywatny. Zostaw jeden plik klucza (.key albo PFX) i usuń pozostałe.',
      notRead: (name: string) => `Pliku ${name} nie odczytano: odczyt zatrzymano. Odczytaj go ponownie albo usuń.`,
      needsPassword: (name: string) => `Plik ${name} jest chroniony hasłem. Wpisz hasło, aby go otworzyć.`,
    },
    verdict: {
      heading: 'Wynik',
      checking: 'Sprawdzam…',
      pairs: 'Klucz i certyfikat stanowią parę',
      pairsDetail: 'Klucz prywatny pasuje do certyfikatu. Możesz używać ich razem.',
      noPair: 'Klucz i certyfikat nie stanowią pary',
      partial: (matching: number, total: number) => `Klucz pasuje do ${matching} z ${total} certyfikatów`,
      caIncluded: (n: number) =>
        `Dołączono ${n} ${plural('pl', n, { one: 'certyfikat', few: 'certyfikaty', many: 'certyfikatów', other: 'certyfikatu' })} CA. Certyfikat CA należy do wystawcy, nie do Ciebie, więc nie porównujemy go z kluczem.`,
      failed: 'Nie udało się sprawdzić',
      inFile: (name: string) => `Plik ${name}:`,
      unexpected:
        'Wystąpił nieoczekiwany błąd. Odśwież stronę i spróbuj ponownie; jeśli to nie pomoże, sprawdź, czy pliki są kompletne.',
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
    revocation: {
      button: 'Sprawdź w KSeF, czy nie został unieważniony',
      sends:
        'Pobiera publiczną listę unieważnionych certyfikatów (CRL) KSeF przez serwer tej aplikacji. Nie wysyła niczego z Twoich plików.',
      running: 'Pobieranie i sprawdzanie listy unieważnionych certyfikatów…',
      again: 'Sprawdź ponownie',
      revoked: (date: string) => `Certyfikat jest unieważniony (od ${date}).`,
      reason: (reason: string) => `Powód: ${reason}.`,
      notRevoked: (date: string) => `Certyfikat nie jest unieważniony według listy KSeF z ${date}.`,
      stale: (date: string) => `Lista jest nieaktualna: następną KSeF miał wydać ${date}.`,
      notYetValid: 'Lista ma datę z przyszłości; sprawdź zegar tego komputera.',
      signatures: {
        valid: 'Podpis listy sprawdzony z certyfikatem wystawcy.',
        invalid: 'Podpis listy nie zgadza się z certyfikatem wystawcy: nie ufaj tej odpowiedzi.',
        'wrong-issuer': 'Otwarty certyfikat wystawcy nie wydał tej listy: jej podpisu nie sprawdzono.',
        'unsupported-algorithm': 'Listę podpisano algorytmem, którego nie sprawdzamy: jej podpisu nie sprawdzono.',
        'no-issuer-certificate':
          'Podpisu listy nie można sprawdzić: brak certyfikatu wystawcy. Otwórz go razem z tym certyfikatem, aby go sprawdzić.',
      },
      failed: 'Nie udało się sprawdzić.',
      failures: {
        offline: 'Brak połączenia z serwerem tej aplikacji.',
        'ksef-unreachable': 'KSeF nie odpowiada; spróbuj później.',
        'not-found': 'Ten serwer nie udostępnia listy tego środowiska albo KSeF jej nie ma.',
        status: (status: number) => `Serwer odpowiedział kodem ${status}.`,
      },
      reasons: {
        unspecified: 'nieokreślony',
        keyCompromise: 'ujawnienie klucza prywatnego',
        cACompromise: 'ujawnienie klucza wystawcy',
        affiliationChanged: 'zmiana danych',
        superseded: 'zastąpiony innym certyfikatem',
        cessationOfOperation: 'zaprzestanie używania',
        certificateHold: 'zawieszenie',
        removeFromCRL: 'zdjęcie z listy',
        privilegeWithdrawn: 'cofnięcie uprawnień',
        aACompromise: 'ujawnienie klucza urzędu atrybutów',
      },
    },
    caBadge: 'Certyfikat CA (wystawcy): nie porównujemy go z kluczem',
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
    } satisfies Record<KsefPurpose, string>,
    notKsef: 'To nie jest certyfikat KSeF',
    notKsefKinds: {
      'qualified-signature': 'kwalifikowany certyfikat podpisu elektronicznego',
      'qualified-seal': 'kwalifikowany certyfikat pieczęci elektronicznej',
      qualified: 'certyfikat kwalifikowany',
      'certificate-authority': 'certyfikat urzędu certyfikacji',
      'self-signed': 'samopodpisana tożsamość testowa (KSeF przyjmuje ją tylko na TEST i w lokalnej piaskownicy)',
      encryption: 'certyfikat klucza do szyfrowania (jak klucze publiczne Ministerstwa Finansów dla KSeF)',
      other: 'nie wystawił go urząd certyfikacji KSeF',
    } satisfies Record<NotKsefKind, string>,
    environments: {
      prod: 'Produkcyjne KSeF',
      demo: 'DEMO (środowisko przedprodukcyjne KSeF)',
      test: 'TEST (środowisko testowe KSeF)',
      'test-or-demo': 'TEST albo DEMO (ten sam urząd certyfikacji, TEST CCK KSeF, wystawia dla obu)',
      sandbox: 'Lokalna piaskownica (nie KSeF)',
      unknown:
        'Nieznane – wystawca nie jest urzędem certyfikacji KSeF (TEST CCK KSeF, CCK KSeF), a certyfikat nie wskazuje środowiska',
    } satisfies Record<CertificateEnvironment, string>,
    testOrDemoHint:
      'Przy logowaniu wybierz najpierw KSeF TEST. Jeśli KSeF odrzuci tam ten certyfikat, należy on do KSeF DEMO: zaloguj się nim na DEMO.',
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
  },
  rules: {
    met: 'spełnione',
    unmet: 'niespełnione',
  },
  newPassword: {
    rulesHeading: 'Hasło musi:',
    rules: {
      length: 'mieć od 15 do 32 znaków',
      'allowed-characters': 'składać się tylko z liter bez polskich znaków, cyfr i znaków !@#$%^&*()-_=+',
      lowercase: 'zawierać małą literę',
      uppercase: 'zawierać wielką literę',
      digit: 'zawierać cyfrę',
      special: 'zawierać jeden ze znaków !@#$%^&*()-_=+',
    } satisfies Record<KeyPasswordRule, string>,
    invalid: (rule: string) => `Hasło musi ${rule}.`,
    confirmMismatch: 'Hasła się różnią. Wpisz to samo hasło dwa razy.',
  },
  pfx: {
    heading: 'Plik PFX (klucz i certyfikat razem)',
    keyPasswordIntro:
      'Niektóre programy przyjmują jeden plik PFX z kluczem i certyfikatem. Podaj hasło klucza: otworzy zapisany klucz i to samo hasło zabezpieczy plik PFX.',
    newPasswordIntro:
      'Plik PFX będzie zawierał klucz prywatny zaszyfrowany tym hasłem (AES-256). Zapamiętaj je – bez niego pliku nie otworzysz.',
    keyPassword: 'Hasło klucza (zabezpieczy też plik PFX)',
    newPassword: 'Hasło do pliku PFX',
    confirm: 'Powtórz hasło',
    passwordRequired: 'Podaj hasło.',
    submit: 'Zapisz plik PFX',
    cancel: 'Anuluj',
    exporting: 'Tworzę plik PFX…',
    saved: (name: string) => `Zapisano plik ${name}.`,
    failed: 'Nie udało się utworzyć pliku PFX.',
  },
  authTest: {
    heading: 'Sprawdź, czy KSeF przyjmie ten certyfikat',
    intro:
      'Aplikacja zaloguje się do KSeF tym certyfikatem i kluczem (podpis powstaje w przeglądarce, klucz jej nie opuszcza), pokaże, kogo KSeF rozpoznał, i od razu zakończy tę sesję.',
    button: 'Sprawdź logowanie tym certyfikatem',
    nip: 'NIP kontekstu (firmy), w imieniu której się logujesz',
    environment: 'Środowisko KSeF',
    environmentHint: 'Certyfikaty TEST i DEMO wystawia ten sam urząd: wybierz środowisko, w którym go uzyskano.',
    running: 'Sprawdzam logowanie…',
    signedIn: (subject: string, nip: string) =>
      `KSeF przyjął logowanie: ${subject}, kontekst NIP ${nip}; sesja zakończona.`,
    alreadyEnded: (subject: string, nip: string) =>
      `KSeF przyjął logowanie: ${subject}, kontekst NIP ${nip}; sesja była już zakończona.`,
    reference: (reference: string) => `Numer referencyjny logowania: ${reference}`,
    notYetValid: (when: string) =>
      `Ten certyfikat zaczyna obowiązywać ${when} (czas tego komputera). Wcześniej KSeF odrzuci logowanie nim, więc nic nie zostało wysłane. Spróbuj po tej chwili; zegar KSeF może się różnić o kilka minut, więc jeśli KSeF odmówi tuż po niej, odczekaj chwilę.`,
    offline:
      'To certyfikat Offline: nie służy do logowania w KSeF. Podpisuje się nim kod KOD II na fakturach wystawionych offline. Do logowania potrzebny jest certyfikat uwierzytelniający.',
    failed: 'KSeF nie przyjął logowania tym certyfikatem.',
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
    'public-key-not-private-key':
      'To jest klucz publiczny; do sprawdzenia potrzebny jest klucz prywatny (.key) utworzony razem z nim. Klucz publiczny niczego nie podpisze ani nie otworzy.',
    'openssh-private-key':
      'To jest klucz OpenSSH (taki, jaki zapisuje ssh-keygen). Przekształć go na miejscu do PKCS#8 – dla pliku o nazwie key: ssh-keygen -p -m PKCS8 -f key',
    'java-keystore':
      'To jest magazyn kluczy Javy (JKS). Przekształć go w plik PFX narzędziem keytool (zapyta o oba hasła), a potem wybierz store.p12: keytool -importkeystore -srckeystore store.jks -destkeystore store.p12 -deststoretype PKCS12',
    'password-required': 'Plik jest chroniony hasłem. Wpisz hasło, aby go otworzyć.',
    'wrong-password': 'Hasło nie pasuje do tego pliku klucza. Sprawdź wielkość liter i spróbuj ponownie.',
    'corrupt-file': 'Plik jest uszkodzony albo niekompletny. Pobierz go ponownie lub użyj kopii zapasowej.',
    'iterations-too-many': `Hasło tego pliku jest przetwarzane ponad 600 000 razy (iteracje) – więcej, niż zapisuje jakikolwiek znany program, a otwarcie go zajęłoby przeglądarce bardzo długo. Zapisz plik ponownie z mniejszą liczbą iteracji (100 000 wystarczy). Plik PFX (potem usuń plik klucz.pem, zawiera klucz bez hasła): ${PFX_FEWER_ITERATIONS}; plik .key: ${KEY_FEWER_ITERATIONS}`,
    'unsupported-encryption': `Ten plik zaszyfrowano metodą, której nie obsługujemy (na przykład RC4 albo scrypt). Przekonwertuj klucz poleceniem: ${PEM_CONVERT}`,
    'legacy-pem-encryption': `Klucz zapisano w starym formacie OpenSSL (nagłówek „Proc-Type: 4,ENCRYPTED”). Przekonwertuj go poleceniem: ${PEM_CONVERT}`,
    'legacy-pfx-encryption': `Plik PFX zaszyfrowano algorytmem, którego nie obsługujemy (na przykład RC4). Przekonwertuj go poleceniem poniżej, a potem usuń plik klucz.pem (zawiera klucz bez hasła): ${PFX_CONVERT}`,
    'unsupported-key-type':
      'Ten rodzaj klucza (na przykład DSA albo Ed25519) nie jest obsługiwany. KSeF przyjmuje klucze RSA i EC P-256.',
    'unsupported-curve':
      'Klucz EC używa krzywej, której nie obsługujemy. Obsługiwane są P-256, P-384 i P-521; KSeF wydaje certyfikaty dla P-256.',
    'not-a-crl': 'To nie jest lista unieważnionych certyfikatów (CRL).',
    'crl-too-large': 'Lista unieważnionych certyfikatów ma ponad 4 MB, więcej niż ta aplikacja odczytuje.',
    'pfx-without-key': 'Plik PFX nie zawiera klucza prywatnego. Dodaj osobno plik .key albo wybierz inny plik PFX.',
    'pfx-without-certificate': 'Plik PFX nie zawiera certyfikatu. Dodaj osobno plik .crt.',
    'invalid-enrollment-data':
      'Dane do wniosku otrzymane z KSeF są niepełne (na przykład brak nazwy). Spróbuj ponownie za chwilę.',
    'invalid-argument':
      'Podana wartość jest nieprawidłowa (na przykład hasło nie spełnia wymagań). Popraw ją i spróbuj ponownie.',
    'invalid-nip':
      'NIP jest nieprawidłowy: powinien mieć 10 cyfr z poprawną cyfrą kontrolną. Sprawdź, czy nie ma literówki.',
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
    'signature-multiple':
      'Plik zawiera więcej niż jeden podpis, a KSeF przyjmuje dokładnie jeden. Podpisz ponownie plik pobrany z aplikacji.',
    'signature-detached':
      'Podpis nie obejmuje treści pliku (podpis zewnętrzny). W programie do podpisu wybierz format XAdES otaczany (enveloped), aby podpis znalazł się w pliku XML.',
    'challenge-mismatch':
      'Podpisany plik pochodzi z innej próby logowania. Pobierz plik ponownie w tym kroku, podpisz go i wybierz tutaj.',
    'challenge-expired':
      'Od pobrania pliku do podpisu minęło ponad 10 minut i KSeF już go nie przyjmie. Pobierz nowy plik, podpisz go i wybierz ponownie.',
    'signature-digest-mismatch':
      'Plik został zmieniony po podpisaniu (np. przeformatowany lub zapisany w edytorze tekstu), więc KSeF odrzuci podpis. Otwórz go ponownie w programie do podpisu i podpisz plik pobrany z tej strony, bez edytowania go.',
    'signature-value-invalid':
      'Podpis nie zgadza się z podpisanymi danymi: plik został zmieniony po podpisaniu albo podpis jest uszkodzony. Otwórz go ponownie w programie do podpisu i podpisz plik pobrany z tej strony, bez edytowania go.',
    'signature-certificate-missing':
      'Podpis nie zawiera certyfikatu podpisującego, więc nie da się go zweryfikować. W programie do podpisu wybierz dołączanie certyfikatu do podpisu (KeyInfo) i podpisz ponownie plik pobrany z tej strony.',
    'signer-certificate-mismatch':
      'Klucz prywatny nie pasuje do certyfikatu, więc podpis nie byłby ważny. Wybierz certyfikat wydany dla tego klucza.',
    'ec-parameters-too-large':
      'Plik zawiera parametry krzywej EC, punkt albo klucz dłuższe, niż pozwala którakolwiek obsługiwana krzywa (P-256, P-384, P-521), więc nie jest to poprawny klucz. Użyj oryginalnego pliku .key albo kopii zapasowej.',
    'rsa-modulus-too-large':
      'Klucz RSA w pliku jest większy niż 16384 bity (albo ma nietypowo długi wykładnik publiczny); takiego klucza nie obsłuży żadna przeglądarka. Użyj klucza RSA 2048 albo EC P-256.',
    'der-nesting-too-deep':
      'Struktura pliku jest zagnieżdżona głębiej, niż zdarza się w prawdziwych kluczach i certyfikatach, więc plik jest uszkodzony albo nie jest kluczem ani certyfikatem. Wybierz oryginalny plik albo kopię zapasową.',
    'xml-nesting-too-deep':
      'Podpisany plik ma elementy XML zagnieżdżone głębiej, niż zdarza się w pliku logowania, więc nie jest to plik pobrany z tej strony. Podpisz ponownie plik pobrany w tym kroku, bez edytowania go.',
    'file-read-timed-out':
      'Odczyt tego pliku trwał zbyt długo, więc został przerwany; nic poza nim nie ucierpiało. Klucz lub certyfikat otwiera się w sekundę lub dwie: sprawdź, czy wybrano właściwy plik. Jeśli to właściwy plik, spróbuj ponownie na mniej obciążonym komputerze albo użyj kopii zapasowej.',
    'file-read-cancelled': 'Odczyt pliku został zatrzymany. Odczytaj go ponownie albo wybierz plik jeszcze raz.',
  } satisfies Record<CryptoErrorCode, string>,
  signInErrors: {
    'offline-certificate':
      'To jest certyfikat offline, który służy tylko do podpisywania faktur wystawianych offline. KSeF nie pozwala się nim zalogować. Wybierz certyfikat uwierzytelniający („uwierzytelnienie”).',
    'certificate-expired':
      'Ten certyfikat wygasł, więc KSeF go nie przyjmie. Zaloguj się innym certyfikatem albo podpisem kwalifikowanym.',
    'key-certificate-mismatch':
      'Klucz prywatny nie pasuje do tego certyfikatu. Wybierz plik .key zapisany przy składaniu wniosku o ten certyfikat.',
    'test-identity-not-allowed':
      'To środowisko KSeF nie przyjmuje certyfikatów testowych (samopodpisanych). Zaloguj się certyfikatem KSeF albo podpisem kwalifikowanym.',
    'certificate-missing':
      'Brakuje certyfikatu. Dodaj plik .crt wydany dla tego klucza albo wybierz plik PFX z kluczem i certyfikatem.',
    'context-required': 'Podaj NIP firmy, w której imieniu chcesz się zalogować.',
  } satisfies Record<SignInErrorCode, string>,
  fileErrors: {
    'file-too-large':
      'Plik ma ponad 10 MB, więc nie jest kluczem ani certyfikatem (te mają zwykle kilka kilobajtów). Nie otworzyliśmy go.',
    'file-unreadable': 'Nie udało się odczytać pliku. Sprawdź, czy nadal istnieje na dysku, i wybierz go ponownie.',
  } satisfies Record<ReadFileErrorCode, string>,
  identifiers: {
    nip: {
      empty: 'Wpisz NIP: 10 cyfr.',
      characters: (characters: string) =>
        `NIP składa się z samych cyfr; usuń: ${characters}. Kreski i spacje możesz zostawić.`,
      length: (digits: number) =>
        `NIP ma 10 cyfr, a wpisano ${digits} ${plural('pl', digits, { one: 'cyfrę', few: 'cyfry', many: 'cyfr', other: 'cyfry' })}. Sprawdź, czy żadnej nie brakuje i żadna się nie powtórzyła.`,
      'office-code':
        'NIP nie zaczyna się od 0 ani nie ma zer jednocześnie na drugim i trzecim miejscu. Sprawdź początek numeru.',
      checksum:
        'Ostatnia cyfra (kontrolna) nie zgadza się z pozostałymi, więc w tym NIP jest literówka. Porównaj go z dokumentem firmy.',
    },
    pesel: {
      empty: 'Wpisz PESEL: 11 cyfr.',
      characters: (characters: string) =>
        `PESEL składa się z samych cyfr; usuń: ${characters}. Kreski i spacje możesz zostawić.`,
      length: (digits: number) =>
        `PESEL ma 11 cyfr, a wpisano ${digits} ${plural('pl', digits, { one: 'cyfrę', few: 'cyfry', many: 'cyfr', other: 'cyfry' })}. Sprawdź, czy żadnej nie brakuje i żadna się nie powtórzyła.`,
      'birth-date':
        'Pierwsze sześć cyfr PESEL to data urodzenia (RRMMDD, miesiąc +20 dla urodzonych od 2000 roku), a tu nie tworzą prawdziwej daty. Sprawdź początek numeru.',
      checksum:
        'Ostatnia cyfra (kontrolna) nie zgadza się z pozostałymi, więc w tym PESEL jest literówka. Porównaj go z dokumentem.',
    },
    exampleNip: 'Wstaw przykładowy NIP',
    examplePesel: 'Wstaw przykładowy PESEL',
    nipExampleNote:
      'W piaskownicy i na KSeF TEST działa każdy NIP z poprawną cyfrą kontrolną – nie musi należeć do prawdziwej firmy.',
    peselExampleNote:
      'W piaskownicy i na KSeF TEST działa każdy PESEL z poprawną datą i cyfrą kontrolną – nie musi należeć do prawdziwej osoby.',
  },
  fileReading: {
    progress: (name: string) => `Czytam ${name}… Duży lub mocno zabezpieczony plik może się otwierać kilka sekund.`,
    stop: (name: string) => `Zatrzymaj odczyt pliku ${name}`,
    stopShort: 'Zatrzymaj',
    notRead: 'Nie odczytano: odczyt zatrzymano',
    readAgain: (name: string) => `Odczytaj ponownie plik ${name}`,
    readAgainShort: 'Odczytaj ponownie',
  },
  apply: {
    title: 'Wniosek o certyfikat KSeF',
    intro:
      'Przeprowadzimy Cię przez wniosek o certyfikat KSeF krok po kroku. Klucz prywatny powstaje w tej przeglądarce i nigdy jej nie opuszcza: do KSeF trafia tylko wniosek z kluczem publicznym.',
    homeDescription:
      'Złóż wniosek o certyfikat uwierzytelniający albo offline. Klucz prywatny powstaje i zostaje w Twojej przeglądarce; zapiszesz go w pliku chronionym hasłem.',
    progressLabel: 'Postęp wniosku',
    stepOf: (n: number, total: number) => `Krok ${n} z ${total}`,
    stepDone: 'ukończony',
    backTo: (name: string) => `Wstecz: ${name}`,
    steps: {
      environment: 'Środowisko',
      'sign-in': 'Logowanie',
      data: 'Twoje dane i limity',
      details: 'Dane certyfikatu',
      key: 'Klucz i hasło',
      review: 'Sprawdzenie i wysłanie',
      result: 'Certyfikat',
    },
    next: 'Dalej',
    startOver: 'Zacznij od nowa',
    signInAgain: 'Zaloguj się ponownie',
    rulesHeading: 'Wymagania:',
    chooseFile: 'Wybierz plik',
    noFileChosen: 'Nie wybrano pliku',
    problemHeading: 'Nie udało się',
    technicalDetails: 'Szczegóły techniczne od KSeF (oryginalny tekst, bez tłumaczenia)',
    retryAfter: (seconds: number) => `Spróbuj ponownie za ${seconds} s.`,
    rateLimitWait: (seconds: number) =>
      `KSeF ogranicza liczbę zapytań. Czekam ${seconds} s i ponawiam sam; nic nie musisz robić.`,
    otherEnvironment: 'Wybierz inne środowisko',
    resume: {
      heading: 'Zapisane wnioski',
      intro:
        'W tej przeglądarce zapisujemy tylko dane jawne wniosku (bez klucza, hasła i tokenów). Jeśli karta zamknęła się podczas oczekiwania, wróć do wniosku: zalogujesz się ponownie, a potem otworzysz zapisany plik .key.',
      reference: 'Numer referencyjny',
      created: 'Złożony',
      status: 'Stan',
      statuses: {
        submitted: 'wysłany',
        issued: 'wydany',
        downloaded: 'wydany i pobrany',
        failed: 'odrzucony',
      } satisfies Record<ApplicationStatus, string>,
      continue: (name: string) => `Kontynuuj wniosek „${name}”`,
      continueShort: 'Kontynuuj',
      downloadAgain: (name: string) => `Pobierz ponownie certyfikat „${name}”`,
      downloadAgainShort: 'Pobierz ponownie',
      remove: (name: string) => `Usuń wniosek „${name}” z tej listy`,
      removeShort: 'Usuń z listy',
      removeTitle: (name: string) => `Usunąć wniosek „${name}” z listy?`,
      removeBody: 'Zniknie tylko wpis w tej przeglądarce; potem nie da się tu kontynuować tego wniosku.',
      removeKeeps: (keyFile: string) =>
        `Zostają: plik klucza ${keyFile} i certyfikat .crt, jeśli go pobrano, na Twoim dysku, a wniosek i wydany certyfikat w KSeF. Certyfikat pozostaje ważny; unieważnisz go w Aplikacji Podatnika KSeF.`,
      removeConfirm: 'Usuń z listy',
      removeCancel: 'Zostaw',
      removed: (name: string) => `Usunięto z listy wniosek „${name}”.`,
      continuing: (name: string) => `Kontynuujesz wniosek „${name}”. Zaloguj się tak jak przy jego składaniu.`,
      lookingUp: 'Sprawdzam w KSeF stan wniosku i certyfikat…',
      keyHeading: 'Otwórz zapisany klucz',
      keyIntro: (fileName: string) =>
        `Certyfikat jest gotowy. Wybierz plik ${fileName} zapisany przy składaniu wniosku i podaj jego hasło.`,
      keyFile: 'Plik klucza (.key)',
      keyPassword: 'Hasło klucza',
      open: 'Otwórz klucz i pobierz certyfikat',
    },
    restored: {
      signInAgain:
        'Strona została przeładowana. Wpisane dane zostały zachowane, ale sesja KSeF i klucz w pamięci przepadły: zaloguj się ponownie, aby kontynuować wniosek.',
      keyHeading: 'Otwórz klucz zapisany przed przeładowaniem',
      keyIntro: (fileName: string) =>
        `Przed przeładowaniem strony zapisano plik ${fileName}. Wybierz go i podaj hasło, aby kontynuować z tym kluczem, albo utwórz nowy klucz.`,
      keyOpen: 'Otwórz zapisany klucz',
      newKey: 'Utwórz nowy klucz zamiast tego',
    },
    environment: {
      heading: 'Środowisko i kontekst',
      intro:
        'Wybierz, w którym środowisku KSeF chcesz uzyskać certyfikat, i podaj NIP firmy, w której imieniu działasz.',
      legend: 'Środowisko KSeF',
      names: { sandbox: 'Lokalna piaskownica', test: 'KSeF TEST', demo: 'KSeF DEMO', prod: 'KSeF produkcja' },
      explanations: {
        sandbox: 'Działa na tym komputerze, nic nie wychodzi poza niego. Dobre do wypróbowania aplikacji.',
        test: 'Środowisko testowe Ministerstwa. Dane są wspólne i publiczne: nie wpisuj prawdziwych danych.',
        demo: 'Środowisko przedprodukcyjne Ministerstwa, na Twoich prawdziwych danych, bez skutków prawnych.',
        prod: 'Prawdziwy KSeF. Certyfikat będzie ważny i skuteczny prawnie.',
      },
      recommended: '(domyślne)',
      nip: 'NIP kontekstu (firmy)',
      nipHint: '10 cyfr; kreski i spacje możesz zostawić.',
      submit: 'Dalej: logowanie',
    },
    signIn: {
      heading: 'Logowanie do KSeF',
      intro: (environment: string) => `Zaloguj się do środowiska ${environment}. Wybierz sposób logowania:`,
      legend: 'Sposób logowania',
      methods: {
        'ksef-certificate': 'Certyfikat KSeF',
        external: 'Podpis zewnętrzny',
        'test-identity': 'Tożsamość testowa',
      },
      methodHints: {
        'ksef-certificate':
          'Masz już certyfikat uwierzytelniający KSeF: wybierz plik .key i .crt (albo jeden plik .pfx) i podaj hasło. Plik jest otwierany tylko w przeglądarce.',
        external:
          'Pobierzesz plik AuthTokenRequest.xml, podpiszesz go podpisem kwalifikowanym, pieczęcią kwalifikowaną albo profilem zaufanym w swoim programie i wgrasz podpisany plik.',
        'test-identity':
          'Tylko piaskownica i TEST: przeglądarka tworzy jednorazowy certyfikat samopodpisany dla osoby albo pieczęci firmy.',
      },
      keyFile: 'Plik klucza (.key albo .pfx)',
      certificateFile: 'Plik certyfikatu (.crt), jeśli klucz jest w pliku .key',
      password: 'Hasło pliku klucza',
      fileRequired: 'Wybierz plik.',
      passwordRequired: 'Podaj hasło.',
      submitCertificate: 'Zaloguj się certyfikatem',
      externalStep1: '1. Pobierz plik do podpisu',
      download: 'Pobierz AuthTokenRequest.xml',
      downloadAgain: 'Pobierz nowy plik',
      challengeValid: (time: string) => `Plik jest ważny 10 minut, do godziny ${time}. Po tym czasie pobierz nowy.`,
      externalStep2: '2. Podpisz go w swoim programie (XAdES otaczany, bez zmian w treści)',
      externalStep3: '3. Wgraj podpisany plik',
      signedFile: 'Podpisany plik XML',
      submitSigned: 'Zaloguj się podpisanym plikiem',
      identityLegend: 'Dla kogo tożsamość testowa',
      identityKinds: { seal: 'Pieczęć firmy (NIP)', person: 'Osoba (NIP albo PESEL)' },
      organizationName: 'Nazwa firmy',
      givenName: 'Imię',
      surname: 'Nazwisko',
      identityNip: 'NIP',
      pesel: 'PESEL (zamiast NIP)',
      personIdHint: 'Podaj NIP albo PESEL, nie oba.',
      nameRequired: 'Uzupełnij to pole.',
      personIdRequired: 'Podaj NIP albo PESEL (jedno z dwóch).',
      submitIdentity: 'Utwórz tożsamość i zaloguj się',
      notAllowed: 'Tożsamość testowa jest dostępna tylko w piaskownicy i w środowisku TEST.',
      progress: {
        challenge: 'Pobieram wyzwanie z KSeF…',
        signing: 'Podpisuję wniosek o logowanie w przeglądarce…',
        submitting: 'Wysyłam podpisany wniosek do KSeF…',
        verifying: (attempt: number) => `KSeF sprawdza podpis (sprawdzenie ${attempt})…`,
        redeeming: 'Podpis przyjęty, odbieram dostęp…',
      },
      done: (subject: string) => sentence(`Zalogowano jako ${subject}`),
      failed: 'Logowanie nie powiodło się.',
    },
    data: {
      heading: 'Twoje dane i limity',
      intro: 'Te dane KSeF wpisze do certyfikatu. Nie można ich zmienić: pochodzą z Twojego logowania.',
      loading: 'Pobieram z KSeF dane do certyfikatu i limity…',
      attributesHeading: 'Dane w certyfikacie',
      attributes: {
        commonName: 'Nazwa (CN)',
        givenName: 'Imię',
        surname: 'Nazwisko',
        organizationName: 'Organizacja',
        organizationIdentifier: 'Identyfikator organizacji',
        countryName: 'Kraj',
        serialNumber: 'Numer seryjny (identyfikator)',
        uniqueIdentifier: 'Identyfikator unikalny',
      },
      limitsHeading: 'Limity',
      enrollmentLimit: (remaining: number, limit: number) => `Wnioski: zostało ${remaining} z ${limit}`,
      certificateLimit: (remaining: number, limit: number) => `Aktywne certyfikaty: zostało ${remaining} z ${limit}`,
      canRequest: 'Możesz złożyć wniosek.',
      cannotRequest:
        'KSeF nie przyjmie teraz kolejnego wniosku: limit wniosków albo aktywnych certyfikatów został wyczerpany. Unieważnij niepotrzebny certyfikat w Aplikacji Podatnika KSeF albo spróbuj później.',
      saveIdentityHeading: 'Zapisz tożsamość testową (nieobowiązkowe)',
      saveIdentityIntro:
        'Możesz zapisać klucz i certyfikat tożsamości testowej, aby zalogować się nimi ponownie. Klucz zaszyfrujemy hasłem, które wtedy podasz.',
      saveIdentityPassword: 'Hasło pliku klucza',
      saveIdentityConfirm: 'Powtórz hasło',
      saveIdentity: 'Zapisz tożsamość testową',
      saveIdentitySubmit: 'Zapisz pliki .key i .crt',
      next: 'Dalej: dane certyfikatu',
      retry: 'Pobierz dane ponownie',
    },
    details: {
      heading: 'Dane certyfikatu',
      name: 'Nazwa certyfikatu',
      nameHint: 'Pomoże Ci rozpoznać certyfikat na liście w KSeF, np. „Program księgowy 2025”.',
      nameRules: {
        length: 'od 5 do 100 znaków',
        'allowed-characters': 'tylko litery (także polskie), cyfry, spacja, _ i -',
      },
      nameLength: (length: number) => `Nazwa musi mieć od 5 do 100 znaków, a ma ${length}.`,
      nameCharacters: (characters: string) =>
        `Nazwa zawiera niedozwolone znaki: ${characters}. Dozwolone są tylko litery (także polskie), cyfry, spacja, _ i -.`,
      purposeLegend: 'Rodzaj certyfikatu',
      purposes: {
        Authentication: 'Uwierzytelnianie (typ 1)',
        Offline: 'Offline (typ 2)',
      },
      purposeHints: {
        Authentication: 'Do logowania się do KSeF z programu (np. programu księgowego albo integracji).',
        Offline:
          'Do podpisywania linku weryfikacyjnego (kodu QR) na fakturach wystawianych offline. Nie służy do logowania.',
      },
      validFrom: 'Ważny od',
      validFromHint: 'Dziś albo później.',
      validFromInvalid: 'Data nie może być wcześniejsza niż dzisiejsza.',
      keyLegend: 'Rodzaj klucza',
      keyTypes: { 'EC-P256': 'EC P-256 (zalecany)', 'RSA-2048': 'RSA 2048' },
      keyHints: {
        'EC-P256': 'Krótszy klucz, szybsze podpisy; obsługiwany przez KSeF i nowe programy.',
        'RSA-2048': 'Dla programów, które nie obsługują kluczy EC.',
      },
      submit: 'Dalej: klucz i hasło',
      changeTitle: 'Zmienić dane certyfikatu?',
      changeBody: (fileName: string) =>
        `Klucz do tego wniosku już powstał i jest zapisany w pliku ${fileName}. Po zmianie nazwy, rodzaju certyfikatu albo rodzaju klucza ten klucz nie zostanie użyty.`,
      changeKeeps: (fileName: string) =>
        `Plik ${fileName} zostaje na Twoim dysku (możesz go usunąć). W następnym kroku powstanie nowy klucz i zapiszesz go w nowym pliku .key z nowym hasłem.`,
      changeConfirm: 'Zmień i utwórz nowy klucz',
      changeCancel: 'Nie zmieniaj',
    },
    key: {
      heading: 'Klucz i hasło',
      intro:
        'Teraz przeglądarka utworzy Twój klucz prywatny i zapisze go w pliku zaszyfrowanym hasłem. Do KSeF trafi tylko klucz publiczny.',
      warning:
        'Ani klucza, ani hasła nie da się odzyskać. Nikt – ani my, ani Ministerstwo – nie ma ich kopii. Bez pliku .key i hasła certyfikat będzie bezużyteczny.',
      password: 'Hasło klucza',
      confirm: 'Powtórz hasło',
      generate: 'Utwórz klucz i zapisz plik',
      generating: 'Tworzę klucz i wniosek…',
      saved: (name: string) => `Zapisano ${name}. Sprawdź, gdzie przeglądarka zapisała plik.`,
      proveHeading: 'Potwierdź zapis klucza',
      proveIntro: (name: string) =>
        `Wybierz z dysku zapisany plik ${name} i podaj hasło. Sprawdzimy, że plik się otwiera i zawiera ten sam klucz. Bez tego nie przejdziesz dalej.`,
      proveFile: 'Zapisany plik klucza',
      provePassword: 'Hasło klucza',
      prove: 'Sprawdź plik',
      proving: 'Sprawdzam plik…',
      proven: (name: string) => `Plik ${name} otwiera się Twoim hasłem i zawiera ten klucz.`,
      proveFailed: 'Ten plik nie potwierdza zapisu.',
      saveAgain: 'Zapisz plik ponownie',
      stored: 'Hasło jest zapisane w bezpiecznym miejscu (np. w menedżerze haseł)',
      storedRequired: 'Potwierdź, że hasło jest zapisane.',
      notProven: 'Przejdziesz dalej, gdy potwierdzisz zapis pliku klucza.',
      next: 'Dalej: sprawdzenie',
    },
    review: {
      heading: 'Sprawdzenie i wysłanie',
      intro: 'Sprawdziliśmy wniosek (CSR) tak, jak sprawdzi go KSeF. Wysyłany jest tylko klucz publiczny.',
      summaryHeading: 'Wniosek',
      checksHeading: 'Sprawdzenie wniosku',
      checks: {
        signature: 'Podpis wniosku jest poprawny',
        'signature-algorithm': 'Algorytm podpisu jest akceptowany przez KSeF',
        'key-type': 'Rodzaj klucza: EC P-256 albo RSA 2048',
        'one-attribute-per-rdn': 'Dane podmiotu zapisane tak jak w oficjalnych programach',
        attribute: (name: string) => `${name}: zgodne z danymi z KSeF`,
        unexpected: (name: string) => `Nadmiarowy atrybut: ${name}`,
      },
      checksFailed: 'Wniosek ma błąd i KSeF by go odrzucił. Zacznij od nowa albo zgłoś problem.',
      submit: 'Wyślij wniosek do KSeF',
      submitting: 'Wysyłam wniosek…',
      polling: (attempt: number) => `KSeF przetwarza wniosek (sprawdzenie ${attempt})…`,
      reference: (reference: string) => `Numer referencyjny: ${reference}`,
      issued: 'Certyfikat wydany. Pobieram go…',
      failed: 'KSeF nie wydał certyfikatu.',
      notSent: 'Wniosku nie wysłano.',
      retry: 'Spróbuj ponownie',
      notRetryable: 'Ponowienie nic tu nie zmieni. Popraw przyczynę i zacznij od nowa.',
      maybeReceived:
        'KSeF mógł przyjąć wniosek, choć nie zdążył odpowiedzieć. „Spróbuj ponownie” najpierw sprawdzi w KSeF, czy certyfikat dla tego klucza już jest, więc wniosek nie zostanie złożony dwa razy.',
    },
    result: {
      heading: 'Twój certyfikat',
      retrieving: 'Pobieram certyfikat i sprawdzam, czy pasuje do klucza…',
      pairs: 'Certyfikat pasuje do Twojego klucza',
      pairsDetail: {
        Authentication: 'Zapisz certyfikat obok pliku klucza. Razem pozwalają programowi logować się do KSeF.',
        Offline:
          'Zapisz certyfikat obok pliku klucza. Razem służą do podpisywania linku weryfikacyjnego (kodu QR) na fakturach wystawianych offline; nie służą do logowania.',
      },
      noPair: 'Certyfikat nie pasuje do Twojego klucza',
      failed: 'Nie udało się pobrać certyfikatu.',
      retry: 'Spróbuj ponownie',
      downloadCertificate: (name: string) => `Zapisz ${name}`,
      downloadCertificateAgain: (name: string) => `Zapisz ${name} ponownie`,
      certificateSaved: (name: string) => `Zapisano ${name}. Sprawdź, gdzie przeglądarka zapisała plik.`,
      certificateNotSaved: (name: string) =>
        `Przeglądarka nie zapisała pliku ${name}. Zapisz go przyciskiem poniżej, zanim się wylogujesz.`,
      source: {
        saved: (name: string) => `Pobrany z KSeF, zapisany jako ${name}`,
        notSaved: 'Pobrany z KSeF, jeszcze niezapisany',
      },
      saved: (name: string) => `Zapisano ${name}.`,
      reminder: 'Dodaj przypomnienie do kalendarza (.ics)',
      reminderIntro: 'Przypomnienie 30 i 7 dni przed wygaśnięciem certyfikatu.',
      reminder30: (name: string) => `Certyfikat KSeF „${name}” wygasa za 30 dni`,
      reminder7: (name: string) => `Certyfikat KSeF „${name}” wygasa za 7 dni`,
      reminderDescription: 'Złóż wniosek o nowy certyfikat w ksef-cert, zanim obecny wygaśnie.',
      summaryHeading: 'Podsumowanie do wydruku',
      print: 'Drukuj podsumowanie',
      summary: {
        owner: 'Właściciel',
        purpose: 'Rodzaj',
        environment: 'Środowisko',
        serial: 'Numer seryjny',
        validity: 'Ważność',
        keyType: 'Klucz',
        files: 'Pliki',
        reference: 'Numer referencyjny',
      },
      signOutHeading: 'Zakończ',
      signOutIntro:
        'Wylogowanie kończy sesję w KSeF i usuwa klucz z pamięci przeglądarki. Zapisane pliki zostają na dysku.',
      signOut: 'Wyloguj i usuń klucz z pamięci',
      unsaved: {
        title: 'Wylogować się bez zapisanych plików?',
        certificate: (name: string) =>
          `Certyfikat ${name} nie został zapisany. Po wylogowaniu pobierzesz go ponownie z listy zapisanych wniosków (zaloguj się i otwórz plik klucza).`,
        pfx: (name: string) =>
          `Nie zapisano pliku PFX (${name}). Jest opcjonalny; po wylogowaniu kreator go nie utworzy, ale zrobi to sprawdzarka z plików .key i .crt.`,
        confirm: 'Wyloguj mimo to',
        cancel: 'Zostań i zapisz',
      },
    },
  },
  certificates: {
    title: 'Moje certyfikaty',
    fromResult: 'Wszystkie Twoje certyfikaty: pobierz ponownie, unieważnij',
    navLink: 'Moje certyfikaty',
  },
  offlineLink: {
    title: 'Kody QR faktury offline',
    navLink: 'Kody QR offline',
  },
  certificatesErrors: {
    'key-mismatch':
      'Ten plik zawiera inny klucz niż ten, dla którego wydano certyfikat. Wskaż plik .key zapisany przy tym wniosku.',
    'nothing-selected': 'Najpierw zaznacz co najmniej jeden certyfikat na liście.',
    'wrong-step': 'Najpierw zaloguj się i pobierz certyfikat.',
    'session-expired': 'Sesja KSeF wygasła. Zaloguj się ponownie.',
  } satisfies Record<CertificatesProblemCode, string>,
  applyErrors: {
    'cannot-request':
      'KSeF nie przyjmie teraz kolejnego wniosku: limit wniosków albo aktywnych certyfikatów został wyczerpany. Unieważnij niepotrzebny certyfikat w Aplikacji Podatnika KSeF albo spróbuj później.',
    'limit-reached':
      'Osiągnięto limit wniosków albo aktywnych certyfikatów. Unieważnij niepotrzebny certyfikat w Aplikacji Podatnika KSeF albo poczekaj, aż limit się odnowi.',
    'key-file-mismatch':
      'Ten plik zawiera inny klucz niż właśnie utworzony. Wybierz plik zapisany w tym kroku albo zapisz go ponownie.',
    'key-not-saved': 'Najpierw potwierdź zapis pliku klucza i zaznacz, że hasło jest zapisane.',
    'preflight-failed': 'Wniosek ma błąd i KSeF by go odrzucił. Zacznij od nowa.',
    'application-not-found':
      'Nie znaleźliśmy tego wniosku ani certyfikatu w KSeF. Mógł wygasnąć (KSeF pamięta wnioski 30 dni). Złóż nowy wniosek.',
    'pair-mismatch':
      'Certyfikat z KSeF nie pasuje do klucza w pamięci. Nie używaj go; złóż nowy wniosek i zgłoś problem.',
    'wrong-step': 'Ten krok wymaga wcześniejszego. Wróć i uzupełnij poprzednie kroki.',
    'session-expired': 'Sesja w KSeF wygasła. Zaloguj się ponownie; Twój wniosek zostanie odnaleziony.',
    unexpected: 'Coś poszło nie tak. Odśwież stronę i spróbuj ponownie.',
  } satisfies Record<ApplyProblemCode, string>,
  ksefErrors: {
    network: 'Brak połączenia z KSeF. Sprawdź internet i spróbuj ponownie.',
    offline:
      'Brak połączenia z siecią – sprawdź internet. Niczego nie wysłano; klucz i wpisane dane zostają w tej karcie. Spróbuj ponownie, gdy połączenie wróci.',
    timeout: 'KSeF nie odpowiedział na czas. Spróbuj ponownie za chwilę.',
    aborted: 'Przerwano.',
    'rate-limited': 'KSeF ogranicza liczbę zapytań. Odczekaj chwilę i spróbuj ponownie.',
    'upstream-unreachable':
      'Nie można teraz połączyć się z KSeF. Nic nie zostało zmienione, a Twoje dane i klucz są zachowane. Spróbuj ponownie za chwilę.',
    'upstream-timeout': 'KSeF nie odpowiedział na czas. Twoje dane i klucz są zachowane. Spróbuj ponownie za chwilę.',
    'environment-unavailable':
      'Ten serwer nie udostępnia wybranego środowiska KSeF (np. lokalnej piaskownicy). Wybierz inne środowisko.',
    'relay-refused':
      'Serwer aplikacji odrzucił to żądanie, zanim trafiło do KSeF (błąd konfiguracji serwera). Nic nie wysłano do KSeF. Zgłoś problem osobie, która prowadzi ten serwer.',
    'relay-busy':
      'Serwer aplikacji przekazuje już naraz wiele zapytań z Twojego adresu sieciowego, więc wstrzymał to. Nic nie wysłano do KSeF. Odczekaj chwilę i spróbuj ponownie.',
    unauthorized: 'Sesja w KSeF wygasła albo jest nieważna. Zaloguj się ponownie.',
    forbidden: 'KSeF odmówił dostępu: brak uprawnień w tym kontekście albo niedozwolony sposób logowania.',
    gone: 'KSeF już nie przechowuje tej operacji (wygasła). Zacznij od nowa.',
    'bad-request': 'KSeF odrzucił żądanie jako nieprawidłowe. Sprawdź dane i spróbuj ponownie.',
    'server-error': 'Błąd po stronie KSeF. Spróbuj ponownie za kilka minut.',
    'unexpected-status': 'KSeF odpowiedział w nieoczekiwany sposób. Spróbuj ponownie później.',
    'invalid-response': 'Odpowiedź KSeF jest niezgodna ze specyfikacją. Spróbuj ponownie później.',
    'invalid-request': 'Podana wartość jest nieprawidłowa; nic nie wysłano. Popraw ją.',
    'challenge-invalid': 'Wyzwanie logowania wygasło albo zostało już użyte. Zacznij logowanie od nowa.',
    'signature-invalid': 'KSeF odrzucił podpis. Podpisz plik ponownie, bez zmian w treści, podpisem XAdES otaczanym.',
    'certificate-invalid': 'KSeF uznał certyfikat podpisu za nieważny. Użyj innego certyfikatu.',
    'subject-identifier-invalid':
      'Identyfikator w certyfikacie nie pasuje do rodzaju kontekstu. Sprawdź NIP kontekstu.',
    'tokens-already-redeemed': 'Tę sesję już odebrano. Zaloguj się ponownie.',
    'operation-not-found': 'KSeF nie zna tej operacji logowania. Zaloguj się ponownie.',
    'xml-invalid': 'KSeF nie mógł odczytać podpisanego pliku. Pobierz nowy plik, podpisz go raz i wgraj bez zmian.',
    'input-validation': 'KSeF odrzucił dane wniosku. Sprawdź je i spróbuj ponownie.',
    'enrollment-not-allowed':
      'Tym sposobem logowania nie można wnioskować o certyfikat (np. tokenem KSeF). Zaloguj się certyfikatem albo podpisem kwalifikowanym.',
    'csr-data-mismatch': 'Dane we wniosku różnią się od danych z KSeF. Zacznij od nowa.',
    'csr-invalid': 'KSeF uznał wniosek (CSR) za uszkodzony. Zacznij od nowa.',
    'enrollment-not-found': 'KSeF nie zna wniosku o tym numerze. Złóż nowy wniosek.',
    'enrollment-limit': 'Osiągnięto limit wniosków o certyfikat. Spróbuj później.',
    'certificate-limit':
      'Osiągnięto limit aktywnych certyfikatów. Unieważnij niepotrzebny certyfikat w Aplikacji Podatnika KSeF.',
    'certificate-not-found': 'KSeF nie zna certyfikatu o tym numerze seryjnym.',
    'certificate-already-revoked': 'Ten certyfikat jest już unieważniony albo zablokowany.',
    'key-type-invalid': 'KSeF przyjmuje tylko klucze EC P-256 i RSA 2048.',
    'csr-signature-algorithm-invalid': 'KSeF nie przyjmuje algorytmu podpisu wniosku. Zacznij od nowa.',
    'auth-no-permissions': 'Nie masz uprawnień w tym kontekście (NIP). Sprawdź NIP albo poproś o nadanie uprawnień.',
    'auth-revoked': 'Uwierzytelnienie zostało unieważnione. Zaloguj się ponownie.',
    'auth-bad-token': 'KSeF odrzucił wyzwanie albo token. Zacznij logowanie od nowa.',
    'auth-certificate-error':
      'KSeF odrzucił certyfikat podpisu (nieważny, niezaufany, unieważniony albo zawieszony). Użyj innego certyfikatu.',
    'auth-deceased-person': 'KSeF odmówił logowania: dane należą do osoby zmarłej.',
    'auth-blocked': 'Uwierzytelnianie zablokowano ze względów bezpieczeństwa. Skontaktuj się z KSeF.',
    'auth-unknown-error': 'Nieznany błąd logowania w KSeF. Spróbuj ponownie.',
    'auth-cancelled': 'KSeF anulował logowanie. Spróbuj ponownie.',
    'enrollment-rejected':
      'KSeF odrzucił wniosek (400), np. ten klucz ma już certyfikat. Zacznij od nowa z nowym kluczem.',
    'enrollment-unknown-error': 'Nieznany błąd KSeF przy wydawaniu certyfikatu (500). Spróbuj ponownie.',
    'enrollment-cancelled': 'KSeF anulował wniosek (550). Spróbuj ponownie: wniosek zostanie złożony jeszcze raz.',
  } satisfies Record<KsefErrorCode, string>,
};

/** The shape every catalog has. */
export type Messages = typeof pl;
