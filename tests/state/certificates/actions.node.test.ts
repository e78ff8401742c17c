import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCsr, csrToBase64 } from '../../../src/crypto/csr';
import { writeEncryptedKeyFile } from '../../../src/crypto/key-file';
import { generateKeyPair } from '../../../src/crypto/keys';
import type { KsefCertificateType } from '../../../src/ksef/common-schemas';
import { signInWithTestIdentity as signInOutside } from '../../../src/sign-in/sign-in';
import {
  applyFilters,
  loadList,
  PAGE_SIZE,
  toggleSelected,
  turnPage,
} from '../../../src/state/certificates/list-actions';
import { NO_FILTERS } from '../../../src/state/certificates/filters';
import { downloadAgain, pairWithKey } from '../../../src/state/certificates/retrieve-actions';
import { revokeCertificate } from '../../../src/state/certificates/revoke-actions';
import { configureCertificates } from '../../../src/state/certificates/seams';
import { chooseEnvironment, signInWithTestIdentity, signOut } from '../../../src/state/certificates/sign-in-actions';
import { useCertificatesStore } from '../../../src/state/certificates/store';
import { vault } from '../../../src/state/certificates/vault';
import { openssl } from '../../support/openssl';
import { type RelayStack, expectNoSecretRelayed, secretForms, startRelayStack } from '../../support/relay-stack';
import { SEAL, SEAL_NIP } from '../../support/sandbox-harness';
import { MemoryStorage, type SavedFile } from '../apply/kit';
import { REVOCATION_BLOCKED_MS } from '../../../server/sandbox/core/state';

/**
 * The certificates screen's actions against the sandbox behind the relay on loopback: a subject with
 * 55 certificates (two pages), one of them with its `.key` kept; openssl checks what is saved.
 */
const PASSWORD = 'Haslo-Do-Klucza-Listy-2026!';
const COUNT = 55;
let stack: RelayStack;
let dir: string;
const saved: SavedFile[] = [];
const storage = new MemoryStorage();
const secrets: string[] = [PASSWORD];
const serials = new Map<string, string>();
const keyFiles = new Map<string, Uint8Array>();
const state = () => useCertificatesStore.getState();
const listRows = () => {
  const { list } = state();
  return list.status === 'done' ? list.rows : [];
};

beforeAll(async () => {
  stack = await startRelayStack();
  dir = mkdtempSync(join(tmpdir(), 'certificates-actions-'));
  configureCertificates({
    origin: new URL(stack.baseUrl).origin,
    now: stack.now,
    sleep: stack.sleep,
    storage,
    download: (name, content, mimeType) =>
      saved.push({
        name,
        bytes: typeof content === 'string' ? new TextEncoder().encode(content) : Uint8Array.from(content),
        mimeType,
      }),
  });
  const { session } = await signInOutside(stack.client, 'test', SEAL, { now: stack.now });
  const data = await stack.client.getEnrollmentData(session.tokens);
  for (let i = 0; i < COUNT; i++) {
    const name = `Certyfikat ${String(i).padStart(2, '0')}`;
    const type: KsefCertificateType = i % 10 === 0 ? 'Offline' : 'Authentication';
    const keyPair = await generateKeyPair('EC-P256');
    if (i < 2) {
      keyFiles.set(name, new TextEncoder().encode(await writeEncryptedKeyFile(keyPair.privateKey, PASSWORD)));
      secrets.push(...(await secretForms(keyPair.privateKey)));
    }
    await stack.client.enrollCertificate(session.tokens, {
      certificateName: name,
      certificateType: type,
      csr: csrToBase64(await buildCsr(data, keyPair)),
    });
  }
  stack.clock.advance(60_000);
  for (let page = 0; page < 2; page++) {
    const answer = await stack.client.queryCertificates(session.tokens, {}, { pageSize: 50, pageOffset: page });
    for (const item of answer.certificates) serials.set(item.name ?? '', item.certificateSerialNumber);
  }
  expect(serials.size).toBe(COUNT);
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  stack.expectContract();
  expectNoSecretRelayed(stack.relayed, secrets);
  await stack.close();
});

