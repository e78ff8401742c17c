import { z } from '../lib/zod-mini';

/** A file input's value with at least one file chosen. */
export const chosenFileSchema = z.custom<FileList>((value) => value instanceof FileList && value.length > 0, {
  message: 'file-required',
});

/** A file input that may stay empty. */
export const optionalFileSchema = z.custom<FileList>((value) => value === undefined || value instanceof FileList);

/** The first chosen file, if any. */
export function firstFile(files: FileList | undefined): File | undefined {
  return files?.[0] ?? undefined;
}
