import type { CertificatesProblemCode } from '../problem/problem';
import type { Messages } from './pl';
import { plural } from './plural';
import { sentence } from './sentence';

const days = (n: number) => `${n} ${plural('en', n, { one: 'day', other: 'days' })}`;
const files = (n: number) => `${n} ${plural('en', n, { one: 'file', other: 'files' })}`;

const PEM_CONVERT = 'openssl pkcs8 -topk8 -provider legacy -provider default -v2 aes-256-cbc -in old.key -out new.key';
const PFX_CONVERT =
  'openssl pkcs12 -legacy -in old.pfx -nodes -out key.pem && openssl pkcs12 -export -in key.pem -out new.pfx';
const PFX_FEWER_ITERATIONS =
  'openssl pkcs12 -legacy -in old.pfx -nodes -out key.pem && openssl pkcs12 -export -iter 100000 -in key.pem -out new.pfx';
const KEY_FEWER_ITERATIONS =
  'openssl pkcs8 -topk8 -provider legacy -provider default -v2 aes-256-cbc -iter 100000 -in old.key -out new.key';

/** The English catalog: the same keys and signatures as the Polish one (a missing key fails the build). */
export const en = {
  locale: 'en-GB',
  app: {
    name: 'ksef-cert',
    tagline: 'KSeF certificates, with the private key staying with you',
    skipLink: 'Skip to content',
    languageSwitch: 'App language',
    mainNavigation: 'Main navigation',
    home: 'Home',
    pageLoading: 'Loading the page…',
    privacy:
      'The private key and its password never leave this browser. What goes to KSeF is the request with the public key and the sign-in signature.',
    pageTitle: (page: string) => `${page} – ksef-cert`,
  },
  home: {
    applyLink: 'Apply for a certificate',
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
      noPassword: 'Open without a password (the file was saved with an empty one)',
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
      notRead: (name: string) => `${name} was not read: reading it was stopped. Read it again or remove it.`,
      needsPassword: (name: string) => `${name} is password protected. Enter the password to open it.`,
    },
    verdict: {
      heading: 'Result',
      checking: 'Checking…',
      pairs: 'The key and the certificate form a pair',
      pairsDetail: 'The private key belongs to the certificate. You can use them together.',
      noPair: 'The key and the certificate do not form a pair',
      partial: (matching: number, total: number) => `The key matches ${matching} of ${total} certificates`,
      caIncluded: (n: number) =>
        `${n} CA ${plural('en', n, { one: 'certificate', other: 'certificates' })} included. A CA certificate belongs to the issuer, not to you, so it is not compared with the key.`,
      failed: 'Could not check',
      inFile: (name: string) => `File ${name}:`,
      unexpected:
        'Something unexpected went wrong. Reload the page and try again; if that does not help, check that the files are complete.',
    },
    reasons: {
      'different-algorithm':
        'The key and the certificate use different algorithms (for example an EC key and an RSA certificate).',
      'different-key':
        'The certificate was issued for a different key. Look for the .key file saved together with this certificate.',
      'signature-mismatch':
        'A test signature made with this key does not verify with the public key in the certificate. The key file may be damaged.',
    },
    pairBadge: 'Matches the key',
    noPairBadge: 'Does not match the key',
    revocation: {
      button: 'Check with KSeF whether it is revoked',
      sends:
        'Fetches KSeF’s public certificate revocation list (CRL) through this app’s server. Nothing from your files is sent.',
      running: 'Fetching and checking the certificate revocation list…',
      again: 'Check again',
      revoked: (date: string) => `The certificate is revoked (since ${date}).`,
      reason: (reason: string) => `Reason: ${reason}.`,
      notRevoked: (date: string) => `The certificate is not revoked according to KSeF’s list of ${date}.`,
      stale: (date: string) => `The list is out of date: KSeF was to issue the next one by ${date}.`,
      notYetValid: 'The list is dated in the future; check this computer’s clock.',
      signatures: {
        valid: 'The list’s signature was checked with the issuer’s certificate.',
        invalid: 'The list’s signature does not match the issuer’s certificate: do not trust this answer.',
        'wrong-issuer': 'The issuer certificate you opened did not issue this list: its signature was not checked.',
        'unsupported-algorithm': 'The list is signed with an algorithm we do not check: its signature was not checked.',
        'no-issuer-certificate':
          'The list’s signature cannot be checked: the issuer’s certificate is missing. Open it together with this certificate to check it.',
      },
      failed: 'The check could not be made.',
      failures: {
        offline: 'This app’s server cannot be reached.',
        'ksef-unreachable': 'KSeF is not answering; try again later.',
        'not-found': 'This server does not offer this environment’s list, or KSeF does not have it.',
        status: (status: number) => `The server answered with status ${status}.`,
      },
      reasons: {
        unspecified: 'unspecified',
        keyCompromise: 'private key compromised',
        cACompromise: 'issuer’s key compromised',
        affiliationChanged: 'details changed',
        superseded: 'superseded by another certificate',
        cessationOfOperation: 'no longer used',
        certificateHold: 'on hold',
        removeFromCRL: 'removed from the list',
        privilegeWithdrawn: 'privileges withdrawn',
        aACompromise: 'attribute authority’s key compromised',
      },
    },
    caBadge: 'CA certificate (the issuer’s): not compared with the key',
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
    },
    notKsef: 'Not a KSeF certificate',
    notKsefKinds: {
      'qualified-signature': 'qualified certificate for electronic signatures',
      'qualified-seal': 'qualified certificate for electronic seals',
      qualified: 'qualified certificate',
      'certificate-authority': 'certification authority certificate',
      'self-signed': 'self-signed test identity (KSeF accepts it only on TEST and in the local sandbox)',
      encryption: 'encryption key certificate (like the Ministry of Finance’s KSeF public keys)',
      other: 'no KSeF certification authority issued it',
    },
    environments: {
      prod: 'KSeF production',
      demo: 'DEMO (KSeF pre-production environment)',
      test: 'TEST (KSeF test environment)',
      'test-or-demo': 'TEST or DEMO (the same certification authority, TEST CCK KSeF, issues for both)',
      sandbox: 'Local sandbox (not KSeF)',
      unknown:
        'Unknown – the issuer is not a KSeF certification authority (TEST CCK KSeF, CCK KSeF) and the certificate does not name an environment',
    },
    testOrDemoHint:
      'When signing in, choose KSeF TEST first. If KSeF refuses the certificate there, it belongs to KSeF DEMO: sign in with it on DEMO.',
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
  },
  rules: {
    met: 'met',
    unmet: 'not met',
  },
  newPassword: {
    rulesHeading: 'The password must:',
    rules: {
      length: 'be 15 to 32 characters long',
      'allowed-characters': 'use only letters without diacritics, digits and !@#$%^&*()-_=+',
      lowercase: 'contain a lowercase letter',
      uppercase: 'contain an uppercase letter',
      digit: 'contain a digit',
      special: 'contain one of !@#$%^&*()-_=+',
    },
    invalid: (rule: string) => `The password must ${rule}.`,
    confirmMismatch: 'The passwords differ. Enter the same password twice.',
  },
  pfx: {
    heading: 'PFX file (key and certificate together)',
    keyPasswordIntro:
      'Some software takes a single PFX file with the key and the certificate. Enter the key password: it opens the saved key, and the same password protects the PFX file.',
    newPasswordIntro:
      'The PFX file will hold the private key encrypted with this password (AES-256). Remember it – without it the file cannot be opened.',
    keyPassword: 'Key password (protects the PFX file too)',
    newPassword: 'PFX file password',
    confirm: 'Repeat the password',
    passwordRequired: 'Enter the password.',
    submit: 'Save PFX file',
    cancel: 'Cancel',
    exporting: 'Creating the PFX file…',
    saved: (name: string) => `Saved ${name}.`,
    failed: 'Could not create the PFX file.',
  },
  authTest: {
    heading: 'Check that KSeF accepts this certificate',
    intro:
      'The app signs in to KSeF with this certificate and key (the signature is made in the browser; the key does not leave it), shows whom KSeF recognised, and ends that session at once.',
    button: 'Test signing in with this certificate',
    nip: 'Context NIP (the company you sign in for)',
    environment: 'KSeF environment',
    environmentHint:
      'TEST and DEMO certificates come from the same authority: choose the environment it was issued in.',
    running: 'Testing the sign-in…',
    signedIn: (subject: string, nip: string) =>
      `KSeF accepted the sign-in: ${subject}, context NIP ${nip}; session ended.`,
    alreadyEnded: (subject: string, nip: string) =>
      `KSeF accepted the sign-in: ${subject}, context NIP ${nip}; the session had already ended.`,
    reference: (reference: string) => `Sign-in reference number: ${reference}`,
    notYetValid: (when: string) =>
      `This certificate becomes valid on ${when} (this computer's time). Until then KSeF refuses to sign in with it, so nothing was sent. Try again after that time; KSeF's clock can differ by a few minutes, so if KSeF refuses just after it, wait a little.`,
    offline:
      'This is an Offline certificate: it does not sign in to KSeF. It signs the KOD II code on invoices issued offline. Signing in needs an Authentication certificate.',
    failed: 'KSeF did not accept signing in with this certificate.',
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
    'public-key-not-private-key':
      'This is a public key; the checker needs the private key (.key) that was created with it. A public key cannot sign or open anything.',
    'openssh-private-key':
      'This is an OpenSSH key (as ssh-keygen writes it). Convert it in place to PKCS#8 – for a file named key: ssh-keygen -p -m PKCS8 -f key',
    'java-keystore':
      'This is a Java keystore (JKS). Convert it to a PFX file with keytool (it asks for both passwords), then choose store.p12: keytool -importkeystore -srckeystore store.jks -destkeystore store.p12 -deststoretype PKCS12',
    'password-required': 'The file is password protected. Enter the password to open it.',
    'wrong-password': 'The password does not open this key file. Check upper and lower case and try again.',
    'corrupt-file': 'The file is damaged or incomplete. Download it again or use a backup copy.',
    'iterations-too-many': `The password of this file is processed more than 600 000 times (iterations) – more than any known program writes, and opening it would keep the browser busy for very long. Save the file again with fewer iterations (100 000 is plenty). A PFX file (then delete key.pem, it holds the key without a password): ${PFX_FEWER_ITERATIONS}; a .key file: ${KEY_FEWER_ITERATIONS}`,
    'unsupported-encryption': `This file is encrypted with a method we do not support (for example RC4 or scrypt). Convert the key with: ${PEM_CONVERT}`,
    'legacy-pem-encryption': `The key is in the old OpenSSL format (a "Proc-Type: 4,ENCRYPTED" header). Convert it with: ${PEM_CONVERT}`,
    'legacy-pfx-encryption': `The PFX file is encrypted with an algorithm we do not support (for example RC4). Convert it with the command below, then delete key.pem (it holds the key without a password): ${PFX_CONVERT}`,
    'unsupported-key-type':
      'This kind of key (for example DSA or Ed25519) is not supported. KSeF accepts RSA and EC P-256 keys.',
    'unsupported-curve':
      'The EC key uses a curve we do not support. P-256, P-384 and P-521 are supported; KSeF issues certificates for P-256.',
    'not-a-crl': 'This is not a certificate revocation list (CRL).',
    'crl-too-large': 'The certificate revocation list is larger than 4 MB, more than this app reads.',
    'pfx-without-key': 'The PFX file holds no private key. Add the .key file separately or choose another PFX file.',
    'pfx-without-certificate': 'The PFX file holds no certificate. Add the .crt file separately.',
    'invalid-enrollment-data':
      'The request data received from KSeF is incomplete (for example no name). Try again in a moment.',
    'invalid-argument':
      'A value given is not valid (for example the password does not meet the rules). Correct it and try again.',
    'invalid-nip': 'The NIP is not valid: it has 10 digits with a correct check digit. Check it for typos.',
    'invalid-pesel':
      'The PESEL is not valid: it has 11 digits with a correct birth date and check digit. Check it for typos.',
    'xml-malformed':
      'The signed file is not well-formed XML (it may be truncated or changed after signing). Sign the file again.',
    'xml-not-utf8':
      'The signed file is not UTF-8, which KSeF requires. Sign the file downloaded from the app again, without changing it.',
    'xml-dtd-forbidden':
      'The signed file contains a DOCTYPE declaration, which we refuse for security reasons. Sign the file downloaded from the app again, without changing it.',
    'not-auth-token-request':
      'This is not a KSeF sign-in file (AuthTokenRequest). Sign the file downloaded in this step and choose it here.',
    'signature-missing':
      'The file carries no signature. Sign it with a qualified signature, a qualified seal or a trusted signature (podpis zaufany), and choose the signed file.',
    'signature-multiple':
      'The file carries more than one signature, and KSeF accepts exactly one. Sign the file downloaded from the app again.',
    'signature-detached':
      'The signature does not cover the content of the file (a detached signature). In your signing software choose enveloped XAdES, so the signature sits inside the XML file.',
    'challenge-mismatch':
      'The signed file belongs to another sign-in attempt. Download the file again in this step, sign it and choose it here.',
    'challenge-expired':
      'More than 10 minutes have passed since the file was downloaded for signing, so KSeF no longer accepts it. Download a new file, sign it and choose it again.',
    'signature-digest-mismatch':
      'The file was changed after signing (for example re-indented or edited in a text editor), so KSeF would reject the signature. Open it in the signing program again, and sign the file downloaded from this page, without editing it.',
    'signature-value-invalid':
      'The signature does not match the signed data: the file was changed after signing, or the signature is damaged. Open it in the signing program again, and sign the file downloaded from this page, without editing it.',
    'signature-certificate-missing':
      'The signature does not include the signer’s certificate, so it cannot be verified. In the signing program choose to include the certificate in the signature (KeyInfo), then sign the file downloaded from this page again.',
    'signer-certificate-mismatch':
      'The private key does not belong to the certificate, so the signature would not be valid. Choose the certificate issued for this key.',
    'ec-parameters-too-large':
      'The file holds EC curve parameters, a point or a key longer than any supported curve (P-256, P-384, P-521) allows, so it is not a valid key. Use the original .key file or a backup copy.',
    'rsa-modulus-too-large':
      'The RSA key in the file is larger than 16384 bits (or has an unusually long public exponent); no browser can use such a key. Use an RSA 2048 or EC P-256 key.',
    'der-nesting-too-deep':
      'The file’s structure is nested deeper than real keys and certificates ever are, so it is damaged or not a key or certificate. Choose the original file or a backup copy.',
    'xml-nesting-too-deep':
      'The signed file nests XML elements deeper than a sign-in file ever does, so it is not the file downloaded from this page. Sign the file downloaded in this step again, without editing it.',
    'file-read-timed-out':
      'Reading this file took too long, so it was stopped; nothing else was affected. A key or certificate opens in a second or two: check that you chose the right file. If it is the right file, try again on a less busy computer, or use a backup copy.',
    'file-read-cancelled': 'Reading the file was stopped. Read it again, or choose the file again.',
  },
  signInErrors: {
    'offline-certificate':
      'This is an Offline certificate, which only signs invoices issued offline. KSeF does not accept it for signing in. Choose an Authentication certificate ("uwierzytelnienie").',
    'certificate-expired':
      'This certificate has expired, so KSeF will not accept it. Sign in with another certificate or a qualified signature.',
    'key-certificate-mismatch':
      'The private key does not belong to this certificate. Choose the .key file saved when you applied for this certificate.',
    'test-identity-not-allowed':
      'This KSeF environment does not accept test (self-signed) certificates. Sign in with a KSeF certificate or a qualified signature.',
    'certificate-missing':
      'The certificate is missing. Add the .crt file issued for this key, or choose a PFX file holding both key and certificate.',
    'context-required': 'Enter the NIP of the company on whose behalf you want to sign in.',
  },
  fileErrors: {
    'file-too-large':
      'The file is larger than 10 MB, so it is not a key or a certificate (those are usually a few kilobytes). It was not opened.',
    'file-unreadable': 'The file could not be read. Check that it still exists on disk and choose it again.',
  },
  identifiers: {
    nip: {
      empty: 'Enter the NIP: 10 digits.',
      characters: (characters: string) => `A NIP is digits only; remove ${characters}. Dashes and spaces may stay.`,
      length: (digits: number) =>
        `A NIP has 10 digits; this one has ${digits}. Check that none is missing or repeated.`,
      'office-code': 'A NIP does not start with 0, nor has 0 as both its second and third digit. Check its beginning.',
      checksum:
        'The last digit (the check digit) does not agree with the others, so this NIP has a typo. Compare it with the company’s documents.',
    },
    pesel: {
      empty: 'Enter the PESEL: 11 digits.',
      characters: (characters: string) => `A PESEL is digits only; remove ${characters}. Dashes and spaces may stay.`,
      length: (digits: number) =>
        `A PESEL has 11 digits; this one has ${digits}. Check that none is missing or repeated.`,
      'birth-date':
        'The first six digits of a PESEL are the birth date (YYMMDD, month +20 for those born from 2000), and here they are no real date. Check its beginning.',
      checksum:
        'The last digit (the check digit) does not agree with the others, so this PESEL has a typo. Compare it with the document.',
    },
    exampleNip: 'Fill in an example NIP',
    examplePesel: 'Fill in an example PESEL',
    nipExampleNote:
      'In the sandbox and on KSeF TEST any NIP with a valid check digit works: it need not belong to a real company.',
    peselExampleNote:
      'In the sandbox and on KSeF TEST any PESEL with a valid date and check digit works: it need not belong to a real person.',
  },
  fileReading: {
    progress: (name: string) => `Reading ${name}… A large or strongly protected file can take a few seconds.`,
    stop: (name: string) => `Stop reading ${name}`,
    stopShort: 'Stop',
    notRead: 'Not read: reading was stopped',
    readAgain: (name: string) => `Read ${name} again`,
    readAgainShort: 'Read again',
  },
  apply: {
    title: 'Apply for a KSeF certificate',
    intro:
      'We guide you through the KSeF certificate application step by step. The private key is made in this browser and never leaves it: KSeF receives only the request with the public key.',
    homeDescription:
      'Apply for an Authentication or Offline certificate. The private key is made and stays in your browser; you save it in a password-protected file.',
    progressLabel: 'Application progress',
    stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
    stepDone: 'done',
    backTo: (name: string) => `Back: ${name}`,
    steps: {
      environment: 'Environment',
      'sign-in': 'Sign in',
      data: 'Your data and limits',
      details: 'Certificate details',
      key: 'Key and password',
      review: 'Review and submit',
      result: 'Certificate',
    },
    next: 'Next',
    startOver: 'Start over',
    signInAgain: 'Sign in again',
    rulesHeading: 'Requirements:',
    chooseFile: 'Choose file',
    noFileChosen: 'No file chosen',
    problemHeading: 'That did not work',
    technicalDetails: 'Technical details from KSeF (original text, not translated)',
    retryAfter: (seconds: number) => `Try again in ${seconds} s.`,
    rateLimitWait: (seconds: number) =>
      `KSeF is limiting requests. Waiting ${seconds} s, then trying again on my own; nothing for you to do.`,
    otherEnvironment: 'Choose another environment',
    resume: {
      heading: 'Saved applications',
      intro:
        'This browser keeps only the public data of an application (no key, password or tokens). If the tab closed while waiting, continue the application: sign in again, then open the saved .key file.',
      reference: 'Reference number',
      created: 'Submitted',
      status: 'Status',
      statuses: { submitted: 'submitted', issued: 'issued', downloaded: 'issued and downloaded', failed: 'rejected' },
      continue: (name: string) => `Continue application “${name}”`,
      continueShort: 'Continue',
      downloadAgain: (name: string) => `Download the certificate “${name}” again`,
      downloadAgainShort: 'Download again',
      remove: (name: string) => `Remove application “${name}” from this list`,
      removeShort: 'Remove from list',
      removeTitle: (name: string) => `Remove application “${name}” from the list?`,
      removeBody: 'Only the entry in this browser goes; the application can then no longer be continued here.',
      removeKeeps: (keyFile: string) =>
        `What remains: the key file ${keyFile}, and the .crt if you downloaded it, on your disk; the application and any issued certificate in KSeF. The certificate stays valid; revoke it in the KSeF Taxpayer Application.`,
      removeConfirm: 'Remove from list',
      removeCancel: 'Keep it',
      removed: (name: string) => `Removed application “${name}” from the list.`,
      continuing: (name: string) =>
        `You are continuing the application “${name}”. Sign in the way you did when you submitted it.`,
      lookingUp: 'Looking up the application and the certificate in KSeF…',
      keyHeading: 'Open the saved key',
      keyIntro: (fileName: string) =>
        `The certificate is ready. Choose the file ${fileName} saved with the application and enter its password.`,
      keyFile: 'Key file (.key)',
      keyPassword: 'Key password',
      open: 'Open the key and get the certificate',
    },
    restored: {
      signInAgain:
        'The page was reloaded. What you entered is kept, but the KSeF session and the key in memory are gone: sign in again to continue the application.',
      keyHeading: 'Open the key saved before the reload',
      keyIntro: (fileName: string) =>
        `Before the page was reloaded, ${fileName} was saved. Choose it and enter its password to continue with that key, or make a new key.`,
      keyOpen: 'Open the saved key',
      newKey: 'Make a new key instead',
    },
    environment: {
      heading: 'Environment and context',
      intro: 'Choose the KSeF environment to get the certificate in, and enter the NIP of the company you act for.',
      legend: 'KSeF environment',
      names: { sandbox: 'Local sandbox', test: 'KSeF TEST', demo: 'KSeF DEMO', prod: 'KSeF production' },
      explanations: {
        sandbox: 'Runs on this computer; nothing leaves it. Good for trying the app.',
        test: 'The Ministry’s test environment. Its data is shared and public: do not enter real data.',
        demo: 'The Ministry’s pre-production environment, on your real data, without legal effect.',
        prod: 'The real KSeF. The certificate will be valid and legally effective.',
      },
      recommended: '(default)',
      nip: 'Context NIP (company)',
      nipHint: '10 digits; dashes and spaces may stay.',
      submit: 'Next: sign in',
    },
    signIn: {
      heading: 'Sign in to KSeF',
      intro: (environment: string) => `Sign in to ${environment}. Choose how:`,
      legend: 'Sign-in method',
      methods: {
        'ksef-certificate': 'KSeF certificate',
        external: 'External signature',
        'test-identity': 'Test identity',
      },
      methodHints: {
        'ksef-certificate':
          'You already have a KSeF Authentication certificate: choose the .key and .crt files (or one .pfx file) and enter the password. The file is opened in the browser only.',
        external:
          'Download AuthTokenRequest.xml, sign it with your qualified signature, qualified seal or trusted profile in your own software, and upload the signed file.',
        'test-identity':
          'Sandbox and TEST only: the browser makes a throwaway self-signed certificate for a person or a company seal.',
      },
      keyFile: 'Key file (.key or .pfx)',
      certificateFile: 'Certificate file (.crt), when the key is a .key file',
      password: 'Key file password',
      fileRequired: 'Choose a file.',
      passwordRequired: 'Enter the password.',
      submitCertificate: 'Sign in with the certificate',
      externalStep1: '1. Download the file to sign',
      download: 'Download AuthTokenRequest.xml',
      downloadAgain: 'Download a new file',
      challengeValid: (time: string) =>
        `The file is valid for 10 minutes, until ${time}. After that, download a new one.`,
      externalStep2: '2. Sign it in your software (enveloped XAdES, content unchanged)',
      externalStep3: '3. Upload the signed file',
      signedFile: 'Signed XML file',
      submitSigned: 'Sign in with the signed file',
      identityLegend: 'Whom the test identity stands for',
      identityKinds: { seal: 'Company seal (NIP)', person: 'Person (NIP or PESEL)' },
      organizationName: 'Company name',
      givenName: 'Given name',
      surname: 'Surname',
      identityNip: 'NIP',
      pesel: 'PESEL (instead of NIP)',
      personIdHint: 'Enter a NIP or a PESEL, not both.',
      nameRequired: 'Fill in this field.',
      personIdRequired: 'Enter a NIP or a PESEL (one of the two).',
      submitIdentity: 'Create the identity and sign in',
      notAllowed: 'A test identity is available only in the sandbox and on TEST.',
      progress: {
        challenge: 'Getting a challenge from KSeF…',
        signing: 'Signing the sign-in request in the browser…',
        submitting: 'Sending the signed request to KSeF…',
        verifying: (attempt: number) => `KSeF is checking the signature (check ${attempt})…`,
        redeeming: 'Signature accepted, getting access…',
      },
      done: (subject: string) => sentence(`Signed in as ${subject}`),
      failed: 'Signing in failed.',
    },
    data: {
      heading: 'Your data and limits',
      intro: 'KSeF writes this data into the certificate. It cannot be changed: it comes from your sign-in.',
      loading: 'Getting the certificate data and limits from KSeF…',
      attributesHeading: 'Data in the certificate',
      attributes: {
        commonName: 'Name (CN)',
        givenName: 'Given name',
        surname: 'Surname',
        organizationName: 'Organisation',
        organizationIdentifier: 'Organisation identifier',
        countryName: 'Country',
        serialNumber: 'Serial number (identifier)',
        uniqueIdentifier: 'Unique identifier',
      },
      limitsHeading: 'Limits',
      enrollmentLimit: (remaining: number, limit: number) => `Applications: ${remaining} of ${limit} left`,
      certificateLimit: (remaining: number, limit: number) => `Active certificates: ${remaining} of ${limit} left`,
      canRequest: 'You can apply.',
      cannotRequest:
        'KSeF will not accept another application now: the application or active-certificate limit is used up. Revoke a certificate you no longer need in the KSeF Taxpayer Application, or try later.',
      saveIdentityHeading: 'Save the test identity (optional)',
      saveIdentityIntro:
        'You can save the key and certificate of the test identity to sign in with them again. The key is encrypted with a password you choose then.',
      saveIdentityPassword: 'Key file password',
      saveIdentityConfirm: 'Repeat the password',
      saveIdentity: 'Save the test identity',
      saveIdentitySubmit: 'Save the .key and .crt files',
      next: 'Next: certificate details',
      retry: 'Load the data again',
    },
    details: {
      heading: 'Certificate details',
      name: 'Certificate name',
      nameHint: 'Helps you recognise the certificate in KSeF’s list, e.g. “Accounting software 2025”.',
      nameRules: {
        length: '5 to 100 characters',
        'allowed-characters': 'only letters (Polish ones too), digits, space, _ and -',
      },
      nameLength: (length: number) => `The name must have 5 to 100 characters; it has ${length}.`,
      nameCharacters: (characters: string) =>
        `The name contains characters that are not allowed: ${characters}. Only letters (Polish ones too), digits, space, _ and - are.`,
      purposeLegend: 'Certificate type',
      purposes: {
        Authentication: 'Authentication (type 1)',
        Offline: 'Offline (type 2)',
      },
      purposeHints: {
        Authentication: 'For signing in to KSeF from software (accounting software or an integration).',
        Offline: 'For signing the verification link (QR code) on invoices issued offline. It cannot sign in.',
      },
      validFrom: 'Valid from',
      validFromHint: 'Today or later.',
      validFromInvalid: 'The date cannot be earlier than today.',
      keyLegend: 'Key type',
      keyTypes: { 'EC-P256': 'EC P-256 (recommended)', 'RSA-2048': 'RSA 2048' },
      keyHints: {
        'EC-P256': 'Shorter key, faster signatures; supported by KSeF and current software.',
        'RSA-2048': 'For software that does not support EC keys.',
      },
      submit: 'Next: key and password',
      changeTitle: 'Change the certificate details?',
      changeBody: (fileName: string) =>
        `The key for this application was already made and saved as ${fileName}. With another name, certificate type or key type, that key will not be used.`,
      changeKeeps: (fileName: string) =>
        `${fileName} stays on your disk (you may delete it). In the next step a new key is made, and you save it as a new .key file with a new password.`,
      changeConfirm: 'Change and make a new key',
      changeCancel: 'Do not change',
    },
    key: {
      heading: 'Key and password',
      intro:
        'The browser now makes your private key and saves it in a file encrypted with your password. Only the public key goes to KSeF.',
      warning:
        'Neither the key nor the password can be recovered. Nobody – not us, not the Ministry – has a copy. Without the .key file and its password the certificate is useless.',
      password: 'Key password',
      confirm: 'Repeat the password',
      generate: 'Make the key and save the file',
      generating: 'Making the key and the request…',
      saved: (name: string) => `Saved ${name}. Check where the browser saved the file.`,
      proveHeading: 'Confirm the key is saved',
      proveIntro: (name: string) =>
        `Choose the saved file ${name} from disk and enter the password. We check that it opens and holds the same key. You cannot go on without this.`,
      proveFile: 'Saved key file',
      provePassword: 'Key password',
      prove: 'Check the file',
      proving: 'Checking the file…',
      proven: (name: string) => `${name} opens with your password and holds this key.`,
      proveFailed: 'This file does not confirm the save.',
      saveAgain: 'Save the file again',
      stored: 'The password is stored somewhere safe (e.g. a password manager)',
      storedRequired: 'Confirm that the password is stored.',
      notProven: 'You can go on once the key file is confirmed.',
      next: 'Next: review',
    },
    review: {
      heading: 'Review and submit',
      intro: 'We checked the request (CSR) the way KSeF will. Only the public key is sent.',
      summaryHeading: 'Application',
      checksHeading: 'Request check',
      checks: {
        signature: 'The request’s signature is valid',
        'signature-algorithm': 'KSeF accepts the signature algorithm',
        'key-type': 'Key type: EC P-256 or RSA 2048',
        'one-attribute-per-rdn': 'Subject written as the official software writes it',
        attribute: (name: string) => `${name}: equals KSeF’s data`,
        unexpected: (name: string) => `Unexpected attribute: ${name}`,
      },
      checksFailed: 'The request has an error and KSeF would reject it. Start over or report the problem.',
      submit: 'Submit the application to KSeF',
      submitting: 'Submitting the application…',
      polling: (attempt: number) => `KSeF is processing the application (check ${attempt})…`,
      reference: (reference: string) => `Reference number: ${reference}`,
      issued: 'Certificate issued. Getting it…',
      failed: 'KSeF did not issue the certificate.',
      notSent: 'The application was not sent.',
      retry: 'Try again',
      notRetryable: 'Trying again will not change this. Fix the cause and start over.',
      maybeReceived:
        'KSeF may have received the application although it did not answer in time. “Try again” first asks KSeF whether this key already has a certificate, so the application is never submitted twice.',
    },
    result: {
      heading: 'Your certificate',
      retrieving: 'Getting the certificate and checking it matches the key…',
      pairs: 'The certificate matches your key',
      pairsDetail: {
        Authentication: 'Save the certificate next to the key file. Together they let your software sign in to KSeF.',
        Offline:
          'Save the certificate next to the key file. Together they sign the verification link (QR code) on invoices issued offline; they do not sign you in.',
      },
      noPair: 'The certificate does not match your key',
      failed: 'Could not get the certificate.',
      retry: 'Try again',
      downloadCertificate: (name: string) => `Save ${name}`,
      downloadCertificateAgain: (name: string) => `Save ${name} again`,
      certificateSaved: (name: string) => `Saved ${name}. Check where the browser saved the file.`,
      certificateNotSaved: (name: string) =>
        `The browser did not save ${name}. Save it with the button below before you sign out.`,
      source: {
        saved: (name: string) => `Received from KSeF, saved as ${name}`,
        notSaved: 'Received from KSeF, not saved yet',
      },
      saved: (name: string) => `Saved ${name}.`,
      reminder: 'Add a calendar reminder (.ics)',
      reminderIntro: 'Reminders 30 and 7 days before the certificate expires.',
      reminder30: (name: string) => `KSeF certificate “${name}” expires in 30 days`,
      reminder7: (name: string) => `KSeF certificate “${name}” expires in 7 days`,
      reminderDescription: 'Apply for a new certificate in ksef-cert before the current one expires.',
      summaryHeading: 'Printable summary',
      print: 'Print the summary',
      summary: {
        owner: 'Owner',
        purpose: 'Type',
        environment: 'Environment',
        serial: 'Serial number',
        validity: 'Validity',
        keyType: 'Key',
        files: 'Files',
        reference: 'Reference number',
      },
      signOutHeading: 'Finish',
      signOutIntro:
        'Signing out ends the KSeF session and removes the key from the browser’s memory. The saved files stay on disk.',
      signOut: 'Sign out and forget the key',
      unsaved: {
        title: 'Sign out without saving the files?',
        certificate: (name: string) =>
          `The certificate ${name} was not saved. After signing out, download it again from the list of saved applications (sign in and open the key file).`,
        pfx: (name: string) =>
          `No PFX file (${name}) was saved. It is optional; after signing out the wizard cannot make it, but the checker can, from the .key and .crt files.`,
        confirm: 'Sign out anyway',
        cancel: 'Stay and save',
      },
    },
  },
  certificates: {
    title: 'My certificates',
    fromResult: 'All your certificates: download again, revoke',
    navLink: 'My certificates',
  },
  offlineLink: {
    title: 'Offline invoice QR codes',
    navLink: 'Offline QR codes',
  },
  certificatesErrors: {
    'key-mismatch':
      'This file holds another key than the one the certificate was issued for. Choose the .key saved with that application.',
    'nothing-selected': 'First select at least one certificate in the list.',
    'wrong-step': 'First sign in and download the certificate.',
    'session-expired': 'The KSeF session expired. Sign in again.',
  } satisfies Record<CertificatesProblemCode, string>,
  applyErrors: {
    'cannot-request':
      'KSeF will not accept another application now: the application or active-certificate limit is used up. Revoke a certificate you no longer need in the KSeF Taxpayer Application, or try later.',
    'limit-reached':
      'The application or active-certificate limit is reached. Revoke a certificate you no longer need in the KSeF Taxpayer Application, or wait for the limit to renew.',
    'key-file-mismatch':
      'This file holds another key than the one just made. Choose the file saved in this step, or save it again.',
    'key-not-saved': 'First confirm the key file is saved, and tick that the password is stored.',
    'preflight-failed': 'The request has an error and KSeF would reject it. Start over.',
    'application-not-found':
      'We found neither this application nor its certificate in KSeF. It may have expired (KSeF keeps applications for 30 days). Submit a new application.',
    'pair-mismatch':
      'The certificate from KSeF does not match the key in memory. Do not use it; submit a new application and report the problem.',
    'wrong-step': 'This step needs an earlier one first. Go back and complete the previous steps.',
    'session-expired': 'The KSeF session expired. Sign in again; your application will be found.',
    unexpected: 'Something went wrong. Reload the page and try again.',
  },
  ksefErrors: {
    network: 'No connection to KSeF. Check the internet connection and try again.',
    offline:
      'No connection – check your network. Nothing was sent; your key and data are kept in this tab. Try again once you are back online.',
    timeout: 'KSeF did not answer in time. Try again in a moment.',
    aborted: 'Cancelled.',
    'rate-limited': 'KSeF limits the number of requests. Wait a moment and try again.',
    'upstream-unreachable':
      'KSeF cannot be reached right now. Nothing was changed, and your data and key are kept. Try again in a moment.',
    'upstream-timeout': 'KSeF did not answer in time. Your data and key are kept. Try again in a moment.',
    'environment-unavailable':
      'This server does not offer the chosen KSeF environment (for example the local sandbox). Choose another environment.',
    'relay-refused':
      'The app’s server refused this request before it reached KSeF (a server configuration problem). Nothing was sent to KSeF. Report it to whoever runs this server.',
    'relay-busy':
      'The app’s server is already relaying many requests from your network address at once, so it held this one back. Nothing was sent to KSeF. Wait a moment and try again.',
    unauthorized: 'The KSeF session expired or is invalid. Sign in again.',
    forbidden: 'KSeF refused access: no permissions in this context, or a sign-in method not allowed.',
    gone: 'KSeF no longer keeps this operation (it expired). Start over.',
    'bad-request': 'KSeF rejected the request as invalid. Check the data and try again.',
    'server-error': 'An error on KSeF’s side. Try again in a few minutes.',
    'unexpected-status': 'KSeF answered in an unexpected way. Try again later.',
    'invalid-response': 'KSeF’s answer does not match the specification. Try again later.',
    'invalid-request': 'A value given is invalid; nothing was sent. Correct it.',
    'challenge-invalid': 'The sign-in challenge expired or was used already. Start signing in again.',
    'signature-invalid':
      'KSeF rejected the signature. Sign the file again, unchanged, with an enveloped XAdES signature.',
    'certificate-invalid': 'KSeF considers the signing certificate invalid. Use another certificate.',
    'subject-identifier-invalid':
      'The identifier in the certificate does not fit the kind of context. Check the context NIP.',
    'tokens-already-redeemed': 'This session was collected already. Sign in again.',
    'operation-not-found': 'KSeF does not know this sign-in operation. Sign in again.',
    'xml-invalid': 'KSeF could not read the signed file. Download a new file, sign it once and upload it unchanged.',
    'input-validation': 'KSeF rejected the application data. Check it and try again.',
    'enrollment-not-allowed':
      'This sign-in method cannot apply for certificates (e.g. a KSeF token). Sign in with a certificate or a qualified signature.',
    'csr-data-mismatch': 'The request data differs from KSeF’s data. Start over.',
    'csr-invalid': 'KSeF considers the request (CSR) damaged. Start over.',
    'enrollment-not-found': 'KSeF does not know an application with this number. Submit a new application.',
    'enrollment-limit': 'The certificate application limit is reached. Try later.',
    'certificate-limit':
      'The active-certificate limit is reached. Revoke a certificate you no longer need in the KSeF Taxpayer Application.',
    'certificate-not-found': 'KSeF does not know a certificate with this serial number.',
    'certificate-already-revoked': 'This certificate is already revoked or blocked.',
    'key-type-invalid': 'KSeF accepts only EC P-256 and RSA 2048 keys.',
    'csr-signature-algorithm-invalid': 'KSeF does not accept the request’s signature algorithm. Start over.',
    'auth-no-permissions':
      'You have no permissions in this context (NIP). Check the NIP or ask to be granted permissions.',
    'auth-revoked': 'The authentication was revoked. Sign in again.',
    'auth-bad-token': 'KSeF rejected the challenge or token. Start signing in again.',
    'auth-certificate-error':
      'KSeF rejected the signing certificate (invalid, untrusted, revoked or suspended). Use another certificate.',
    'auth-deceased-person': 'KSeF refused the sign-in: the credentials belong to a deceased person.',
    'auth-blocked': 'Authentication was blocked for security reasons. Contact KSeF.',
    'auth-unknown-error': 'An unknown KSeF sign-in error. Try again.',
    'auth-cancelled': 'KSeF cancelled the sign-in. Try again.',
    'enrollment-rejected':
      'KSeF rejected the application (400), e.g. this key already has a certificate. Start over with a new key.',
    'enrollment-unknown-error': 'An unknown KSeF error while issuing the certificate (500). Try again.',
    'enrollment-cancelled':
      'KSeF cancelled the application (550). Try again: the application will be submitted once more.',
  },
} satisfies Messages;
