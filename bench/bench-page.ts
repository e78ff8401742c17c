import { buildCsr } from '../src/crypto/csr';
import type { CertificateEnrollmentData } from '../src/crypto/enrollment-data';
import { writeEncryptedKeyFile } from '../src/crypto/key-file';
import { generateKeyPair } from '../src/crypto/keys';
import { checkPair } from '../src/crypto/pair';
import { buildPfx, readPfx } from '../src/crypto/pkcs12';
import { readPrivateKey } from '../src/crypto/private-key-reader';
import { fromBase64 } from '../src/lib/bytes';
import { runJourney } from './journey';
import { measure, summarize, type Measurement } from './measure';
import { selfSignedCertificate } from './self-signed';

const PASSWORD = 'Bench-Password-2026!';
const SEAL: CertificateEnrollmentData = {
  commonName: 'Spółka Testowa',
  countryName: 'PL',
  organizationName: 'SPÓŁKA TESTOWA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ',
  organizationIdentifier: 'VATPL-5265877635',
};

/** What bench/run.ts hands the page: which parts to run, and OpenSSL's PFX files (base64) to read. */
export interface BenchInput {
  /** Skip the wizard journeys (the crypto figures only). */
  readonly cryptoOnly: boolean;
  /** The password of both files. */
  readonly pfxPassword: string;
  /** `openssl pkcs12 -export -iter 100000 -macalg sha256`. */
  readonly pfx100k: string;
  /** `openssl pkcs12 -export -iter 600000 -macalg sha512`. */
  readonly pfx600kSha512: string;
}

/** The PKCS#12 operations timed in turn with OpenSSL's (bench/run.ts). */
export type PfxOperation = 'build100k' | 'read100k' | 'read600k';

/** What the page gives back: the figures of the table. */
export interface BenchOutput {
  readonly measurements: Measurement[];
}

function bytesOf(base64: string): Uint8Array {
  const bytes = fromBase64(base64);
  if (bytes === null) throw new Error('The bench PFX is not base64');
  return bytes;
}

async function runBench(input: BenchInput): Promise<BenchOutput> {
  const ec = await generateKeyPair('EC-P256');
  const rsa = await generateKeyPair('RSA-2048');
  const ecKeyFile = new TextEncoder().encode(await writeEncryptedKeyFile(ec.privateKey, PASSWORD));
  const loadedEc = await readPrivateKey(ecKeyFile, PASSWORD);
  const loadedRsa = await readPrivateKey(
    new TextEncoder().encode(await writeEncryptedKeyFile(rsa.privateKey, PASSWORD)),
    PASSWORD,
  );
  const ecCertificate = await selfSignedCertificate(ec);
  const rsaCertificate = await selfSignedCertificate(rsa);
  const measurements = [
    await measure('generate EC P-256 key pair', 20, () => generateKeyPair('EC-P256'), 20),
    await measure('generate RSA-2048 key pair', 20, () => generateKeyPair('RSA-2048')),
    await measure('write .key (PBKDF2 100 000, AES-256-CBC), EC', 10, () =>
      writeEncryptedKeyFile(ec.privateKey, PASSWORD),
    ),
    await measure('read .key (PBKDF2 100 000, AES-256-CBC), EC', 10, () => readPrivateKey(ecKeyFile, PASSWORD)),
    await measure('build CSR, EC P-256', 20, () => buildCsr(SEAL, ec), 10),
    await measure('build CSR, RSA-2048', 20, () => buildCsr(SEAL, rsa), 10),
    await measure('pair check, EC P-256', 20, () => checkPair(loadedEc, ecCertificate), 10),
    await measure('pair check, RSA-2048', 20, () => checkPair(loadedRsa, rsaCertificate), 10),
    ...(input.cryptoOnly ? [] : await journeys(5)),
  ];
  return { measurements };
}

/** Journey (1) against the local sandbox, `runs` times after one warm-up. */
async function journeys(runs: number): Promise<Measurement[]> {
  await runJourney(0);
  const timings = [];
  for (let i = 1; i <= runs; i++) timings.push(await runJourney(i));
  return [
    summarize(
      'wizard: "Generate" to .key download, EC',
      timings.map((t) => t.generateToKeyDownloadMs),
    ),
    summarize(
      'wizard: journey (1) against the sandbox',
      timings.map((t) => t.journeyMs),
    ),
  ];
}

let pfxSetup: Promise<Record<PfxOperation, () => Promise<unknown>>> | undefined;

/**
 * Runs `operation` once and gives its wall time in ms. The first call makes the key and certificate
 * `buildPfx` packs. bench/run.ts alternates these with `openssl pkcs12` on the same files, so both
 * sides see the same load on a shared machine.
 */
async function runPfxOperation(input: BenchInput, operation: PfxOperation): Promise<number> {
  pfxSetup ??= (async () => {
    const ec = await generateKeyPair('EC-P256');
    const certificate = await selfSignedCertificate(ec);
    const options = { privateKey: ec.privateKey, certificate, friendlyName: 'Bench', password: PASSWORD };
    const pfx100k = bytesOf(input.pfx100k);
    const pfx600k = bytesOf(input.pfx600kSha512);
    return {
      build100k: () => buildPfx(options),
      read100k: () => readPfx(pfx100k, input.pfxPassword),
      read600k: () => readPfx(pfx600k, input.pfxPassword),
    };
  })();
  const run = (await pfxSetup)[operation];
  const start = performance.now();
  await run();
  return performance.now() - start;
}

Object.assign(globalThis, { runBench, runPfxOperation });
