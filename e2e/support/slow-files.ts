import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Size of the curve coefficient b in the oversized EC parameters: 192 KiB (a real one is 32 bytes). */
const HUGE_B_BYTES = 192 * 1024;
/** MAC and PBKDF2 iterations of the slow PFX. */
export const SLOW_PFX_ITERATIONS = 1_000_000;

function openssl(cwd: string, args: readonly string[]): Buffer {
  return execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** DER length octets (X.690 §8.1.3, definite form). */
function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag: number, value: Buffer): Buffer => Buffer.concat([Buffer.from([tag]), derLength(value.length), value]);

/** The TLVs inside `der`'s outer constructed value, as [tag, whole TLV] pairs. */
function childrenOf(der: Buffer): Buffer[] {
  let offset = 1;
  const first = der[offset++] ?? 0;
  if (first & 0x80) offset += first & 0x7f;
  const children: Buffer[] = [];
  while (offset < der.length) {
    const start = offset++;
    let length = der[offset++] ?? 0;
    if (length & 0x80) {
      const count = length & 0x7f;
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + (der[offset++] ?? 0);
    }
    offset += length;
    children.push(der.subarray(start, offset));
  }
  return children;
}

const pem = (label: string, der: Buffer): string =>
  `-----BEGIN ${label}-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;

/**
 * `ec-huge-parameters.key`: an `EC PARAMETERS` block with P-256's explicit parameters (SEC 1 §C.2)
 * whose curve coefficient b is 192 KiB long, then an ordinary P-256 `EC PRIVATE KEY`: about 267 KB
 * of PEM, a reader that does arithmetic on b before checking its length spends long on it.
 */
function writeHugeEcParametersKey(dir: string): void {
  const explicit = openssl(dir, ['ecparam', '-name', 'prime256v1', '-param_enc', 'explicit', '-outform', 'DER']);
  const [version, fieldId, curve, ...rest] = childrenOf(explicit);
  if (version === undefined || fieldId === undefined || curve === undefined) throw new Error('Unexpected ECParameters');
  const [a, , ...seed] = childrenOf(curve);
  if (a === undefined) throw new Error('Unexpected Curve');
  const hugeB = tlv(0x04, Buffer.alloc(HUGE_B_BYTES, 0x5a));
  const parameters = tlv(
    0x30,
    Buffer.concat([version, fieldId, tlv(0x30, Buffer.concat([a, hugeB, ...seed])), ...rest]),
  );
  const key = openssl(dir, ['ecparam', '-name', 'prime256v1', '-genkey', '-noout']).toString('utf8');
  writeFileSync(join(dir, 'ec-huge-parameters.key'), pem('EC PARAMETERS', parameters) + key);
}

/**
 * `slow.pfx` / `slow.crt`: a PFX whose MAC and encryption use `SLOW_PFX_ITERATIONS` iterations
 * (OpenSSL 3's `-iter` sets both), with its certificate beside it.
 */
function writeSlowPfx(dir: string, password: string): void {
  openssl(dir, ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'slow-plain.pem']);
  openssl(dir, [
    'req',
    '-new',
    '-x509',
    '-key',
    'slow-plain.pem',
    '-subj',
    '/CN=Slow PFX',
    '-days',
    '30',
    '-out',
    'slow.crt',
  ]);
  openssl(dir, [
    'pkcs12',
    '-export',
    '-inkey',
    'slow-plain.pem',
    '-in',
    'slow.crt',
    '-out',
    'slow.pfx',
    '-iter',
    String(SLOW_PFX_ITERATIONS),
    '-passout',
    `pass:${password}`,
  ]);
  rmSync(join(dir, 'slow-plain.pem'));
  // openssl prints what it read on stderr: the MAC's count must be the one asked for.
  const info = spawnSync('openssl', ['pkcs12', '-in', 'slow.pfx', '-info', '-noout', '-passin', `pass:${password}`], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (!`${info.stdout}${info.stderr}`.includes(`MAC: sha256, Iteration ${SLOW_PFX_ITERATIONS}`))
    throw new Error(`openssl did not write a MAC with ${SLOW_PFX_ITERATIONS} iterations`);
}

/** Certificates in `many-certificates.pem`: a legitimate file that takes seconds to read (a real CA bundle has ~150). */
const MANY_CERTIFICATES = 5_000;

/**
 * `many-certificates.pem`: `slow.crt` repeated `MANY_CERTIFICATES` times (4 MB): every one is read and
 * described, so its read lasts seconds, long enough to be stopped, without any cap refusing it.
 */
function writeManyCertificates(dir: string): void {
  writeFileSync(
    join(dir, 'many-certificates.pem'),
    readFileSync(join(dir, 'slow.crt'), 'utf8').repeat(MANY_CERTIFICATES),
  );
}

/** The files that take a reader long: for the journeys that check the page stays usable. */
export function writeSlowFiles(dir: string, pfxPassword: string): void {
  writeHugeEcParametersKey(dir);
  writeSlowPfx(dir, pfxPassword);
  writeManyCertificates(dir);
}
