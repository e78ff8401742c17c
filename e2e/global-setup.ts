import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FIXTURES_ENV,
  KEY_PASSWORD,
  OFFLINE_LINK_SERIAL,
  PFX_PASSWORD,
  TAXPAYER_KEY_PASSWORD,
  TAXPAYER_SAMPLE_KEY,
} from './support/paths.ts';
import { writeSlowFiles } from './support/slow-files.ts';

function openssl(cwd: string, args: readonly string[]): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A self-signed certificate for `keyFile`, with KSeF-like subject and key usage. */
function selfSigned(
  cwd: string,
  keyFile: string,
  out: string,
  subject: string,
  serial: string,
  keyUsage: string,
  passin?: string,
): void {
  openssl(cwd, [
    'req',
    '-new',
    '-x509',
    '-utf8',
    '-key',
    keyFile,
    ...(passin === undefined ? [] : ['-passin', `pass:${passin}`]),
    '-subj',
    subject,
    '-days',
    '730',
    '-sha256',
    '-set_serial',
    serial,
    '-addext',
    `keyUsage=critical,${keyUsage}`,
    '-addext',
    'basicConstraints=critical,CA:FALSE',
    '-out',
    out,
  ]);
}

/**
 * Makes every key, certificate and PFX the journeys open, with openssl, into a fresh temporary
 * folder (its path goes to the tests in an environment variable); removed again after the run.
 *
 * - jan.key / jan.crt: EC P-256, PKCS#8 PBES2 (PBKDF2-HMAC-SHA256, 100 000 iterations, AES-256-CBC)
 *   as the Taxpayer Application writes it, and a self-signed Authentication-like certificate.
 * - anna.key / anna.crt: an unrelated EC P-256 key, unencrypted PKCS#8, with an Offline-like certificate.
 * - jan.pfx: jan's key and certificate, AES-256-CBC + PBKDF2, SHA-256 MAC (OpenSSL 3 defaults).
 * - jan-legacy.pfx: the same with PBE-SHA1-3DES and a SHA-1 MAC, as .NET and Windows write it.
 * - jan-legacy-no-password.pfx: the same with `-legacy` (3DES key, RC2-40 certificates) and an empty password.
 * - offline-link.key / offline-link.crt: EC P-256, plain PKCS#8, and an Offline certificate issued by a CA
 *   named as KSeF's TEST one (`TEST CCK KSeF`, test-ca.crt), serial OFFLINE_LINK_SERIAL.
 * - taxpayer.crt: a certificate for the real Taxpayer Application sample key (tests/fixtures/keys).
 * - ec-huge-parameters.key, slow.pfx / slow.crt, many-certificates.pem: files that take a reader long
 *   or are refused by a cap (support/slow-files.ts).
 */
export default function globalSetup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'ksef-cert-e2e-'));
  openssl(dir, ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'jan-plain.pem']);
  openssl(dir, [
    'pkcs8',
    '-topk8',
    '-in',
    'jan-plain.pem',
    '-out',
    'jan.key',
    '-v2',
    'aes-256-cbc',
    '-v2prf',
    'hmacWithSHA256',
    '-iter',
    '100000',
    '-passout',
    `pass:${KEY_PASSWORD}`,
  ]);
  selfSigned(
    dir,
    'jan-plain.pem',
    'jan.crt',
    '/C=PL/CN=Jan Kowalski (uwierzytelnienie)',
    '0x01F20A5D352AE590',
    'digitalSignature',
  );
  openssl(dir, [
    'pkcs12',
    '-export',
    '-inkey',
    'jan-plain.pem',
    '-in',
    'jan.crt',
    '-out',
    'jan.pfx',
    '-name',
    'Jan Kowalski',
    '-keypbe',
    'AES-256-CBC',
    '-certpbe',
    'AES-256-CBC',
    '-macalg',
    'sha256',
    '-passout',
    `pass:${PFX_PASSWORD}`,
  ]);
  openssl(dir, [
    'pkcs12',
    '-export',
    '-inkey',
    'jan-plain.pem',
    '-in',
    'jan.crt',
    '-out',
    'jan-legacy.pfx',
    '-keypbe',
    'PBE-SHA1-3DES',
    '-certpbe',
    'PBE-SHA1-3DES',
    '-macalg',
    'sha1',
    '-passout',
    `pass:${PFX_PASSWORD}`,
  ]);
  openssl(dir, [
    'pkcs12',
    '-export',
    '-legacy',
    '-inkey',
    'jan-plain.pem',
    '-in',
    'jan.crt',
    '-out',
    'jan-legacy-no-password.pfx',
    '-passout',
    'pass:',
  ]);

  openssl(dir, ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'anna.key']);
  selfSigned(
    dir,
    'anna.key',
    'anna.crt',
    '/C=PL/CN=Anna Wójcik-Łęcka (offline)',
    '0x4B2D07A1E3C95F10',
    'nonRepudiation',
  );

  selfSigned(
    dir,
    TAXPAYER_SAMPLE_KEY,
    'taxpayer.crt',
    '/C=PL/CN=Próbny Podatnik (uwierzytelnienie)',
    '0x7A1C3E5F2B4D6081',
    'digitalSignature',
    TAXPAYER_KEY_PASSWORD,
  );

  // An Offline certificate as KSeF's TEST CA issues one, for the offline-link journey: a CA named
  // `TEST CCK KSeF`, an EC P-256 leaf with the ` (offline)` CN suffix, nonRepudiation, an 8-byte serial.
  openssl(dir, ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'test-ca.key']);
  openssl(dir, [
    'req', '-x509', '-new', '-key', 'test-ca.key', '-days', '3650', '-utf8',
    '-subj', '/C=PL/O=Ministerstwo Finansów/OU=Krajowa Administracja Skarbowa/CN=TEST CCK KSeF',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    '-out', 'test-ca.crt',
  ]); // prettier-ignore
  writeFileSync(join(dir, 'offline-link.ext'), 'keyUsage=critical,nonRepudiation\n');
  openssl(dir, ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'offline-link.key']);
  openssl(dir, [
    'req', '-new', '-key', 'offline-link.key', '-utf8', '-subj', '/C=PL/CN=Jan Kowalski (offline)', '-out', 'offline-link.csr',
  ]); // prettier-ignore
  openssl(dir, [
    'x509', '-req', '-in', 'offline-link.csr', '-CA', 'test-ca.crt', '-CAkey', 'test-ca.key',
    '-set_serial', `0x${OFFLINE_LINK_SERIAL}`, '-days', '730', '-sha256', '-extfile', 'offline-link.ext',
    '-out', 'offline-link.crt',
  ]); // prettier-ignore

  writeSlowFiles(dir, PFX_PASSWORD);

  rmSync(join(dir, 'jan-plain.pem'));
  writeFileSync(join(dir, 'README.txt'), 'Fixtures of the ksef-cert e2e run, made by e2e/global-setup.ts.\n');
  process.env[FIXTURES_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
