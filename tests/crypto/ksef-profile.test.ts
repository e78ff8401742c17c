import { describe, expect, it } from 'vitest';
import { readCertificate } from '../../src/crypto/certificate-reader';
import type { NameAttribute, QcStatements } from '../../src/crypto/certificate-summary';
import {
  type CertificateClass,
  type ClassifiedFacts,
  QC_OID,
  classifyCertificate,
  stripKsefSuffix,
} from '../../src/crypto/ksef-profile';
import { OID } from '../../src/crypto/oids';
import { parsePem } from '../../src/crypto/pem';
import { createTestIdentity } from '../../src/crypto/test-identity';
import ksefDemoOfflinePem from '../fixtures/certs/ksef-demo-offline.pem?raw';
import ksefProdAuthPem from '../fixtures/certs/ksef-prod-auth.pem?raw';
import ksefTestAuthPem from '../fixtures/certs/ksef-test-auth.pem?raw';
import offlinePem from '../fixtures/certs/offline-ec.pem?raw';
import otherNonRepudiationPem from '../fixtures/certs/other-nonrepudiation.pem?raw';
import qualifiedSealPem from '../fixtures/certs/qualified-seal.pem?raw';
import qualifiedSignPem from '../fixtures/certs/qualified-sign.pem?raw';
import authPem from '../fixtures/certs/auth-ec.pem?raw';
import { encodeRdns, generateKeyPair, makeCertificate } from '../support/certificates';
import { engines } from '../support/engines';

const NOW = new Date('2027-06-01T00:00:00Z');
const derOf = (pem: string): Uint8Array => {
  const [block] = parsePem(pem);
  if (!block) throw new Error('fixture has no PEM block');
  return block.der;
};

/** A certificate the test helpers make: `issuerCn` signs a P-256 key with `keyUsage` for `cn`. */
async function helperCertificate(crypto: Crypto, issuerCn: string, cn: string, keyUsage: number): Promise<Uint8Array> {
  const subjectKeys = await generateKeyPair(crypto, 'EC-P256');
  const issuerKeys = await generateKeyPair(crypto, 'EC-P256');
  return makeCertificate(crypto, {
    subject: encodeRdns([[{ type: OID.commonName, value: cn }]]),
    issuer: encodeRdns([[{ type: OID.commonName, value: issuerCn }]]),
    spki: new Uint8Array(await crypto.subtle.exportKey('spki', subjectKeys.publicKey)),
    signer: issuerKeys.privateKey,
    serial: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8),
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2028-01-01T00:00:00Z'),
    keyUsage,
  });
}

type Source = (crypto: Crypto) => Promise<Uint8Array>;
const fixture =
  (pem: string): Source =>
  () =>
    Promise.resolve(derOf(pem));

/** Certificates made by openssl (tests/fixtures/README.md) and by our helpers, and what each is. */
const ROWS: [string, Source, CertificateClass][] = [
  [
    'KSeF TEST Authentication (qcStatements, ksef-test CRL)',
    fixture(ksefTestAuthPem),
    { kind: 'ksef', purpose: 'Authentication', environment: 'test' },
  ],
  [
    'KSeF Offline, TEST CCK KSeF, ksef-demo CRL → DEMO',
    fixture(ksefDemoOfflinePem),
    { kind: 'ksef', purpose: 'Offline', environment: 'demo' },
  ],
  [
    'KSeF Offline, TEST CCK KSeF without a CRL → TEST or DEMO',
    fixture(offlinePem),
    { kind: 'ksef', purpose: 'Offline', environment: 'test-or-demo' },
  ],
  [
    'KSeF Authentication, TEST CCK KSeF without a CRL → TEST or DEMO',
    fixture(authPem),
    { kind: 'ksef', purpose: 'Authentication', environment: 'test-or-demo' },
  ],
  [
    'KSeF production issuer, production CRL',
    fixture(ksefProdAuthPem),
    { kind: 'ksef', purpose: 'Authentication', environment: 'prod' },
  ],
  [
    'qualified signature (digitalSignature + nonRepudiation + QcType esign)',
    fixture(qualifiedSignPem),
    { kind: 'not-ksef', what: 'qualified-signature' },
  ],
  [
    'qualified seal (nonRepudiation + QcType eseal)',
    fixture(qualifiedSealPem),
    { kind: 'not-ksef', what: 'qualified-seal' },
  ],
  ['an unknown CA, nonRepudiation', fixture(otherNonRepudiationPem), { kind: 'not-ksef', what: 'other' }],
  [
    'helpers: TEST CCK KSeF, digitalSignature, no CRL → TEST or DEMO',
    (crypto) => helperCertificate(crypto, 'TEST CCK KSeF', 'Ala (uwierzytelnienie)', 0x80),
    { kind: 'ksef', purpose: 'Authentication', environment: 'test-or-demo' },
  ],
  [
    'helpers: the sandbox CA, Offline',
    (crypto) => helperCertificate(crypto, 'SANDBOX CCK KSeF', 'Ala', 0x40),
    { kind: 'ksef', purpose: 'Offline', environment: 'sandbox' },
  ],
  [
    'helpers: an unknown CA, nonRepudiation (once "Offline")',
    (crypto) => helperCertificate(crypto, 'Certum QCA 2017', 'Ala', 0x40),
    { kind: 'not-ksef', what: 'other' },
  ],
  [
    'our self-signed test identity (digitalSignature + nonRepudiation)',
    async (crypto) =>
      (
        await createTestIdentity(
          { kind: 'person', givenName: 'Jan', surname: 'Kowalski', nip: '6381853612' },
          { now: () => NOW },
          crypto,
        )
      ).certificate,
    { kind: 'not-ksef', what: 'self-signed' },
  ],
];

