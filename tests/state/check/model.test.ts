import { describe, expect, it } from 'vitest';
import type { CertificateSummary } from '../../../src/crypto/certificate-summary';
import { certificatesOf, planCheck, type OpenedFile, type OpenedFileContent } from '../../../src/state/check/model';

function certificate(owner: string): CertificateSummary {
  return {
    subject: [],
    subjectText: `CN=${owner}`,
    issuer: [],
    issuerText: `CN=${owner}`,
    ownerName: owner,
    serialHex: '01F20A5D352AE590',
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2028-01-01T00:00:00Z'),
    daysRemaining: 400,
    validity: 'valid',
    keyType: { kind: 'EC', curve: 'P-256' },
    selfSigned: true,
    keyUsage: ['digitalSignature'],
    qcStatements: null,
    crlDistributionPoints: [],
    sha256Fingerprint: '00',
    spki: new Uint8Array(),
    der: new Uint8Array([0x30, 0x00]),
  };
}

let nextId = 1;
function file(content: OpenedFileContent, name = `f${nextId}`): OpenedFile {
  return { id: nextId++, name, size: 1, content };
}

const certs = (...owners: string[]): OpenedFileContent => ({
  kind: 'certificates',
  certificates: owners.map(certificate),
});
const lockedKey = (): OpenedFileContent => ({
  kind: 'locked',
  format: 'encrypted-private-key',
  bytes: new Uint8Array([1]),
  certificates: [],
});

describe('planCheck', () => {
  it('starts empty', () => {
    expect(planCheck([])).toEqual({ kind: 'empty' });
  });

  it('waits while any file is being read', () => {
    expect(planCheck([file(certs('A')), file({ kind: 'reading' })]).kind).toBe('reading');
  });

  it('waits for a file whose reading was stopped to be read again or removed, before any error', () => {
    const plan = planCheck([
      file({ kind: 'error', problem: { source: 'crypto', code: 'empty-file' } }),
      file({ kind: 'not-read' }, 'slow.pfx'),
      file(certs('A')),
    ]);
    expect(plan).toEqual({ kind: 'not-read', fileName: 'slow.pfx' });
  });

  it('names the first file that failed', () => {
    const plan = planCheck([
      file(certs('A')),
      file({ kind: 'error', problem: { source: 'crypto', code: 'empty-file' } }, 'empty.key'),
    ]);
    expect(plan).toEqual({
      kind: 'file-error',
      fileName: 'empty.key',
      problem: { source: 'crypto', code: 'empty-file' },
    });
  });

  it('asks for a key when only certificates (or a CSR) are open', () => {
    expect(planCheck([file(certs('A')), file(certs('B'))])).toEqual({ kind: 'needs-key', hasCsr: false });
    expect(planCheck([file({ kind: 'csr' })])).toEqual({ kind: 'needs-key', hasCsr: true });
  });

  it('asks for the password of a locked key', () => {
    const locked = file(lockedKey(), 'jan.key');
    const plan = planCheck([locked, file(certs('A'))]);
    expect(plan.kind === 'needs-password' && plan.file.name).toBe('jan.key');
  });

  it('refuses two keys', () => {
    expect(planCheck([file(lockedKey()), file({ kind: 'key', format: 'private-key', certificates: [] })]).kind).toBe(
      'several-keys',
    );
  });

  it('asks for a certificate when only a key is open', () => {
    expect(planCheck([file({ kind: 'key', format: 'private-key', certificates: [] })])).toEqual({
      kind: 'needs-certificate',
      hasCsr: false,
    });
  });

  it('is ready with a key and certificates, including those inside a PFX', () => {
    const pfx = file({ kind: 'key', format: 'pkcs12', certificates: [certificate('PFX')] }, 'a.pfx');
    const plan = planCheck([pfx, file(certs('B'), 'b.crt')]);
    expect(plan.kind).toBe('ready');
    if (plan.kind === 'ready') {
      // The key itself stays in the vault; the plan names the file it was opened from.
      expect(plan.keyFileId).toBe(pfx.id);
      expect(plan.certificates.map((c) => [c.fileName, c.certificate.ownerName])).toEqual([
        ['a.pfx', 'PFX'],
        ['b.crt', 'B'],
      ]);
    }
  });
});

describe('certificatesOf', () => {
  it('gives each certificate an id stable per file and position', () => {
    const a = file(certs('A', 'A2'));
    expect(certificatesOf([a]).map((c) => c.id)).toEqual([`${a.id}.0`, `${a.id}.1`]);
  });
});
