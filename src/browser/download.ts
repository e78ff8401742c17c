/**
 * Offers bytes or text to the user as a file download: a Blob behind an object URL, clicked through
 * a temporary anchor. The URL is revoked shortly after, so the Blob can be freed; nothing is sent
 * anywhere (a `blob:` URL stays inside this tab).
 */
export function downloadFile(fileName: string, content: Uint8Array | string, mimeType: string): void {
  const part: BlobPart = typeof content === 'string' ? content : Uint8Array.from(content);
  const url = URL.createObjectURL(new Blob([part], { type: mimeType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking in the same task can cancel the download in some browsers; a moment later is safe.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
