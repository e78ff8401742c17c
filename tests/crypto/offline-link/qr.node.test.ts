import { chromium } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../scripts/chromium';
import {
  CERTIFICATE_LINK_LABEL,
  OFFLINE_INVOICE_LABEL,
  buildCertificateLink,
  buildInvoiceLink,
} from '../../../src/crypto/offline-link/link';
import { QUIET_ZONE, qrModules, qrSvg } from '../../../src/crypto/offline-link/qr';

const FIELDS = {
  environment: 'test',
  contextType: 'Nip',
  contextValue: '1111111111',
  sellerNip: '1111111111',
  certificateSerial: '01F20A5D352AE590',
  invoiceHash: 'UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE',
} as const;
/** The longest KOD II the app makes: an RSA-2048 signature, 342 Base64URL characters. */
const RSA_LINK = buildCertificateLink(
  FIELDS,
  new Uint8Array(256).map((_, i) => (i * 37) & 0xff),
);
/** An EC one: 64 bytes of r||s. */
const EC_LINK = buildCertificateLink(
  FIELDS,
  new Uint8Array(64).map((_, i) => 255 - i),
);
const INVOICE_LINK = buildInvoiceLink({
  environment: 'prod',
  sellerNip: '1111111111',
  issueDate: '2026-02-01',
  invoiceHash: FIELDS.invoiceHash,
});

/** The symbol drawn as pixels (4 per module, quiet zone included), written and read back as a PNG by pngjs. */
function modulesAsPng(modules: boolean[][], scale = 4): PNG {
  const size = (modules.length + 2 * QUIET_ZONE) * scale;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dark = modules[Math.floor(y / scale) - QUIET_ZONE]?.[Math.floor(x / scale) - QUIET_ZONE] === true;
      const i = (y * size + x) * 4;
      png.data.fill(dark ? 0 : 255, i, i + 3);
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.read(PNG.sync.write(png));
}

const decode = (png: PNG): string | null =>
  jsQR(new Uint8ClampedArray(png.data), png.width, png.height, { inversionAttempts: 'dontInvert' })?.data ?? null;

describe('QR symbols decode, with an independent reader (jsQR), to exactly the link', () => {
  it.each([
    ['KOD II, RSA', RSA_LINK],
    ['KOD II, EC', EC_LINK],
    ['KOD I', INVOICE_LINK],
  ])('%s: the module matrix', (_name, link) => {
    expect(decode(modulesAsPng(qrModules(link)))).toBe(link);
  });

  it('the SVG as Chromium draws it, with the label under the code', async () => {
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const page = await browser.newPage({ viewport: { width: 800, height: 800 } });
      for (const [link, label] of [
        [RSA_LINK, CERTIFICATE_LINK_LABEL],
        [INVOICE_LINK, OFFLINE_INVOICE_LABEL],
      ] as const) {
        const svg = qrSvg(link, label);
        expect(svg).toContain(`>${label}</text>`);
        await page.setContent(`<body style="margin:0;background:#fff">${svg}</body>`);
        const png = PNG.sync.read(await page.locator('svg').screenshot());
        expect(decode(png)).toBe(link);
      }
    } finally {
      await browser.close();
    }
  });

  it('escapes the label (a KSeF number is plain, but the SVG must stay well-formed for any text)', () => {
    expect(qrSvg('x', '<a & "b">')).toContain('>&lt;a &amp; &quot;b&quot;&gt;</text>');
  });
});
