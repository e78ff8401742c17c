import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readCertificate } from '../../src/crypto/certificate-reader';
import type { CertificateSummary } from '../../src/crypto/certificate-summary';
import { type CertificateClass, QC_OID, classifyCertificate } from '../../src/crypto/ksef-profile';
import { toHex } from '../../src/lib/bytes';
import { engines } from '../support/engines';
import { NAMEOPT, openssl, parseOpensslName, withTempDir } from '../support/openssl-x509';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/certs/${name}`, import.meta.url));

/** What openssl says about a certificate file, in the terms of `CertificateSummary`. */
function describeWithOpenssl(file: string, cwd?: string) {
  const x509 = (...args: string[]) => openssl(['x509', '-in', file, '-noout', ...args], { cwd }).stdout.trim();
  const keyUsageText = x509('-ext', 'keyUsage').split('\n')[1]?.trim() ?? '';
  const names: Readonly<Record<string, string>> = {
    'Digital Signature': 'digitalSignature',
    'Non Repudiation': 'nonRepudiation',
    'Key Encipherment': 'keyEncipherment',
    'Data Encipherment': 'dataEncipherment',
    'Key Agreement': 'keyAgreement',
    'Certificate Sign': 'keyCertSign',
    'CRL Sign': 'cRLSign',
  };
  const text = x509('-text');
  const bits = /Public-Key: \((\d+) bit\)/.exec(text)?.[1];
  const curve = /NIST CURVE: (P-\d+)/.exec(text)?.[1];
  return {
    serialHex: x509('-serial').replace(/^serial=/, ''),
    sha256Fingerprint: x509('-fingerprint', '-sha256').replace(/^.*=/, '').replace(/:/g, ''),
    notBefore: new Date(
      x509('-startdate', '-dateopt', 'iso_8601')
        .replace(/^notBefore=/, '')
        .replace(' ', 'T'),
    ),
    notAfter: new Date(
      x509('-enddate', '-dateopt', 'iso_8601')
        .replace(/^notAfter=/, '')
        .replace(' ', 'T'),
    ),
    subject: parseOpensslName(x509('-subject', '-nameopt', NAMEOPT)),
    issuer: parseOpensslName(x509('-issuer', '-nameopt', NAMEOPT)),
    keyUsage: keyUsageText === '' ? [] : keyUsageText.split(', ').map((n) => names[n] ?? n),
    keyType: curve !== undefined ? { kind: 'EC', curve } : { kind: 'RSA', modulusBits: Number(bits) },
  };
}

const OPENSSL_STRING_TYPES: Readonly<Record<string, string>> = {
  UTF8String: 'UTF8STRING',
  PrintableString: 'PRINTABLESTRING',
};

function inOpensslTerms(summary: CertificateSummary) {
  const name = (attributes: CertificateSummary['subject']) =>
    attributes.map((a) => [
      a.type,
      'stringType' in a && typeof a.stringType === 'string' ? OPENSSL_STRING_TYPES[a.stringType] : '?',
      a.value,
    ]);
  return {
    serialHex: summary.serialHex,
    sha256Fingerprint: summary.sha256Fingerprint,
    notBefore: summary.notBefore,
    notAfter: summary.notAfter,
    subject: name(summary.subject),
    issuer: name(summary.issuer),
    keyUsage: summary.keyUsage,
    keyType: summary.keyType,
  };
}

describe('certificate fixtures', () => {
  it('expected.json says what openssl says', () => {
    const entrySchema = z.object({
      sha256Fingerprint: z.string(),
      serial: z.string(),
      notBefore: z.string(),
      notAfter: z.string(),
    });
    const expected = z
      .record(z.string(), entrySchema)
      .parse(JSON.parse(readFileSync(fixture('expected.json'), 'utf8')));
    for (const [name, entry] of Object.entries(expected)) {
      const seen = describeWithOpenssl(fixture(`${name}.pem`));
      expect({ ...entry, notBefore: new Date(entry.notBefore), notAfter: new Date(entry.notAfter) }, name).toEqual({
        sha256Fingerprint: seen.sha256Fingerprint,
        serial: seen.serialHex,
        notBefore: seen.notBefore,
        notAfter: seen.notAfter,
      });
    }
  });
});

interface Case {
  readonly title: string;
  readonly issuerCn: string;
  readonly key: string[];
  readonly subject: string;
  readonly keyUsage: string | null;
  readonly serial: string;
  readonly kind: CertificateClass;
  /** More lines for the leaf's extension file (CRL distribution points, qcStatements). */
  readonly extensions?: string;
  readonly ownerName: string;
}

/** An openssl extension-file line and sections for qcStatements with QcCompliance and one QcType. */
const qcStatements = (type: string): string =>
  [
    '1.3.6.1.5.5.7.1.3=ASN1:SEQUENCE:qc_statements',
    '[qc_statements]',
    'compliance=SEQUENCE:qc_compliance',
    'type=SEQUENCE:qc_type',
    '[qc_compliance]',
    `id=OID:${QC_OID.compliance}`,
    '[qc_type]',
    `id=OID:${QC_OID.type}`,
    'types=SEQUENCE:qc_types',
    '[qc_types]',
    `type=OID:${type}`,
    '',
  ].join('\n');

const randomSerial = (): string => `0x${toHex(crypto.getRandomValues(new Uint8Array(8)))}`;

const CASES: Case[] = [
  {
    title: 'TEST Authentication, EC P-256',
    issuerCn: 'TEST CCK KSeF',
    key: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
    subject: '/C=PL/serialNumber=TINPL-6381853612/SN=Kowalski/GN=Jan/CN=Jan Kowalski (uwierzytelnienie)',
    keyUsage: 'critical,digitalSignature',
    serial: randomSerial(),
    // No CRL distribution point: the TEST CCK KSeF issuer alone allows TEST or DEMO.
    kind: { kind: 'ksef', purpose: 'Authentication', environment: 'test-or-demo' },
    ownerName: 'Jan Kowalski',
  },
  {
    title: 'PRD Offline seal, EC P-256, top bit of the serial set',
    issuerCn: 'CCK KSeF',
    key: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
    subject:
      '/C=PL/organizationIdentifier=VATPL-6381853612/O=SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ/CN=SPÓŁKA (offline)',
    keyUsage: 'critical,nonRepudiation',
    serial: '0xFFEEDDCCBBAA9988',
    kind: { kind: 'ksef', purpose: 'Offline', environment: 'prod' },
    ownerName: 'SPÓŁKA',
  },
  {
    title: 'sandbox, RSA 2048, two key usages',
    issuerCn: 'SANDBOX CCK KSeF',
    key: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
    subject: '/CN=Ala Ślązak/C=PL',
    keyUsage: 'digitalSignature,keyEncipherment',
    serial: randomSerial(),
    kind: { kind: 'ksef', purpose: 'Authentication', environment: 'sandbox' },
    ownerName: 'Ala Ślązak',
  },
  {
    title: 'other CA, P-521, contradicting signals',
    issuerCn: 'Inne CA',
    key: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521'],
    subject: '/CN=Ala (uwierzytelnienie)',
    keyUsage: 'digitalSignature,nonRepudiation',
    serial: randomSerial(),
    kind: { kind: 'not-ksef', what: 'other' },
    ownerName: 'Ala',
  },
  {
    title: 'TEST CA, P-384 without keyUsage, serial with a leading zero byte',
    issuerCn: 'TEST CCK KSeF',
    key: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
    subject: '/CN=Bez rozszerzeń',
    keyUsage: null,
    serial: '0x0012345678ABCDEF',
    kind: { kind: 'not-ksef', what: 'other' },
    ownerName: 'Bez rozszerzeń',
  },
  {
    title: 'TEST Authentication as real TEST certificates look: qcStatements, ksef-test CRL',
    issuerCn: 'TEST CCK KSeF',
    key: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
    subject: '/C=PL/CN=Jan Kowalski (uwierzytelnienie)',
    keyUsage: 'critical,digitalSignature',
    extensions: `crlDistributionPoints=URI:https://ksef-test.mf.gov.pl/security/crl/testmfksef2.crl\n${qcStatements(QC_OID.esign)}`,
    serial: randomSerial(),
    kind: { kind: 'ksef', purpose: 'Authentication', environment: 'test' },
    ownerName: 'Jan Kowalski',
  },
  {
    title: 'TEST CCK KSeF with a ksef-demo CRL: DEMO',
    issuerCn: 'TEST CCK KSeF',
    key: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
    subject: '/C=PL/CN=Firma (offline)',
    keyUsage: 'critical,nonRepudiation',
    extensions:
      'crlDistributionPoints=URI:https://ksef-demo.mf.gov.pl/security/crl/demo.crl,URI:ldap://ldap.example.pl/x\n',
    serial: randomSerial(),
    kind: { kind: 'ksef', purpose: 'Offline', environment: 'demo' },
    ownerName: 'Firma',
  },
  {
    title: 'qualified signature: digitalSignature + nonRepudiation, QcCompliance, QcType esign',
    issuerCn: 'Przykładowe QCA 2026',
    key: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
    subject: '/C=PL/serialNumber=PNOPL-80010112345/CN=Jan Kowalski',
    keyUsage: 'critical,digitalSignature,nonRepudiation',
    extensions: `crlDistributionPoints=URI:http://crl.example.pl/qca.crl\n${qcStatements(QC_OID.esign)}`,
    serial: randomSerial(),
    kind: { kind: 'not-ksef', what: 'qualified-signature' },
    ownerName: 'Jan Kowalski',
  },
  {
    title: 'qualified seal: nonRepudiation, QcCompliance, QcType eseal',
    issuerCn: 'Przykładowe QCA 2026',
    key: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
    subject: '/C=PL/O=SPÓŁKA/CN=SPÓŁKA',
    keyUsage: 'critical,nonRepudiation',
    extensions: qcStatements(QC_OID.eseal),
    serial: randomSerial(),
    kind: { kind: 'not-ksef', what: 'qualified-seal' },
    ownerName: 'SPÓŁKA',
  },
];

