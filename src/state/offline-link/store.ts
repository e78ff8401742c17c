import { create } from 'zustand';
import { readFileBytes } from '../../browser/read-file';
import type { CertificateSummary } from '../../crypto/certificate-summary';
import { OfflineLinkError } from '../../crypto/offline-link/errors';
import { CERTIFICATE_LINK_LABEL, OFFLINE_INVOICE_LABEL } from '../../crypto/offline-link/link';
import { certificatesOf, planCheck, type OpenedFile, type OpenedFileContent } from '../check/model';
import { toProblem } from '../check/problems';
import { fileReader } from '../file-reader';
import { logUnexpected } from '../log-unexpected';
import { loadOfflineLinkCrypto } from './load-crypto';
import {
  signingCertificate,
  type CodesRun,
  type InvoiceState,
  type LinkForm,
  type MadeCode,
  type OfflineLinkProblem,
  type VerifyRun,
} from './model';
import { forgetAll, vault } from './vault';

/**
 * The offline invoice QR codes (KOD I and KOD II) and the KOD II verifier. Everything happens in this tab:
 * nothing is sent. The store holds public data only (file names, certificate summaries, links); the opened
 * private key is in `vault.ts`, and passwords go from the form straight into `unlockKey`.
 */
export interface OfflineLinkState {
  /** The Offline certificate's key and certificate files, read as the checker reads them. */
  readonly files: readonly OpenedFile[];
  /** Opening a locked key or PFX with its password. */
  readonly unlock:
    { readonly status: 'idle' | 'working' } | { readonly status: 'failed'; readonly problem: OfflineLinkProblem };
  readonly invoice: InvoiceState;
  /** The link's fields as typed (public data); an FA(3) invoice fills in its hash, seller NIP and date. */
  readonly form: LinkForm;
  readonly codes: CodesRun;
  readonly verification: VerifyRun;
}

const initialState: OfflineLinkState = {
  files: [],
  unlock: { status: 'idle' },
  invoice: { status: 'none' },
  form: { environment: 'test', contextType: 'Nip', contextValue: '', sellerNip: '', invoiceHash: '', issueDate: '' },
  codes: { status: 'idle' },
  verification: { status: 'idle' },
};

export const useOfflineLinkStore = create<OfflineLinkState>()(() => initialState);

/** Starts loading the crypto and the file reader once the screen is shown, so that nothing waits later. */
export function preloadOfflineLinkCrypto(): void {
  loadOfflineLinkCrypto().catch((error: unknown) => logUnexpected('Loading the crypto code failed', error));
  fileReader.warm();
}

let nextFileId = 1;

function problemOf(error: unknown): OfflineLinkProblem {
  if (error instanceof OfflineLinkError) return { source: 'offline-link', code: error.code };
  return toProblem(error);
}

/** Opens the chosen key and certificate files in the file reader's worker (any format the checker reads). */
export async function addKeyFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const added = files.map((file): OpenedFile => ({
    id: nextFileId++,
    name: file.name,
    size: file.size,
    content: { kind: 'reading' },
  }));
  useOfflineLinkStore.setState((s) => ({ files: [...s.files, ...added], codes: { status: 'idle' } }));
  await Promise.all(
    files.map(async (file, index) => {
      const id = added[index]?.id;
      if (id === undefined) return;
      let content: OpenedFileContent;
      try {
        const bytes = await readFileBytes(file);
        const found = await fileReader.read('inspect', { bytes, now: new Date() });
        content = keep(id, found);
      } catch (error) {
        content = { kind: 'error', problem: toProblem(error) };
      }
      setContent(id, content);
    }),
  );
}

/** An opened key goes to the vault; the store keeps its format and certificates only. */
function keep(
  id: number,
  found: Awaited<ReturnType<typeof fileReader.read<'inspect'>>> | Awaited<ReturnType<typeof fileReader.read<'unlock'>>>,
): OpenedFileContent {
  if (found.kind !== 'key') return found;
  vault.keys.set(id, found.key);
  return { kind: 'key', format: found.format, certificates: found.certificates };
}

