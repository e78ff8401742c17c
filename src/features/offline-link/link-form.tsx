import { useId, type FormEvent } from 'react';
import { CONTEXT_TYPES, isContextType, type LinkEnvironment } from '../../crypto/offline-link/link';
import { useOfflineLinkMessages } from '../../state/offline-link/messages';
import {
  clearInvoice,
  makeCodes,
  readInvoiceFile,
  updateForm,
  useOfflineLinkStore,
} from '../../state/offline-link/store';
import { FileField } from '../../ui/file-field';
import { TextField } from '../../ui/text-field';
import { problemCodeOf, useProblemText } from './problem-line';

const ENVIRONMENTS: readonly LinkEnvironment[] = ['sandbox', 'test', 'demo', 'prod'];
const isEnvironment = (value: string): value is LinkEnvironment => (ENVIRONMENTS as readonly string[]).includes(value);

/**
 * The invoice (file or hash) and the link's fields. An FA(3) invoice fills in the hash, the seller NIP
 * (`Podmiot1`) and the issue date; the context value starts as the seller NIP. Everything stays editable.
 */
export function LinkForm() {
  const m = useOfflineLinkMessages();
  const wording = useProblemText();
  const invoice = useOfflineLinkStore((s) => s.invoice);
  const codes = useOfflineLinkStore((s) => s.codes);
  const ids = { environment: useId(), contextType: useId() };
  const form = useOfflineLinkStore((s) => s.form);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void makeCodes();
  };

  return (
    <section className="panel" aria-labelledby="offline-invoice-heading">
      <h2 id="offline-invoice-heading">{m.invoiceHeading}</h2>
      <form className="stack" noValidate onSubmit={onSubmit}>
        <FileField
          label={m.invoiceFile}
          hint={m.invoiceFileHint}
          accept=".xml,application/xml,text/xml"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file === undefined) clearInvoice();
            else void readInvoiceFile(file);
          }}
          error={invoice.status === 'failed' ? wording(invoice.problem) : undefined}
        />
        {invoice.status === 'read' && (
          <p role="status" data-invoice-fault={invoice.fault ?? undefined}>
            {invoice.fault === null
              ? m.invoiceRead(invoice.fileName)
              : `${m.invoiceNotFa3(invoice.fileName)} ${m.faults[invoice.fault]}`}
          </p>
        )}
        <TextField
          label={m.hash}
          value={form.invoiceHash}
          onChange={(e) => updateForm({ invoiceHash: e.target.value })}
          spellCheck={false}
        />
        <div className="field">
          <label htmlFor={ids.environment}>{m.environment}</label>
          <select
            id={ids.environment}
            value={form.environment}
            onChange={(e) => isEnvironment(e.target.value) && updateForm({ environment: e.target.value })}
          >
            {ENVIRONMENTS.map((value) => (
              <option key={value} value={value}>
                {m.environments[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.contextType}>{m.contextType}</label>
          <select
            id={ids.contextType}
            value={form.contextType}
            onChange={(e) => isContextType(e.target.value) && updateForm({ contextType: e.target.value })}
          >
            {CONTEXT_TYPES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={m.contextValue}
          value={form.contextValue}
          onChange={(e) => updateForm({ contextValue: e.target.value })}
        />
        <TextField
          label={m.sellerNip}
          value={form.sellerNip}
          inputMode="numeric"
          onChange={(e) => updateForm({ sellerNip: e.target.value })}
        />
        <TextField
          label={m.issueDate}
          value={form.issueDate}
          onChange={(e) => updateForm({ issueDate: e.target.value })}
        />
        <button type="submit" className="button button-primary" disabled={codes.status === 'working'}>
          {codes.status === 'working' ? m.working : m.make}
        </button>
        {codes.status === 'failed' && (
          <p role="alert" className="error-text" data-problem={problemCodeOf(codes.problem)}>
            {m.refused} {wording(codes.problem)}
          </p>
        )}
      </form>
    </section>
  );
}