describe('readCertificate on certificates openssl issues', () => {
  it.each(CASES)('$title', async (c) => {
    await withTempDir(async (dir) => {
      const cwd = dir.path;
      openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ca.key'], { cwd });
      openssl(
        [
          'req',
          '-x509',
          '-new',
          '-utf8',
          '-key',
          'ca.key',
          '-sha256',
          '-days',
          '3650',
          '-out',
          'ca.pem',
          '-subj',
          `/C=PL/O=Ministerstwo Finansów/OU=Krajowa Administracja Skarbowa/CN=${c.issuerCn}`,
        ],
        { cwd },
      );
      openssl(['genpkey', ...c.key, '-out', 'leaf.key'], { cwd });
      openssl(['req', '-new', '-utf8', '-key', 'leaf.key', '-subj', c.subject, '-out', 'leaf.csr'], { cwd });
      const keyUsage = c.keyUsage === null ? 'subjectKeyIdentifier=hash\n' : `keyUsage=${c.keyUsage}\n`;
      dir.write('leaf.ext', keyUsage + (c.extensions ?? ''));
      openssl(
        [
          'x509',
          '-req',
          '-in',
          'leaf.csr',
          '-CA',
          'ca.pem',
          '-CAkey',
          'ca.key',
          '-set_serial',
          c.serial,
          '-days',
          '730',
          '-sha256',
          '-extfile',
          'leaf.ext',
          '-out',
          'leaf.pem',
        ],
        { cwd },
      );
      expect(openssl(['verify', '-CAfile', 'ca.pem', 'leaf.pem'], { cwd }).stdout).toContain('leaf.pem: OK');
      const oracle = describeWithOpenssl('leaf.pem', cwd);

      for (const { name, crypto } of engines) {
        const leaf = await readCertificate(dir.read('leaf.pem'), oracle.notBefore, crypto);
        expect(inOpensslTerms(leaf), name).toEqual(oracle);
        expect(classifyCertificate(leaf), name).toEqual(c.kind);
        expect(leaf, name).toMatchObject({
          ownerName: c.ownerName,
          selfSigned: false,
          validity: 'valid',
          daysRemaining: 730,
        });
        const ca = await readCertificate(dir.read('ca.pem'), oracle.notBefore, crypto);
        expect(inOpensslTerms(ca), name).toEqual(describeWithOpenssl('ca.pem', cwd));
        expect(ca.selfSigned, name).toBe(true);
      }
    });
  });
});