function setContent(id: number, content: OpenedFileContent): void {
  if (!useOfflineLinkStore.getState().files.some((f) => f.id === id)) {
    vault.keys.delete(id);
    return;
  }
  useOfflineLinkStore.setState((s) => ({ files: s.files.map((f) => (f.id === id ? { ...f, content } : f)) }));
}

/** Opens the locked key or PFX with `password`; a wrong one leaves it locked with `wrong-password`. */
export async function unlockKey(password: string): Promise<void> {
  const plan = planCheck(useOfflineLinkStore.getState().files);
  if (plan.kind !== 'needs-password') return;
  useOfflineLinkStore.setState({ unlock: { status: 'working' } });
  try {
    const { format, bytes, certificates } = plan.file.content;
    const opened = await fileReader.read('unlock', {
      file: { format, bytes, certificates },
      password,
      now: new Date(),
    });
    setContent(plan.file.id, keep(plan.file.id, opened));
    useOfflineLinkStore.setState({ unlock: { status: 'idle' } });
  } catch (error) {
    useOfflineLinkStore.setState({ unlock: { status: 'failed', problem: problemOf(error) } });
  }
}

/** Forgets the key and certificate files (and the key in the vault), and the codes made with them. */
export function clearKeyFiles(): void {
  forgetAll();
  useOfflineLinkStore.setState({ files: [], unlock: { status: 'idle' }, codes: { status: 'idle' } });
}

/** Forgets everything: leaving the screen calls this. */
export function resetOfflineLink(): void {
  forgetAll();
  useOfflineLinkStore.setState(initialState);
}

/**
 * Reads the invoice file: its SHA-256 (of the bytes as they are) always, and from an FA(3) invoice the
 * seller's NIP and the issue date, which the form takes as its defaults.
 */
export async function readInvoiceFile(file: File): Promise<void> {
  useOfflineLinkStore.setState({ invoice: { status: 'reading', fileName: file.name }, codes: { status: 'idle' } });
  let invoice: InvoiceState;
  try {
    const bytes = await readFileBytes(file);
    const { readInvoice, invoiceHash } = await loadOfflineLinkCrypto();
    try {
      const facts = await readInvoice(bytes);
      invoice = { status: 'read', fileName: file.name, invoiceHash: facts.invoiceHash, facts, fault: null };
    } catch (error) {
      if (!(error instanceof OfflineLinkError) || error.code === 'invoice-empty' || error.code === 'invoice-too-large')
        throw error;
      invoice = {
        status: 'read',
        fileName: file.name,
        invoiceHash: await invoiceHash(bytes),
        facts: null,
        fault: error.code,
      };
    }
  } catch (error) {
    invoice = { status: 'failed', fileName: file.name, problem: problemOf(error) };
  }
  const current = useOfflineLinkStore.getState();
  if (current.invoice.status !== 'reading' || current.invoice.fileName !== file.name) return;
  useOfflineLinkStore.setState({ invoice });
  if (invoice.status !== 'read') return;
  const { facts } = invoice;
  updateForm(
    facts === null
      ? { invoiceHash: invoice.invoiceHash }
      : {
          invoiceHash: facts.invoiceHash,
          sellerNip: facts.sellerNip,
          issueDate: facts.issueDate,
          // The context is most often the seller itself: a start, still editable.
          contextValue: current.form.contextValue === '' ? facts.sellerNip : current.form.contextValue,
        },
  );
}

/** Changes fields of the form; the codes made before no longer match it. */
export function updateForm(patch: Partial<LinkForm>): void {
  useOfflineLinkStore.setState((s) => ({ form: { ...s.form, ...patch }, codes: { status: 'idle' } }));
}

export function clearInvoice(): void {
  useOfflineLinkStore.setState({ invoice: { status: 'none' }, codes: { status: 'idle' } });
}

/**
 * Makes KOD II (signed with the opened key; the core refuses an Authentication, expired, not yet valid or
 * other environment's certificate, a key that does not pair, RSA under 2048 bits) and, when an issue date
 * is given, KOD I, each with its QR code.
 */
