import type { FileReader } from '../workers/file-reader';
import { logUnexpected } from './log-unexpected';

/** The worker side's page code (protocol, schemas), loaded on first use: it is not needed for the first paint. */
const loadReader = async (): Promise<FileReader> => {
  const { createFileReader, inPlaceFileReader } = await import('../workers/file-reader');
  return typeof Worker === 'function' ? createFileReader() : inPlaceFileReader;
};
let reader: Promise<FileReader> | undefined;
const theReader = (): Promise<FileReader> => (reader ??= loadReader());

/**
 * The one file reader of the page, shared by every screen that reads a user's file: Web Workers in a
 * browser (two at most, each job with its time limit and cancel); where there are none (Node, where
 * the wizard's journeys are tested) the jobs run in place.
 */
export const fileReader: FileReader = {
  warm: () => {
    theReader()
      .then((loaded) => loaded.warm())
      .catch((error: unknown) => logUnexpected('Loading the file reader failed', error));
  },
  read: async (kind, input, options) => (await theReader()).read(kind, input, options),
};
