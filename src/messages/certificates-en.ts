import type { CertificatesMessages } from './certificates-pl';
import { plural } from './plural';

const days = (n: number) => `${n} ${plural('en', n, { one: 'day', other: 'days' })}`;

/** The certificates screen's English copy: the same keys and signatures as `certificates-pl.ts`. */
export const certificatesEn: CertificatesMessages = {
  intro:
    'The KSeF certificates issued to you: their status, validity and last use. Download one again, pair it with its saved .key into a PFX file, or revoke one you no longer need.',
  environmentHeading: 'Environment and context',
  environmentIntro:
    'Choose the environment your certificates are in. KSeF lists the certificates of the person or entity that signs in, whatever the context.',
  nipHint: 'The NIP you sign in for (10 digits). The list shows the certificates of who signs in, not of this NIP.',
  signInIntro: (environment: string, nip: string) =>
    `Sign in to KSeF (${environment}, context NIP ${nip}) in one of three ways, as in the application.`,
  changeEnvironment: 'Change the environment or NIP',
  sessionHeading: 'KSeF session',
  signedIn: (subject: string, environment: string) =>
    subject === '' ? `Signed in to ${environment}.` : `Signed in as ${subject} to ${environment}.`,
  signOut: 'Sign out',
  signOutFailed: 'The KSeF session could not be ended (this tab no longer holds it)',
  limitsHeading: 'Limits',
  enrollmentLimit: (remaining: number, limit: number) =>
    `You may submit ${remaining} more of ${limit} certificate applications.`,
  activeLimit: (remaining: number, limit: number) => `${remaining} more of ${limit} certificates may be active.`,
  cannotRequest: 'KSeF will not accept a new application now: the application or active-certificate limit is used up.',
  ownHeading: 'Applications made in this browser',
  ownNone: 'This browser has no saved applications for this environment.',
  serial: 'Serial',
  listHeading: 'Certificates',
  filters: {
    label: 'List filters',
    status: 'Status',
    any: 'Any',
    type: 'Type',
    name: 'Name contains',
    expiresBefore: 'Expires before',
    expiresBeforeHint: 'KSeF does not filter by this date: rows of the current page that expire later are hidden.',
    apply: 'Show',
    reset: 'Clear filters',
  },
  statusNames: { Active: 'Active', Blocked: 'Blocked', Revoked: 'Revoked', Expired: 'Expired' },
  statusSentences: {
    Active: 'Works: it can be used.',
    Blocked: 'Being revoked: it no longer works.',
    Revoked: 'Revoked for good: it does not work and cannot be restored.',
    Expired: 'Its validity has ended: it does not work. Apply for a new one.',
  },
  loading: 'Loading the list from KSeF…',
  pageEmpty: (page: number) => (page === 1 ? 'No certificates match the filters.' : `Page ${page} is empty.`),
  pageShown: (page: number, from: number, to: number) => `Page ${page}: certificates ${from} to ${to}.`,
  hiddenByExpiry: (n: number) =>
    `${n} ${plural('en', n, { one: 'certificate', other: 'certificates' })} of this page hidden by "expires before".`,
  listFailed: 'The list could not be loaded',
  tableLabel: 'Certificates table (scrolls sideways)',
  tableCaption: (page: number) => `Certificates, page ${page}, newest application first`,
  columns: {
    select: 'Select',
    name: 'Name, type, serial',
    status: 'Status',
    owner: 'Owner',
    validity: 'Validity',
    lastUse: 'Last used',
    actions: 'Actions',
  },
  paging: 'List pages',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageNumber: (page: number) => `Page ${page}`,
  selectRow: (name: string) => `Select certificate "${name}"`,
  unknown: 'unknown',
  expiringSoon: 'Expires within 30 days',
  daysLeft: (n: number) => (n <= 0 ? 'last day of validity' : `${days(n)} left`),
  neverUsed: 'no use recorded',
  downloadOne: 'Download',
  ownerTypes: { Nip: 'NIP', Pesel: 'PESEL', Fingerprint: 'Certificate fingerprint' },
  revoke: {
    button: 'Revoke',
    title: (name: string) => `Revoke certificate "${name}"?`,
    which: (name: string, serial: string) => `Certificate "${name}", serial number ${serial}.`,
    final: 'Revocation is final: the certificate cannot be restored.',
    offlineCodes:
      'If it is an Offline certificate: the verification codes (KOD II) printed on invoices issued offline stop verifying.',
    systemsStop: 'Software and systems that sign in to KSeF with it stop signing in.',
    limitNotBack: 'The certificate limit does not come back unless KSeF gives it back.',
    reasonLegend: 'Reason for revocation',
    reasons: {
      Superseded: 'Replaced by a new certificate',
      KeyCompromise: 'The private key may have fallen into the wrong hands',
      Unspecified: 'Another reason',
    },
    reasonHint: 'KSeF records the reason; it does not change what revocation does.',
    applyNow: 'After revoking, apply for a new certificate with a new key at once.',
    applyLink: 'Apply for a new certificate',
    confirm: 'Revoke the certificate',
    cancel: 'Do not revoke',
    done: (name: string) => `Certificate "${name}" revoked.`,
    failed: 'The certificate could not be revoked',
  },
  replace: {
    button: 'Replace with a new one',
    heading: 'Replacing the old certificate',
    intro: (name: string, serial: string) =>
      `This application replaces certificate "${name}" (serial ${serial}). Once you have checked that the new certificate works (e.g. your software signs in to KSeF with it), revoke the old one as "superseded".`,
    works: 'I checked: the new certificate works',
    revoke: (name: string) => `Revoke the old certificate "${name}"`,
    done: (name: string) => `The old certificate "${name}" is revoked (superseded).`,
    failed: 'The old certificate could not be revoked',
  },
  download: {
    heading: 'Download again',
    intro:
      'Select certificates in the list, or use "Download" in a row. Each is saved as a .crt file named as in the application (owner and serial number).',
    selected: (n: number) => (n === 0 ? 'Download selected' : `Download selected (${n})`),
    running: 'Downloading the certificates from KSeF…',
    failed: 'The certificates could not be downloaded',
  },
  pair: {
    heading: 'A PFX file with your saved key',
    intro:
      'Choose the .key file saved with the application and type its password. We check that the key belongs to the certificate and save a .pfx protected by the same password. The key and the password stay in this tab.',
    which: 'Certificate',
    keyFile: 'Key file (.key)',
    password: 'Key file password',
    submit: 'Check the key and save the PFX',
    failed: 'The PFX could not be saved',
  },
};
