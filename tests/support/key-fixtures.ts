import { fromBase64 } from '../../src/lib/bytes';

/**
 * The files of `tests/fixtures/keys/` (see `tests/fixtures/README.md`), loaded the same way in Node and
 * in Chromium: text files with Vite's `?raw`, binary ones through their `.b64` copies.
 */
const texts = import.meta.glob(['../fixtures/keys/*.pem', '../fixtures/keys/*.key', '../fixtures/keys/*.b64'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function text(name: string): string {
  const value = texts[`../fixtures/keys/${name}`];
  if (typeof value !== 'string') throw new Error(`No fixture ${name}`);
  return value;
}

/** The bytes of fixture `name` (e.g. `ec-p256.pkcs8.pem`, `ec-p256.openssl3.p12`). */
export function fixture(name: string): Uint8Array<ArrayBuffer> {
  if (/\.(der|p12|jks)$/.test(name)) {
    const bytes = fromBase64(text(`${name}.b64`));
    if (bytes === null) throw new Error(`Fixture ${name}.b64 is not base64`);
    return bytes;
  }
  return new TextEncoder().encode(text(name));
}

/** The text of PEM fixture `name`. */
export function fixtureText(name: string): string {
  return text(name);
}

/** The DER SubjectPublicKeyInfo in `<key>.pub.pem`, made by `openssl pkey -pubout`. */
export function expectedSpki(key: string): Uint8Array<ArrayBuffer> {
  const base64 = text(`${key}.pub.pem`).replace(/-----[A-Z ]+-----/g, '');
  const der = fromBase64(base64);
  if (der === null) throw new Error(`Fixture ${key}.pub.pem is not PEM`);
  return der;
}

/** The password of every encrypted fixture (README). */
export const FIXTURE_PASSWORD = 'Test-Password-123!';

/** The password of the Taxpayer Application sample `taxpayer-app-ec-p256.key` (docs/ksef-contract.md §8). */
export const TAXPAYER_SAMPLE_PASSWORD = 'ADadADad12!@adadad';
