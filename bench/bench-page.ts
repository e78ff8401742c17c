import { buildCsr } from '../src/crypto/csr';
import type { CertificateEnrollmentData } from '../src/crypto/enrollment-data';
import { writeEncryptedKeyFile } from '../src/crypto/key-file';
import { generateKeyPair } from '../src/crypto/keys';
import { checkPair } from '../src/crypto/pair';
import { buildPfx, readPfx } from '../src/crypto/pkcs12';
import { readPrivateKey } from '../src/crypto/private-key-reader';
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

async function runBench(): Promise<Measurement[]> {
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
  const pfxOptions = {
    privateKey: ec.privateKey,
    certificate: ecCertificate,
    friendlyName: 'Bench',
    password: PASSWORD,
  };
  const pfx = await buildPfx(pfxOptions);

  return [
    await measure('generate EC P-256 key pair', 20, () => generateKeyPair('EC-P256'), 20),
    await measure('generate RSA-2048 key pair', 20, () => generateKeyPair('RSA-2048')),
    await measure('write .key (PBKDF2 100 000, AES-256-CBC), EC', 10, () =>
      writeEncryptedKeyFile(ec.privateKey, PASSWORD),
    ),
    await measure('read .key (PBKDF2 100 000, AES-256-CBC), EC', 10, () => readPrivateKey(ecKeyFile, PASSWORD)),
    await measure('build CSR, EC P-256', 20, () => buildCsr(SEAL, ec), 10),
    await measure('build CSR, RSA-2048', 20, () => buildCsr(SEAL, rsa), 10),
    await measure('build PFX (PBKDF2 and MAC 100 000 iterations), EC', 5, () => buildPfx(pfxOptions)),
    await measure('read PFX (PBKDF2 and MAC 100 000 iterations), EC', 5, () => readPfx(pfx, PASSWORD)),
    await measure('pair check, EC P-256', 20, () => checkPair(loadedEc, ecCertificate), 10),
    await measure('pair check, RSA-2048', 20, () => checkPair(loadedRsa, rsaCertificate), 10),
    ...(await journeys(5)),
  ];
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

Object.assign(globalThis, { runBench });
