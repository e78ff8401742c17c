import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a seed is, which decides the readers its mutants go to. */
export type SeedKind = 'file' | 'csr' | 'xml';

export interface Seed {
  readonly name: string;
  readonly kind: SeedKind;
  readonly bytes: Uint8Array;
  /** The password that opens it (tests/fixtures/README.md), so mutants get past the MAC and decryption. */
  readonly password: string;
}

const FIXTURES = join(import.meta.dirname, '..', '..', 'tests', 'fixtures');
const FIXTURE_PASSWORD = 'Test-Password-123!';
const EMPTY_PASSWORD = /empty-password/;
/** The Taxpayer Application's sample key (tests/fixtures/README.md). */
const TAXPAYER_PASSWORD = 'ADadADad12!@adadad';

/**
 * Every fixture a reader of user files could meet: keys, certificates, CSRs, PFX, PKCS#7 and the signed
 * sign-in XML. Base64 copies (`.b64`) duplicate the binary files; the notes and oracles are not inputs.
 */
export function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  for (const folder of ['keys', 'certs', 'xades']) {
    for (const file of readdirSync(join(FIXTURES, folder)).sort()) {
      if (/\.(b64|java|txt|json)$/.test(file)) continue;
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, folder, file)));
      seeds.push({ name: `${folder}/${file}`, kind: kindOf(file), bytes, password: passwordOf(file) });
    }
  }
  return seeds;
}

function kindOf(file: string): SeedKind {
  if (file.endsWith('.xml')) return 'xml';
  return /\.csr\./.test(file) ? 'csr' : 'file';
}

function passwordOf(file: string): string {
  if (EMPTY_PASSWORD.test(file)) return '';
  return file.startsWith('taxpayer-app') ? TAXPAYER_PASSWORD : FIXTURE_PASSWORD;
}
