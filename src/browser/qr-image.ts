/**
 * The link in a photo or a scan of a QR code: the image drawn on a canvas, its pixels read by jsQR (a
 * decoder we did not write), loaded only when an image is chosen. `null` when no QR code is found.
 */
export async function readQrImage(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const context = canvas.getContext('2d');
    if (context === null) return null;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height);
    const { default: jsQR } = await import('jsqr');
    return jsQR(pixels.data, pixels.width, pixels.height)?.data ?? null;
  } finally {
    bitmap.close();
  }
}
