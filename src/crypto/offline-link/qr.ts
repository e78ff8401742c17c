import { encode } from 'uqr';

/**
 * QR symbols for KOD I and KOD II (ISO/IEC 18004, as `kody-qr.md` requires), drawn as SVG with the label
 * the documentation puts under them (`CERTYFIKAT`, `OFFLINE` or the KSeF number). The encoding itself
 * (version choice, Reed-Solomon, masking) is uqr's; this module only draws.
 */

/** Error correction M (15%): a long RSA link stays a readable size on paper. */
const ERROR_CORRECTION = 'M';
/** The quiet zone ISO/IEC 18004 asks for: four modules on every side. */
export const QUIET_ZONE = 4;

/** The QR symbol of `text`: `modules[y][x]` is true for a dark module, without the quiet zone. */
export function qrModules(text: string): boolean[][] {
  return encode(text, { ecc: ERROR_CORRECTION, border: 0 }).data;
}

/**
 * An SVG of `text`'s QR symbol with `label` centred under it: black modules on white, the quiet zone
 * included, `moduleSize` user units per module. One path of unit squares, so it scales without seams.
 */
export function qrSvg(text: string, label: string, moduleSize = 4): string {
  const modules = qrModules(text);
  const size = modules.length + 2 * QUIET_ZONE;
  const labelHeight = 6;
  let path = '';
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
    });
  });
  const width = size * moduleSize;
  const height = (size + labelHeight) * moduleSize;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${size} ${size + labelHeight}" shape-rendering="crispEdges" role="img" aria-label="${escapeXml(label)}">` +
    `<rect width="${size}" height="${size + labelHeight}" fill="#fff"/>` +
    `<path d="${path}" fill="#000"/>` +
    `<text x="${size / 2}" y="${size + labelHeight / 2}" text-anchor="middle" dominant-baseline="middle" font-family="sans-serif" font-size="4" font-weight="bold" fill="#000">${escapeXml(label)}</text>` +
    `</svg>`
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
