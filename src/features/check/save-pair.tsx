import { useState } from 'react';
import type { CertificateSummary } from '../../crypto/certificate-summary';
import { downloadCertificate, exportPfx, resetPfxExport } from '../../state/check/pfx-actions';
import { useCheckStore } from '../../state/check/store';
import { useMessages } from '../../state/preferences-store';
import { PfxExportForm } from '../../ui/pfx-export-form';

/** The ways to save a matching pair: a PFX with its own password, or the certificate alone. */
export function SavePair({ certificate }: { readonly certificate: CertificateSummary }) {
  const t = useMessages();
  const pfxExport = useCheckStore((s) => s.pfxExport);
  const [formOpen, setFormOpen] = useState(false);
  const close = () => {
    setFormOpen(false);
    resetPfxExport();
  };
  return (
    <section className="save-pair" aria-labelledby="save-heading">
      <h4 id="save-heading">{t.save.heading}</h4>
      <p className="hint">{t.save.intro}</p>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          aria-expanded={formOpen}
          aria-controls="export-pfx"
          onClick={() => (formOpen ? close() : setFormOpen(true))}
        >
          {t.save.exportPfx}
        </button>
        <button type="button" className="button" onClick={() => downloadCertificate(certificate)}>
          {t.save.downloadCertificate}
        </button>
      </div>
      <div id="export-pfx">
        {formOpen && (
          <PfxExportForm
            password="new"
            headingLevel={5}
            status={pfxExport}
            onExport={(password) => exportPfx(certificate, password)}
            onCancel={close}
          />
        )}
      </div>
    </section>
  );
}
