import type { Messages } from './pl';
import { plural } from './plural';

const days = (n: number) => `${n} ${plural('en', n, { one: 'day', other: 'days' })}`;
const files = (n: number) => `${n} ${plural('en', n, { one: 'file', other: 'files' })}`;

const PEM_CONVERT = 'openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.key -out new.key';
const PFX_CONVERT = 'openssl pkcs12 -in old.pfx -nodes | openssl pkcs12 -export -out new.pfx';

/** The English catalog: the same keys and signatures as the Polish one (a missing key fails the build). */
export const en = {
  locale: 'en-GB',
  languageName: 'English',
  app: {
    name: 'ksef-cert',
    tagline: 'KSeF certificates, with the private key staying with you',
    skipLink: 'Skip to content',
    languageSwitch: 'App language',
    mainNavigation: 'Main navigation',
    home: 'Home',
    privacy:
      'Everything happens in this browser. No file leaves your device: keys, certificates and passwords are never sent or stored anywhere.',
    pageTitle: (page: string) => `${page} – ksef-cert`,
  },
  home: {
    title: 'KSeF certificates in your browser',
    intro: 'ksef-cert helps you work with KSeF 2.0 certificates without your private key ever leaving your browser.',
    checkLink: 'Check a key and certificate',
    checkDescription:
      'Check whether a key file (.key or PFX) belongs to a certificate (.crt), and see what the certificate is: its type, environment, owner and validity. Works without an internet connection.',
  },
  notFound: {
    title: 'Page not found',
    body: 'This address does not lead to any page of the app. Perhaps the link is incomplete?',
    homeLink: 'Go to the home page',
  },
  check: {
    title: 'Check a key and certificate',
    intro:
      'Open a private key file (.key or PFX/.p12) and a certificate (.crt). We check whether they form a pair and show what the certificate is.',
    offline: 'Files are read only in this browser. This page also works offline.',
    dropHeading: 'Files',
    dropPrompt: 'Drag the key file and the certificate here',
    dropOr: 'or',
    chooseFiles: 'Choose files from disk',
    dropHint: 'The type of a file is recognised by its content, not its name. Up to 10 MB per file.',
    filesHeading: 'Opened files',
    filesCount: files,
    fileKinds: {
      'encrypted-private-key': 'Encrypted private key',
      'private-key': 'Private key (no password)',
      certificate: 'Certificate',
      csr: 'Certificate signing request (CSR)',
      pkcs12: 'PFX file (key and certificate)',
    },
    fileReading: 'Reading…',
    fileLocked: 'password protected',
    fileUnlocked: 'opened',
    fileError: 'Error',
    certificateCount: (n: number) => `${n} ${plural('en', n, { one: 'certificate', other: 'certificates' })}`,
    remove: (name: string) => `Remove file ${name}`,
    removeShort: 'Remove',
    removeAll: 'Remove all files',
    password: {
      heading: 'Password',
      label: (name: string) => `Password for ${name}`,
      hint: 'The password is used only to open the file in this browser. It is not stored.',
      show: 'Show password',
      submit: 'Open and check',
      required: 'Enter the password of the file.',
    },
    guidance: {
      empty: 'Choose a key file and a certificate to start.',
      reading: 'Reading the files…',
      needsKey:
        'The private key is missing: the opened files are certificates. Add the key file (.key) or the PFX file saved with the certificate.',
      needsKeyCsr:
        'The private key is missing. A certificate signing request (CSR) holds no key – add the .key file saved with the request.',
      needsCertificate: 'The certificate is missing. Add the .crt file downloaded from KSeF for this key.',
      needsCertificateCsr:
        'The certificate is missing. A request (CSR) is not a certificate yet – you download the certificate (.crt) from KSeF once the request is processed.',
      severalKeys: 'More than one private key is open. Keep one key file (.key or PFX) and remove the others.',
      needsPassword: (name: string) => `${name} is password protected. Enter the password to open it.`,
    },
    verdict: {
      heading: 'Result',
      checking: 'Checking…',
      pairs: 'The key and the certificate form a pair',
      pairsDetail: 'The private key belongs to the certificate. You can use them together.',
      noPair: 'The key and the certificate do not form a pair',
      partial: (matching: number, total: number) => `The key matches ${matching} of ${total} certificates`,
      failed: 'Could not check',
      inFile: (name: string) => `File ${name}:`,
      unexpected: 'Something unexpected went wrong. Reload the page and try again; if that does not help, check that the files are complete.',
    },
    reasons: {
      'different-algorithm': 'The key and the certificate use different algorithms (for example an EC key and an RSA certificate).',
      'different-key': 'The certificate was issued for a different key. Look for the .key file saved together with this certificate.',
      'signature-mismatch':
        'A test signature made with this key does not verify with the public key in the certificate. The key file may be damaged.',
    },
    pairBadge: 'Matches the key',
    noPairBadge: 'Does not match the key',
  },
  certificate: {
    heading: (owner: string) => `Certificate: ${owner}`,
    headingNoOwner: 'Certificate without an owner name',
    fromFile: (name: string) => `from ${name}`,
    owner: 'Owner',
    purpose: 'Type',
    environment: 'Environment',
    serial: 'Serial number',
    validity: 'Validity',
    keyType: 'Key',
    subject: 'Subject',
    issuer: 'Issuer',
    selfSigned: 'Self-signed',
    fingerprint: 'SHA-256 fingerprint',
    yes: 'yes',
    no: 'no',
    noOwner: 'none (the certificate has no CN)',
    purposes: {
      Authentication: 'Authentication (type 1)',
      Offline: 'Offline (type 2)',
      'not-ksef': 'Not a KSeF certificate',
    },
    environments: {
      prod: 'KSeF production',
      test: 'TEST (KSeF test environment)',
      sandbox: 'Local sandbox (not KSeF)',
      unknown: 'Unknown issuer – not one of the KSeF certification authorities we recognise (TEST CCK KSeF, CCK KSeF)',
    },
    range: (from: string, to: string) => `from ${from} to ${to}`,
    validFor: (n: number) => `valid for ${days(n)} more`,
    expired: (n: number) => (n === 0 ? 'expired today' : `expired ${days(n)} ago`),
    notYetValid: 'not valid yet',
    otherKey: (oid: string) => `another algorithm (${oid})`,
  },
  save: {
    heading: 'Save the pair',
    intro: 'You can save the key and certificate together as a PFX file, or download the certificate alone.',
    exportPfx: 'Export PFX',
    downloadCertificate: 'Download certificate (.crt)',
    formHeading: 'Export to a PFX file',
    formIntro:
      'The PFX file will hold the private key encrypted with this password (AES-256). Remember it – without it the file cannot be opened.',
    password: 'PFX file password',
    confirm: 'Repeat the password',
    rulesHeading: 'The password must:',
    ruleMet: 'met',
    ruleUnmet: 'not met',
    rules: {
      length: 'be 15 to 32 characters long',
      'allowed-characters': 'use only letters without diacritics, digits and !@#$%^&*()-_=+',
      lowercase: 'contain a lowercase letter',
      uppercase: 'contain an uppercase letter',
      digit: 'contain a digit',
      special: 'contain one of !@#$%^&*()-_=+',
    },
    passwordInvalid: 'The password does not meet every rule in the list.',
    confirmMismatch: 'The passwords differ. Enter the same password twice.',
    submit: 'Save PFX file',
    cancel: 'Cancel',
    exporting: 'Creating the PFX file…',
    saved: (name: string) => `Saved ${name}.`,
    failed: 'Could not create the PFX file.',
  },
  cryptoErrors: {
    'empty-file': 'The file is empty (0 bytes). Choose the right file – perhaps saving it failed.',
    'unrecognized-file':
      'We do not recognise this file. We expect a private key (.key, .pem), a certificate (.crt, .cer) or a PFX file (.pfx, .p12).',
    'certificate-not-key': 'This is a certificate, not a private key. Choose the .key file.',
    'csr-not-key': 'This is a certificate signing request (CSR), not a private key. Choose the .key file.',
    'key-not-certificate': 'This is a private key, not a certificate. Choose the .crt file downloaded from KSeF.',
    'csr-not-certificate':
      'This is a certificate signing request (CSR), not a certificate. You download the certificate (.crt) from KSeF once the request is processed.',
    'password-required': 'The file is password protected. Enter the password to open it.',
    'wrong-password': 'The password does not open this key file. Check upper and lower case and try again.',
    'corrupt-file': 'The file is damaged or incomplete. Download it again or use a backup copy.',
    'unsupported-encryption': `This file is encrypted with a method browsers do not support (for example 3DES). Convert the key with: ${PEM_CONVERT}`,
    'legacy-pem-encryption': `The key is in the old OpenSSL format (a "Proc-Type: 4,ENCRYPTED" header). Convert it with: ${PEM_CONVERT}`,
    'legacy-pfx-encryption': `The PFX file is encrypted with an older algorithm (3DES or RC2) that browsers do not support. Convert it with: ${PFX_CONVERT} (with OpenSSL 3, add -legacy to the first command).`,
    'unsupported-key-type': 'This kind of key (for example DSA or Ed25519) is not supported. KSeF accepts RSA and EC P-256 keys.',
    'unsupported-curve':
      'The EC key uses a curve we do not support. P-256, P-384 and P-521 are supported; KSeF issues certificates for P-256.',
    'pfx-without-key': 'The PFX file holds no private key. Add the .key file separately or choose another PFX file.',
    'pfx-without-certificate': 'The PFX file holds no certificate. Add the .crt file separately.',
    'invalid-enrollment-data': 'The request data received from KSeF is incomplete (for example no name). Try again in a moment.',
    'invalid-argument': 'A value given is not valid (for example the password does not meet the rules). Correct it and try again.',
    'invalid-nip': 'The NIP is not valid: it has 10 digits with a correct check digit. Check it for typos.',
    'invalid-pesel': 'The PESEL is not valid: it has 11 digits with a correct birth date and check digit. Check it for typos.',
    'xml-malformed': 'The signed file is not well-formed XML (it may be truncated or changed after signing). Sign the file again.',
    'xml-not-utf8': 'The signed file is not UTF-8, which KSeF requires. Sign the file downloaded from the app again, without changing it.',
    'xml-dtd-forbidden':
      'The signed file contains a DOCTYPE declaration, which we refuse for security reasons. Sign the file downloaded from the app again, without changing it.',
    'not-auth-token-request': 'This is not a KSeF sign-in file (AuthTokenRequest). Sign the file downloaded in this step and choose it here.',
    'signature-missing': 'The file carries no signature. Sign it with a qualified signature, a qualified seal or a trusted signature (podpis zaufany), and choose the signed file.',
    'signature-multiple': 'The file carries more than one signature, and KSeF accepts exactly one. Sign the file downloaded from the app again.',
    'signature-detached':
      'The signature does not cover the content of the file (a detached signature). In your signing software choose enveloped XAdES, so the signature sits inside the XML file.',
    'challenge-mismatch': 'The signed file belongs to another sign-in attempt. Download the file again in this step, sign it and choose it here.',
    'challenge-expired':
      'More than 10 minutes have passed since the file was downloaded for signing, so KSeF no longer accepts it. Download a new file, sign it and choose it again.',
    'signer-certificate-mismatch':
      'The private key does not belong to the certificate, so the signature would not be valid. Choose the certificate issued for this key.',
  },
  signInErrors: {
    'offline-certificate':
      'This is an Offline certificate, which only signs invoices issued offline. KSeF does not accept it for signing in. Choose an Authentication certificate ("uwierzytelnienie").',
    'certificate-expired': 'This certificate has expired, so KSeF will not accept it. Sign in with another certificate or a qualified signature.',
    'key-certificate-mismatch': 'The private key does not belong to this certificate. Choose the .key file saved when you applied for this certificate.',
    'test-identity-not-allowed':
      'This KSeF environment does not accept test (self-signed) certificates. Sign in with a KSeF certificate or a qualified signature.',
    'certificate-missing': 'The certificate is missing. Add the .crt file issued for this key, or choose a PFX file holding both key and certificate.',
    'context-required': 'Enter the NIP of the company on whose behalf you want to sign in.',
  },
  fileErrors: {
    'file-too-large':
      'The file is larger than 10 MB, so it is not a key or a certificate (those are usually a few kilobytes). It was not opened.',
    'file-unreadable': 'The file could not be read. Check that it still exists on disk and choose it again.',
  },
} satisfies Messages;