describe.each(engines)('classifyCertificate on real certificates ($name)', ({ crypto }) => {
  it.each(ROWS)('%s', async (_, make, expected) => {
    const summary = await readCertificate(await make(crypto), NOW, crypto);
    expect(classifyCertificate(summary)).toEqual(expected);
  });
});

describe('classifyCertificate rules', () => {
  const cn = (value: string): NameAttribute => ({ type: OID.commonName, shortName: 'CN', value });
  const o = (value: string): NameAttribute => ({ type: OID.organizationName, shortName: 'O', value });
  const DS = 'digitalSignature';
  const NR = 'nonRepudiation';
  const esign: QcStatements = { compliance: true, types: [QC_OID.esign] };
  const facts = (f: Partial<ClassifiedFacts>): ClassifiedFacts => ({
    subject: [cn('Jan Kowalski')],
    issuer: [cn('TEST CCK KSeF')],
    keyUsage: [],
    selfSigned: false,
    qcStatements: null,
    crlDistributionPoints: [],
    ...f,
  });
  const TEST_CRL = 'https://ksef-test.mf.gov.pl/security/crl/testmfksef1.crl';
  const DEMO_CRL = 'https://ksef-demo.mf.gov.pl/security/crl/x.crl';
  const PROD_CRL = 'https://ksef.mf.gov.pl/security/crl/x.crl';
  it.each<[string, Partial<ClassifiedFacts>, CertificateClass]>([
    // Purpose: keyUsage and suffix, one or two that agree
    [
      'both signals agree',
      { keyUsage: [DS], subject: [cn('Jan (uwierzytelnienie)')] },
      { kind: 'ksef', purpose: 'Authentication', environment: 'test-or-demo' },
    ],
    [
      'nonRepudiation wins over digitalSignature',
      { keyUsage: [DS, NR] },
      { kind: 'ksef', purpose: 'Offline', environment: 'test-or-demo' },
    ],
    [
      'suffix alone',
      { keyUsage: ['keyEncipherment'], subject: [cn('Firma (offline)')] },
      { kind: 'ksef', purpose: 'Offline', environment: 'test-or-demo' },
    ],
    ['signals differ', { keyUsage: [DS], subject: [cn('Jan (offline)')] }, { kind: 'not-ksef', what: 'other' }],
    ['no signal', {}, { kind: 'not-ksef', what: 'other' }],
    ['suffix must be exact', { subject: [cn('Jan (Offline)')] }, { kind: 'not-ksef', what: 'other' }],
    [
      'a KSeF CA itself',
      { keyUsage: ['keyCertSign', 'cRLSign'], subject: [cn('TEST CCK KSeF')] },
      { kind: 'not-ksef', what: 'certificate-authority' },
    ],
    // KSeF issues only under these exact issuer CNs
    ['issuer in lower case', { issuer: [cn('test cck ksef')], keyUsage: [DS] }, { kind: 'not-ksef', what: 'other' }],
    ['issuer name in O', { issuer: [o('CCK KSeF')], keyUsage: [DS] }, { kind: 'not-ksef', what: 'other' }],
    [
      'two issuer CNs',
      { issuer: [cn('CCK KSeF'), cn('TEST CCK KSeF')], keyUsage: [DS] },
      { kind: 'not-ksef', what: 'other' },
    ],
    ['issuer CN "constructor"', { issuer: [cn('constructor')], keyUsage: [DS] }, { kind: 'not-ksef', what: 'other' }],
    // Environment
    [
      'TEST issuer, TEST CRL',
      { keyUsage: [DS], crlDistributionPoints: [TEST_CRL] },
      { kind: 'ksef', purpose: 'Authentication', environment: 'test' },
    ],
    [
      'TEST issuer, DEMO CRL',
      { keyUsage: [DS], crlDistributionPoints: [DEMO_CRL] },
      { kind: 'ksef', purpose: 'Authentication', environment: 'demo' },
    ],
    [
      'TEST issuer, CRLs disagree',
      { keyUsage: [DS], crlDistributionPoints: [TEST_CRL, DEMO_CRL] },
      { kind: 'ksef', purpose: 'Authentication', environment: 'test-or-demo' },
    ],
    [
      'TEST issuer, another CRL host',
      { keyUsage: [DS], crlDistributionPoints: ['http://crl.example.pl/a.crl', 'not a URL'] },
      { kind: 'ksef', purpose: 'Authentication', environment: 'test-or-demo' },
    ],
    [
      'production issuer, no CRL',
      { issuer: [cn('CCK KSeF')], keyUsage: [NR] },
      { kind: 'ksef', purpose: 'Offline', environment: 'prod' },
    ],
    [
      'production issuer, TEST CRL',
      { issuer: [cn('CCK KSeF')], keyUsage: [DS], crlDistributionPoints: [TEST_CRL] },
      { kind: 'ksef', purpose: 'Authentication', environment: 'unknown' },
    ],
    [
      'sandbox issuer',
      { issuer: [cn('SANDBOX CCK KSeF')], keyUsage: [DS] },
      { kind: 'ksef', purpose: 'Authentication', environment: 'sandbox' },
    ],
    [
      'suffix, unknown issuer, production CRL',
      { issuer: [cn('X')], subject: [cn('J (offline)')], crlDistributionPoints: [PROD_CRL] },
      { kind: 'ksef', purpose: 'Offline', environment: 'prod' },
    ],
    [
      'suffix, unknown issuer, no CRL',
      { issuer: [cn('X')], subject: [cn('J (offline)')], keyUsage: [NR] },
      { kind: 'ksef', purpose: 'Offline', environment: 'unknown' },
    ],
    // Not KSeF: what it is
    [
      'qualified, esign',
      { issuer: [cn('QCA')], keyUsage: [DS, NR], qcStatements: esign },
      { kind: 'not-ksef', what: 'qualified-signature' },
    ],
    [
      'qualified, eseal',
      { issuer: [cn('QCA')], keyUsage: [NR], qcStatements: { compliance: true, types: [QC_OID.eseal] } },
      { kind: 'not-ksef', what: 'qualified-seal' },
    ],
    [
      'qualified, no QcType',
      { issuer: [cn('QCA')], keyUsage: [NR], qcStatements: { compliance: true, types: [] } },
      { kind: 'not-ksef', what: 'qualified' },
    ],
    [
      'QcType without QcCompliance is not qualified',
      { issuer: [cn('QCA')], keyUsage: [NR], qcStatements: { compliance: false, types: [QC_OID.esign] } },
      { kind: 'not-ksef', what: 'other' },
    ],
    [
      'KSeF issuer with qcStatements stays KSeF',
      { keyUsage: [DS], qcStatements: esign, crlDistributionPoints: [TEST_CRL] },
      { kind: 'ksef', purpose: 'Authentication', environment: 'test' },
    ],
    [
      'self-signed',
      { issuer: [cn('Jan Kowalski')], keyUsage: [DS, NR], selfSigned: true },
      { kind: 'not-ksef', what: 'self-signed' },
    ],
    [
      'encryption only (the Ministry’s public keys)',
      { issuer: [cn('CCK MF ROOT')], keyUsage: ['keyEncipherment'] },
      { kind: 'not-ksef', what: 'encryption' },
    ],
  ])('%s', (_, f, expected) => {
    expect(classifyCertificate(facts(f))).toEqual(expected);
  });
});

describe('stripKsefSuffix', () => {
  it.each([
    ['Jan Kowalski (uwierzytelnienie)', 'Jan Kowalski'],
    ['SPÓŁKA Z O.O. (offline)', 'SPÓŁKA Z O.O.'],
    ['Jan Kowalski', 'Jan Kowalski'],
    ['Jan (offline) Kowalski', 'Jan (offline) Kowalski'],
    ['Jan Kowalski (offline) (offline)', 'Jan Kowalski (offline)'],
    [' (uwierzytelnienie)', ''],
  ])('%j → %j', (cn, owner) => {
    expect(stripKsefSuffix(cn)).toBe(owner);
  });
});
