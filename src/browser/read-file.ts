import { AppError } from '../lib/app-error';

/** Keys, certificates and PFX files are kilobytes; anything past this is not one of them. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type ReadFileErrorCode = 'file-too-large' | 'file-unreadable';

/** A file that could not be read; `code` is translated in `src/messages/`. */
export class ReadFileError extends AppError<ReadFileErrorCode> {
  constructor(code: ReadFileErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'ReadFileError';
  }
}

/**
 * Reads a file the user chose into memory. Files over `maxBytes` are refused before reading.
 *
 * @throws ReadFileError `file-too-large`, or `file-unreadable` when the browser cannot read it (moved,
 *   deleted or permission revoked since it was chosen).
 */
export async function readFileBytes(file: File, maxBytes: number = MAX_FILE_BYTES): Promise<Uint8Array> {
  if (file.size > maxBytes) {
    throw new ReadFileError('file-too-large', `The file has ${file.size} bytes, more than ${maxBytes}`);
  }
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (cause) {
    if (cause instanceof DOMException) {
      throw new ReadFileError('file-unreadable', `The browser could not read the file (${cause.name})`, { cause });
    }
    throw cause;
  }
}
