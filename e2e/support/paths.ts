import { join, resolve } from 'node:path';

/** The environment variable through which the global setup tells the tests where the fixtures are. */
export const FIXTURES_ENV = 'KSEF_CERT_E2E_FIXTURES';

/** Password of jan.key (the fixture key in the Taxpayer Application format). */
export const KEY_PASSWORD = 'Klucz-Testowy-2025!';
/** Serial of offline-link.crt, the Offline certificate the offline-link journey signs KOD II with. */
export const OFFLINE_LINK_SERIAL = '01F20A5D352AE5A0';

/** Password of jan.pfx and jan-legacy.pfx (jan-legacy-no-password.pfx has an empty one). */
export const PFX_PASSWORD = 'Pfx-Testowy-2025!';

/**
 * The real Taxpayer Application sample key: the copy the unit tests read too (spec/ksef/SOURCES.md
 * says where it comes from).
 */
export const TAXPAYER_SAMPLE_KEY = resolve(
  import.meta.dirname,
  '../..',
  'tests/fixtures/keys/taxpayer-app-ec-p256.key',
);
export const TAXPAYER_KEY_PASSWORD = 'ADadADad12!@adadad';

/** Path of a fixture made by the global setup. */
export function fixture(name: string): string {
  const dir = process.env[FIXTURES_ENV];
  if (dir === undefined) throw new Error(`${FIXTURES_ENV} is not set: run the suite through playwright.config.ts`);
  return join(dir, name);
}
