import { plural } from './plural';

const days = (n: number) => `${n} ${plural('pl', n, { one: 'dzień', other: 'dni' })}`;

/**
 * The certificates screen's Polish copy. It travels with the screen's code, not with the first paint
 * of every route: the screen picks this or `certificates-en.ts` by the language chosen.
 */
export const certificatesPl = {
  intro:
    'Lista certyfikatów KSeF wydanych dla Ciebie: ich stan, ważność i ostatnie użycie. Możesz pobrać certyfikat ponownie, połączyć go z zapisanym plikiem .key w plik PFX albo unieważnić certyfikat, którego już nie potrzebujesz.',
  environmentHeading: 'Środowisko i kontekst',
  environmentIntro:
    'Wybierz środowisko, w którym masz certyfikaty. KSeF pokazuje certyfikaty osoby albo podmiotu, który się zaloguje, niezależnie od kontekstu.',
  nipHint: 'NIP, w którego imieniu się logujesz (10 cyfr). Lista obejmuje certyfikaty zalogowanego, nie tego NIP.',
  signInIntro: (environment: string, nip: string) =>
    `Zaloguj się do KSeF (${environment}, kontekst NIP ${nip}) jednym z trzech sposobów, tak jak we wniosku.`,
  changeEnvironment: 'Zmień środowisko albo NIP',
  sessionHeading: 'Sesja KSeF',
  signedIn: (subject: string, environment: string) =>
    subject === ''
      ? `Zalogowano w środowisku ${environment}.`
      : `Zalogowano jako ${subject} w środowisku ${environment}.`,
  signOut: 'Wyloguj',
  signOutFailed: 'Nie udało się zakończyć sesji w KSeF (w tej karcie już jej nie ma)',
  limitsHeading: 'Limity',
  enrollmentLimit: (remaining: number, limit: number) =>
    `Możesz złożyć jeszcze ${remaining} z ${limit} wniosków o certyfikat.`,
  activeLimit: (remaining: number, limit: number) => `Aktywnych może być jeszcze ${remaining} z ${limit} certyfikatów.`,
  cannotRequest: 'KSeF nie przyjmie teraz nowego wniosku: wyczerpano limit wniosków albo aktywnych certyfikatów.',
  ownHeading: 'Wnioski złożone w tej przeglądarce',
  ownNone: 'W tej przeglądarce nie ma zapisanych wniosków dla tego środowiska.',
  serial: 'Nr seryjny',
  listHeading: 'Certyfikaty',
  filters: {
    label: 'Filtry listy',
    status: 'Stan',
    any: 'Dowolny',
    type: 'Rodzaj',
    name: 'Nazwa zawiera',
    expiresBefore: 'Wygasa przed dniem',
    expiresBeforeHint: 'KSeF nie filtruje po tej dacie: ukrywamy wiersze bieżącej strony, które wygasają później.',
    apply: 'Pokaż',
    reset: 'Wyczyść filtry',
  },
  statusNames: { Active: 'Aktywny', Blocked: 'Zablokowany', Revoked: 'Unieważniony', Expired: 'Wygasły' },
  statusSentences: {
    Active: 'Działa: można go używać.',
    Blocked: 'W trakcie unieważniania: już nie działa.',
    Revoked: 'Unieważniony na stałe: nie działa i nie da się go przywrócić.',
    Expired: 'Minął jego termin ważności: nie działa. Złóż wniosek o nowy.',
  },
  loading: 'Wczytywanie listy z KSeF…',
  pageEmpty: (page: number) => (page === 1 ? 'Brak certyfikatów spełniających filtry.' : `Strona ${page} jest pusta.`),
  pageShown: (page: number, from: number, to: number) => `Strona ${page}: certyfikaty od ${from} do ${to}.`,
  hiddenByExpiry: (n: number) =>
    `${n} ${plural('pl', n, { one: 'certyfikat', few: 'certyfikaty', many: 'certyfikatów', other: 'certyfikatu' })} tej strony ukryto filtrem „wygasa przed”.`,
  listFailed: 'Nie udało się wczytać listy',
  tableLabel: 'Tabela certyfikatów (przewijana w poziomie)',
  tableCaption: (page: number) => `Certyfikaty, strona ${page}, od najnowszego wniosku`,
  columns: {
    select: 'Zaznacz',
    name: 'Nazwa, rodzaj, nr seryjny',
    status: 'Stan',
    owner: 'Właściciel',
    validity: 'Ważność',
    lastUse: 'Ostatnie użycie',
    actions: 'Działania',
  },
  paging: 'Strony listy',
  previousPage: 'Poprzednia strona',
  nextPage: 'Następna strona',
  pageNumber: (page: number) => `Strona ${page}`,
  selectRow: (name: string) => `Zaznacz certyfikat „${name}”`,
  unknown: 'nieznane',
  expiringSoon: 'Wygasa w ciągu 30 dni',
  daysLeft: (n: number) => (n <= 0 ? 'ostatni dzień ważności' : `zostało ${days(n)}`),
  neverUsed: 'brak danych o użyciu',
  downloadOne: 'Pobierz',
  ownerTypes: { Nip: 'NIP', Pesel: 'PESEL', Fingerprint: 'Odcisk certyfikatu' },
  revoke: {
    button: 'Unieważnij',
    title: (name: string) => `Unieważnić certyfikat „${name}”?`,
    which: (name: string, serial: string) => `Certyfikat „${name}”, numer seryjny ${serial}.`,
    final: 'Unieważnienie jest ostateczne: certyfikatu nie da się przywrócić.',
    offlineCodes:
      'Jeśli to certyfikat Offline: kody weryfikacyjne (KOD II) wydrukowane na fakturach wystawionych offline przestaną się weryfikować.',
    systemsStop: 'Programy i systemy, które logują się nim do KSeF, przestaną się logować.',
    limitNotBack: 'Limit certyfikatów nie wraca, jeśli KSeF go nie zwróci.',
    reasonLegend: 'Powód unieważnienia',
    reasons: {
      Superseded: 'Zastąpiony nowym certyfikatem',
      KeyCompromise: 'Klucz prywatny mógł wpaść w niepowołane ręce',
      Unspecified: 'Inny powód',
    },
    reasonHint: 'KSeF zapisuje powód; nie zmienia on skutków unieważnienia.',
    applyNow: 'Po unieważnieniu od razu złóż wniosek o nowy certyfikat z nowym kluczem.',
    applyLink: 'Złóż wniosek o nowy certyfikat',
    confirm: 'Unieważnij certyfikat',
    cancel: 'Nie unieważniaj',
    done: (name: string) => `Certyfikat „${name}” unieważniony.`,
    failed: 'Nie udało się unieważnić certyfikatu',
  },
  replace: {
    button: 'Zastąp nowym',
    heading: 'Zastąpienie starego certyfikatu',
    intro: (name: string, serial: string) =>
      `Ten wniosek zastępuje certyfikat „${name}” (nr seryjny ${serial}). Gdy sprawdzisz, że nowy certyfikat działa (np. program loguje się nim do KSeF), unieważnij stary z powodem „zastąpiony”.`,
    works: 'Sprawdziłem: nowy certyfikat działa',
    revoke: (name: string) => `Unieważnij stary certyfikat „${name}”`,
    done: (name: string) => `Stary certyfikat „${name}” unieważniony (zastąpiony).`,
    failed: 'Nie udało się unieważnić starego certyfikatu',
  },
  download: {
    heading: 'Pobierz ponownie',
    intro:
      'Zaznacz certyfikaty na liście albo użyj przycisku „Pobierz” w wierszu. Każdy zapisze się jako plik .crt nazwany jak we wniosku (właściciel i numer seryjny).',
    selected: (n: number) => (n === 0 ? 'Pobierz zaznaczone' : `Pobierz zaznaczone (${n})`),
    running: 'Pobieranie certyfikatów z KSeF…',
    failed: 'Nie udało się pobrać certyfikatów',
  },
  pair: {
    heading: 'Plik PFX z zapisanym kluczem',
    intro:
      'Wskaż plik .key zapisany przy wniosku i wpisz jego hasło. Sprawdzimy, czy klucz pasuje do certyfikatu, i zapiszemy plik .pfx chroniony tym samym hasłem. Klucz i hasło zostają w tej karcie.',
    which: 'Certyfikat',
    keyFile: 'Plik klucza (.key)',
    password: 'Hasło pliku klucza',
    submit: 'Sprawdź klucz i zapisz PFX',
    failed: 'Nie udało się zapisać PFX',
  },
};

/** The shape of the screen's catalogs. */
export type CertificatesMessages = typeof certificatesPl;