export async function makeCodes(now: Date = new Date()): Promise<void> {
  const { files, form } = useOfflineLinkStore.getState();
  const plan = planCheck(files);
  const certificate = plan.kind === 'ready' ? signingCertificate(plan.certificates.map((c) => c.certificate)) : null;
  const key = plan.kind === 'ready' ? vault.keys.get(plan.keyFileId) : undefined;
  if (certificate === null || key === undefined) {
    useOfflineLinkStore.setState({
      codes: { status: 'failed', problem: { source: 'offline-link', code: 'needs-key-and-certificate' } },
    });
    return;
  }
  useOfflineLinkStore.setState({ codes: { status: 'working' } });
  let codes: CodesRun;
  try {
    const crypto = await loadOfflineLinkCrypto();
    const signed = await crypto.signCertificateLink(
      {
        environment: form.environment,
        contextType: form.contextType,
        contextValue: form.contextValue.trim(),
        sellerNip: form.sellerNip.trim(),
        invoiceHash: form.invoiceHash.trim(),
      },
      key,
      certificate.der,
      { now },
    );
    const code = (url: string, label: string, fileBase: string): MadeCode => ({
      url,
      label,
      fileBase,
      svg: crypto.qrSvg(url, label),
      modules: crypto.qrModules(url),
    });
    const issueDate = form.issueDate.trim();
    const invoiceCode =
      issueDate === ''
        ? null
        : code(
            buildInvoiceLinkOrRefuse(crypto.buildInvoiceLink, {
              environment: form.environment,
              sellerNip: form.sellerNip.trim(),
              issueDate,
              invoiceHash: form.invoiceHash.trim(),
            }),
            OFFLINE_INVOICE_LABEL,
            `KOD-I-${form.sellerNip.trim()}-${issueDate}`,
          );
    codes = {
      status: 'done',
      invoiceCode,
      certificateCode: code(signed.url, CERTIFICATE_LINK_LABEL, `KOD-II-${signed.certificateSerial}`),
      certificateSerial: signed.certificateSerial,
    };
  } catch (error) {
    codes = { status: 'failed', problem: problemOf(error) };
  }
  useOfflineLinkStore.setState({ codes });
}

/** KOD I's builder throws RangeError only for a date that is not `YYYY-MM-DD` (the rest was checked by KOD II). */
function buildInvoiceLinkOrRefuse<T>(build: (input: T) => string, input: T): string {
  try {
    return build(input);
  } catch (error) {
    if (error instanceof RangeError) throw new OfflineLinkError('invoice-date-invalid', 'The issue date is not a date');
    throw error;
  }
}

/**
 * Checks a pasted KOD II link against a certificate, offline: `certificateFile` when given (any format the
 * checker reads), otherwise the certificate opened above. The answer names the first thing wrong.
 */
export async function verifyLink(text: string, certificateFile: File | null, now: Date = new Date()): Promise<void> {
  useOfflineLinkStore.setState({ verification: { status: 'working' } });
  let verification: VerifyRun;
  try {
    let certificates: readonly CertificateSummary[] = certificatesOf(useOfflineLinkStore.getState().files).map(
      (c) => c.certificate,
    );
    if (certificateFile !== null) {
      const found = await fileReader.read('inspect', { bytes: await readFileBytes(certificateFile), now });
      certificates = 'certificates' in found ? found.certificates : [];
    }
    const certificate = signingCertificate(certificates);
    if (certificate === null) {
      verification = { status: 'failed', problem: { source: 'offline-link', code: 'needs-certificate' } };
    } else {
      const { verifyCertificateLink } = await loadOfflineLinkCrypto();
      const result = await verifyCertificateLink(text.trim(), certificate.der, { now });
      verification = result.valid
        ? { status: 'valid', encoding: result.encoding, serial: result.link.certificateSerial }
        : { status: 'invalid', fault: result.fault };
    }
  } catch (error) {
    verification = { status: 'failed', problem: problemOf(error) };
  }
  useOfflineLinkStore.setState({ verification });
}
