/**
 * A worker that holds its own thread for as many milliseconds as the job's `bytes` are long, then
 * answers like the file reader's worker: the page's thread must stay free meanwhile.
 */
self.addEventListener('message', (event: MessageEvent<{ id: number; input: { bytes: Uint8Array } }>) => {
  const { id, input } = event.data;
  const end = performance.now() + input.bytes.length;
  while (performance.now() < end);
  self.postMessage({ id, ok: true, result: { kind: 'csr' } });
});
