import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePem } from '../../src/crypto/pem';

/** The official `AuthTokenRequest` schema, kept unchanged in the repository (`spec/ksef/`). */
export const AUTH_XSD_2_1 = readFileSync(
  fileURLToPath(new URL('../../spec/ksef/schemat_auth_v2-1.xsd', import.meta.url)),
  'utf8',
);

/**
 * The same schema with the `$` at the end of the `TNipVatUE` pattern removed. XSD regular expressions
 * have no anchors, so a conforming validator (libxml2) reads that `$` as a literal character and only
 * accepts NipVatUe values ending in `$`; the pattern's intent, and what a validator that treats `$` as
 * an anchor accepts, is the value without it.
 */
export const AUTH_XSD_2_1_NIPVATUE_UNANCHORED = (() => {
  const patched = AUTH_XSD_2_1.replace('(GD|HA)(\\d{3}))))$"/>', '(GD|HA)(\\d{3}))))"/>');
  if (patched === AUTH_XSD_2_1) throw new Error('The TNipVatUE pattern no longer ends in $: drop the patch');
  return patched;
})();

/** What an oracle said: its exit status and everything it printed. */
export interface OracleResult {
  readonly ok: boolean;
  readonly output: string;
}

function run(
  tool: string,
  args: readonly string[],
  files: Readonly<Record<string, string | Uint8Array>>,
): OracleResult {
  const dir = mkdtempSync(join(tmpdir(), 'ksef-cert-xml-'));
  try {
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
    const result = spawnSync(tool, args, { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    if (result.error) throw result.error;
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `xmllint --noout --schema schema.xsd request.xml`: does the document validate against the schema text? */
export function xmllintValidate(xml: string | Uint8Array, xsd: string = AUTH_XSD_2_1): OracleResult {
  return run('xmllint', ['--noout', '--nonet', '--schema', 'schema.xsd', 'request.xml'], {
    'request.xml': xml,
    'schema.xsd': xsd,
  });
}

/**
 * The command that checks our signatures, independently of xadesjs:
 * `xmlsec1 --verify --enabled-reference-uris empty,same-doc --id-attr:Id SignedProperties
 *  --trusted-pem signer.pem signed.xml`. The signer certificate (self-signed in tests) is the trust
 * anchor, so xmlsec1 checks both references and the SignatureValue with the key in KeyInfo.
 */
export const XMLSEC1_VERIFY_ARGS = [
  '--verify',
  '--enabled-reference-uris',
  'empty,same-doc',
  '--id-attr:Id',
  'SignedProperties',
  '--trusted-pem',
  'signer.pem',
  'signed.xml',
] as const;

/**
 * Runs `XMLSEC1_VERIFY_ARGS` on `signedXml` (bytes exactly as given) with `certificate` (DER);
 * `options` go after `--verify` (e.g. `--id-attr:Id <ds>:Object` for an enveloping signature).
 */
export function xmlsec1Verify(
  signedXml: string | Uint8Array,
  certificate: Uint8Array,
  options: readonly string[] = [],
): OracleResult {
  const [command, ...rest] = XMLSEC1_VERIFY_ARGS;
  return run('xmlsec1', [command, ...options, ...rest], {
    'signed.xml': signedXml,
    'signer.pem': encodePem('CERTIFICATE', certificate),
  });
}