describe('readCertificate on hand-written classification extensions', () => {
  it.each([
    ['qcStatements that is not a SEQUENCE', '1.3.6.1.5.5.7.1.3=DER:0500', 'corrupt-file'],
    ['a QcType that holds no OID', '1.3.6.1.5.5.7.1.3=DER:300C300A060604008E4601060500', 'corrupt-file'],
    ['cRLDistributionPoints that is not a SEQUENCE', '2.5.29.31=DER:0500', 'corrupt-file'],
    ['a CRL URI with a byte over 0x7F', '2.5.29.31=DER:300B3009A007A005860368C3A9', 'corrupt-file'],
    // The control: the same shape, ASCII, reads.
    ['a CRL URI "hi"', '2.5.29.31=DER:300A3008A006A00486026869', 'ok'],
  ])('%s: %s', async (_, extension, expected) => {
    await withTempDir(async (dir) => {
      const cwd = dir.path;
      openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'k.pem'], { cwd });
      dir.write('x.ext', `${extension}\n`);
      openssl(['req', '-new', '-key', 'k.pem', '-subj', '/CN=Ala', '-out', 'r.pem'], { cwd });
      openssl(['x509', '-req', '-in', 'r.pem', '-signkey', 'k.pem', '-extfile', 'x.ext', '-out', 'c.pem'], { cwd });
      // openssl wrote the extension as given.
      expect(openssl(['asn1parse', '-in', 'c.pem'], { cwd }).stdout).toContain(
        extension.startsWith('2.5.29.31') ? 'X509v3 CRL Distribution Points' : 'qcStatements',
      );
      const read = readCertificate(dir.read('c.pem'));
      if (expected === 'ok') expect((await read).crlDistributionPoints).toEqual(['hi']);
      else await expect(read).rejects.toMatchObject({ code: expected });
    });
  });
});
