import { downloadFile } from '../../browser/download';
import { logUnexpected } from '../../state/log-unexpected';
import type { MadeCode } from '../../state/offline-link/model';
import { useOfflineLinkMessages } from '../../state/offline-link/messages';
import { useOfflineLinkStore } from '../../state/offline-link/store';
import { qrPng } from '../../browser/qr-png';

function CodeCard({ heading, code }: { readonly heading: string; readonly code: MadeCode }) {
  const m = useOfflineLinkMessages();
  const savePng = async () => {
    try {
      downloadFile(`${code.fileBase}.png`, await qrPng(code.modules, code.label), 'image/png');
    } catch (error) {
      logUnexpected('Drawing the PNG failed', error);
    }
  };
  return (
    <figure className="qr-card" data-code={code.fileBase}>
      <figcaption>
        <h3>{heading}</h3>
      </figcaption>
      <img
        className="qr-image"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.svg)}`}
        alt={`${heading} (${code.label})`}
      />
      <p className="qr-link">
        <code>{code.url}</code>
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => downloadFile(`${code.fileBase}.svg`, code.svg, 'image/svg+xml')}
        >
          {m.downloadSvg}
        </button>
        <button type="button" className="button" onClick={() => void savePng()}>
          {m.downloadPng}
        </button>
      </div>
    </figure>
  );
}

/** KOD I and KOD II as made: each link, its QR code with its label, SVG and PNG downloads. */
export function QrCodes() {
  const m = useOfflineLinkMessages();
  const codes = useOfflineLinkStore((s) => s.codes);
  if (codes.status !== 'done') return null;
  return (
    <section className="panel" aria-labelledby="offline-codes-heading">
      <h2 id="offline-codes-heading">{m.codesHeading}</h2>
      {codes.invoiceCode === null ? (
        <p>{m.noInvoiceCode}</p>
      ) : (
        <CodeCard heading={m.invoiceCode} code={codes.invoiceCode} />
      )}
      <CodeCard heading={m.certificateCode} code={codes.certificateCode} />
    </section>
  );
}
