import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodePem } from '../../src/crypto/pem';
import { FIXTURE_SIGNERS, SIGNED_FIXTURES } from '../support/xades-fixtures';
import { XMLSEC1_VERIFY_ARGS } from '../support/xml-oracles';

/*
 * README's "Signing the XML" gives the xmlsec1 command a user can check a signed file with. It must be
 * the command the tests verify signatures with, and it must work as written: this test runs the line
 * from the README, word for word, on a signed fixture and on the same file changed after signing.
 */
const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

function readmeCommand(): string[] {
  const section = README.split(/^## /m).find((part) => part.startsWith('Signing the XML')) ?? '';
  const lines = section.split('\n').filter((line) => line.startsWith('xmlsec1 '));
  expect(lines, 'one xmlsec1 line in "Signing the XML"').toHaveLength(1);
  return (lines[0] ?? '').trim().split(/\s+/);
}

function runInDir(command: readonly string[], signedXml: Uint8Array): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ksef-cert-readme-'));
  try {
    writeFileSync(join(dir, 'signed.xml'), signedXml);
    writeFileSync(join(dir, 'signer.pem'), encodePem('CERTIFICATE', FIXTURE_SIGNERS.ec.certificate));
    const [tool = '', ...args] = command;
    const result = spawnSync(tool, args, { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    if (result.error) throw result.error;
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('README: the xmlsec1 command of "Signing the XML"', () => {
  it('is the command the tests verify signatures with', () => {
    expect(readmeCommand()).toEqual(['xmlsec1', ...XMLSEC1_VERIFY_ARGS]);
  });

  it('accepts a signed file as written', () => {
    const result = runInDir(readmeCommand(), SIGNED_FIXTURES.xadesEnvelopedEc);
    expect(result.status, result.output).toBe(0);
  });

  it('refuses the same file changed after signing', () => {
    const text = new TextDecoder().decode(SIGNED_FIXTURES.xadesEnvelopedEc);
    const changed = text.replace(/<Challenge>(\d)/, (_, d: string) => `<Challenge>${(Number(d) + 1) % 10}`);
    expect(changed).not.toBe(text);
    const result = runInDir(readmeCommand(), new TextEncoder().encode(changed));
    expect(result.status).not.toBe(0);
  });
});