describe('the certificates screen, signed in as the subject', () => {
  it('signs in with a test identity of the same NIP and shows the first page of 50 and the limits', async () => {
    chooseEnvironment('test', SEAL_NIP);
    await signInWithTestIdentity({ kind: 'seal', organizationName: 'Inna Pieczęć', nip: SEAL_NIP });
    expect(state().signIn).toEqual({ status: 'done', subject: 'Inna Pieczęć' });
    expect(vault.session).not.toBeNull();
    // Security: the tokens are in the vault only.
    const tokens = vault.session?.tokens;
    const store = JSON.stringify(state());
    expect(store).not.toContain(tokens?.accessToken.token);
    expect(store).not.toContain(tokens?.refreshToken.token);
    const { list, limits } = state();
    expect(list).toMatchObject({ status: 'done', page: 0, hasMore: true, hiddenByExpiry: 0 });
    expect(listRows()).toHaveLength(PAGE_SIZE);
    expect(limits).toMatchObject({ status: 'done', limits: { certificate: { remaining: 100 - COUNT, limit: 100 } } });
    const first = listRows()[0];
    expect(first).toMatchObject({ status: 'Active', owner: { type: 'Nip', value: SEAL_NIP }, expiringSoon: false });
    expect(first?.daysLeft).toBeGreaterThan(300);
  });

  it('turns pages: the second has the other 5, no third; back to the first', async () => {
    await turnPage(1);
    expect(state().list).toMatchObject({ status: 'done', page: 1, hasMore: false });
    expect(listRows()).toHaveLength(COUNT - PAGE_SIZE);
    await turnPage(1);
    expect(state().list).toMatchObject({ page: 1 });
    await turnPage(-1);
    expect(state().list).toMatchObject({ page: 0 });
  });

  it('filters by type and name in KSeF, and by "expires before" on the page', async () => {
    await applyFilters({ ...NO_FILTERS, type: 'Offline' });
    expect(listRows().map((r) => r.type)).toEqual(Array(6).fill('Offline'));
    await applyFilters({ ...NO_FILTERS, name: 'certyfikat 0' });
    expect(
      listRows()
        .map((r) => r.name)
        .sort(),
    ).toEqual([...Array(10).keys()].map((i) => `Certyfikat 0${i}`));
    await applyFilters({ ...NO_FILTERS, expiresBefore: '2000-01-01' });
    expect(state().list).toMatchObject({ status: 'done', rows: [], hiddenByExpiry: PAGE_SIZE });
    await applyFilters(NO_FILTERS);
    expect(listRows()).toHaveLength(PAGE_SIZE);
  });

  it('downloads selected certificates again as <owner>_<serial>.crt, which openssl reads', async () => {
    await downloadAgain([]);
    expect(state().retrieve).toEqual({
      status: 'failed',
      problem: { source: 'certificates', code: 'nothing-selected' },
    });
    const wanted = ['Certyfikat 00', 'Certyfikat 01', 'Certyfikat 02'].map((n) => serials.get(n) ?? '');
    for (const serial of wanted) toggleSelected(serial, true);
    toggleSelected(wanted[2] ?? '', false);
    expect(state().selected).toEqual(wanted.slice(0, 2));
    saved.length = 0;
    await downloadAgain();
    expect(saved.map((f) => f.name).sort()).toEqual(
      wanted
        .slice(0, 2)
        .map((serial) => `Spolka-Testowa-Sp.-z-o.o_${serial}.crt`)
        .sort(),
    );
    for (const file of saved) {
      writeFileSync(join(dir, 'one.crt'), file.bytes);
      const text = openssl(['x509', '-in', 'one.crt', '-noout', '-serial'], { cwd: dir }).stdout.toString();
      expect(file.name).toContain(text.trim().replace('serial=', ''));
    }
  });

  it('pairs a downloaded certificate with its .key into a PFX; another key or a wrong password is refused', async () => {
    const serial = serials.get('Certyfikat 00') ?? '';
    const key = (name: string) => new File([Uint8Array.from(keyFiles.get(name) ?? [])], 'klucz.key');
    await pairWithKey(serial, key('Certyfikat 01'), PASSWORD);
    expect(state().pair).toEqual({ status: 'failed', problem: { source: 'certificates', code: 'key-mismatch' } });
    // A key that does not pair is not kept for the sign-in test.
    expect(vault.paired).toBeNull();
    await pairWithKey(serial, key('Certyfikat 00'), 'Zle-Haslo-Do-Klucza-2026!');
    expect(state().pair).toEqual({ status: 'failed', problem: { source: 'crypto', code: 'wrong-password' } });
    saved.length = 0;
    await pairWithKey(serial, key('Certyfikat 00'), PASSWORD);
    expect(state().pair).toEqual({
      status: 'done',
      pfxFileName: `Spolka-Testowa-Sp.-z-o.o_${serial}.pfx`,
      serialNumber: serial,
    });
    // The paired key waits in the vault (never the store) for the sign-in test of that certificate.
    expect(vault.paired?.serialNumber).toBe(serial);
    expect(JSON.stringify(state())).not.toContain('privateKey');
    writeFileSync(join(dir, 'pair.pfx'), saved[0]?.bytes ?? new Uint8Array());
    writeFileSync(join(dir, 'pair.key'), keyFiles.get('Certyfikat 00') ?? new Uint8Array());
    const pass = ['-passin', 'env:KSEF_TEST_PASSWORD'];
    const fromPfx = openssl(['pkcs12', '-in', 'pair.pfx', ...pass, '-nokeys'], { cwd: dir, password: PASSWORD });
    const certificatePublic = openssl(['x509', '-noout', '-pubkey'], { cwd: dir, input: fromPfx.stdout });
    const keyPublic = openssl(['pkey', '-in', 'pair.key', ...pass, '-pubout'], { cwd: dir, password: PASSWORD });
    expect(certificatePublic.stdout.toString()).toBe(keyPublic.stdout.toString());
  });

  it('revokes one, and the row says so; a second revocation is 25009, an unknown serial 25008', async () => {
    const serial = serials.get('Certyfikat 03') ?? '';
    await applyFilters({ ...NO_FILTERS, name: 'Certyfikat 03' });
    await revokeCertificate(serial, 'Certyfikat 03', 'KeyCompromise');
    expect(state().revoke).toEqual({ status: 'done', serialNumber: serial, name: 'Certyfikat 03' });
    // KSeF shows a revoked certificate as Blocked for a while, then Revoked.
    expect(listRows().find((r) => r.serialNumber === serial)?.status).toBe('Blocked');
    expect(state().limits).toMatchObject({ limits: { certificate: { remaining: 100 - COUNT + 1 } } });
    await revokeCertificate(serial, 'Certyfikat 03', 'Superseded');
    expect(state().revoke).toMatchObject({
      status: 'failed',
      problem: { source: 'ksef', code: 'certificate-already-revoked' },
    });
    await revokeCertificate('0123456789ABCDEF', 'Nieznany', 'Unspecified');
    expect(state().revoke).toMatchObject({
      status: 'failed',
      problem: { source: 'ksef', code: 'certificate-not-found' },
    });
    await applyFilters({ ...NO_FILTERS, status: 'Blocked' });
    expect(listRows().map((r) => r.serialNumber)).toEqual([serial]);
    stack.clock.advance(REVOCATION_BLOCKED_MS);
    await applyFilters({ ...NO_FILTERS, status: 'Revoked' });
    expect(listRows().map((r) => r.serialNumber)).toEqual([serial]);
  });

  it('replaces a row: the wizard opens signed-out on the same environment, prefilled; nothing to revoke yet', async () => {
    const { replaceCertificate } = await import('../../../src/state/certificates/replace-actions');
    const { revokeReplaced } = await import('../../../src/state/apply/replace-actions');
    const { useApplyStore } = await import('../../../src/state/apply/store');
    const { currentReplacement, endReplacement } = await import('../../../src/state/replacement');
    const { prefillFromReplacement } = await import('../../../src/state/apply/prefill-actions');
    await applyFilters({ ...NO_FILTERS, name: 'Certyfikat 10' });
    const row = listRows()[0];
    expect(row?.type).toBe('Offline');
    if (row === undefined) throw new Error('No row');
    expect(replaceCertificate(row)).toBe(true);
    expect(currentReplacement()).toMatchObject({
      environment: 'test',
      contextNip: SEAL_NIP,
      serialNumber: serials.get('Certyfikat 10'),
      name: 'Certyfikat 10',
      type: 'Offline',
      prefilled: false,
    });
    prefillFromReplacement();
    expect(currentReplacement()?.prefilled).toBe(true);
    expect(useApplyStore.getState()).toMatchObject({
      step: 'sign-in',
      environment: 'test',
      contextNip: SEAL_NIP,
      details: { certificateType: 'Offline', keyAlgorithm: 'EC-P256' },
    });
    expect(useApplyStore.getState().details?.certificateName).toMatch(/^Certyfikat 10 \d{4}-\d{2}$/);
    expect(await revokeReplaced()).toEqual({ source: 'apply', code: 'wrong-step' });
    endReplacement();
  });

  it('signs out: the session is gone, the environment stays; a list without a session asks to sign in', async () => {
    expect(await signOut()).toBeNull();
    expect(vault.session).toBeNull();
    expect(vault.paired).toBeNull();
    expect(state()).toMatchObject({ environment: 'test', contextNip: SEAL_NIP, signIn: { status: 'idle' } });
    await loadList();
    expect(state().list).toMatchObject({
      status: 'failed',
      problem: { source: 'certificates', code: 'session-expired' },
    });
    expect([...storage.items.keys()]).toEqual([]);
  });
});
