import { createFileReader, inPlaceFileReader, type FileReader } from '../workers/file-reader';

/**
 * The one file reader of the page, shared by every screen that reads a user's file: Web Workers in a
 * browser (two at most, each job with its time limit and cancel); where there are none (Node, where
 * the wizard's journeys are tested) the jobs run in place.
 */
export const fileReader: FileReader = typeof Worker === 'function' ? createFileReader() : inPlaceFileReader;
