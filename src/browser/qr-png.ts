/** Modules of white space around the code, as `src/crypto/offline-link/qr.ts` draws it in the SVG. */
const QUIET_ZONE = 4;
/** Room under the code for its label, in modules (as the SVG). */
const LABEL_MODULES = 6;

/**
 * Draws a QR code's module grid (from `qrModules`) and its label on a canvas, black on white, and gives
 * the PNG's bytes. Made in this tab; nothing is sent.
 */
export async function qrPng(
  modules: readonly (readonly boolean[])[],
  label: string,
  moduleSize = 8,
): Promise<Uint8Array> {
  const size = modules.length + 2 * QUIET_ZONE;
  const canvas = document.createElement('canvas');
  canvas.width = size * moduleSize;
  canvas.height = (size + LABEL_MODULES) * moduleSize;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('No 2D canvas');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000';
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) context.fillRect((x + QUIET_ZONE) * moduleSize, (y + QUIET_ZONE) * moduleSize, moduleSize, moduleSize);
    });
  });
  context.font = `bold ${4 * moduleSize}px sans-serif`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(label, canvas.width / 2, (size + LABEL_MODULES / 2) * moduleSize);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob === null) throw new Error('The canvas gave no PNG');
  return new Uint8Array(await blob.arrayBuffer());
}
