/** A worker that takes every job and never answers: a reader stuck in a file, for the time limit and cancel tests. */
self.addEventListener('message', () => undefined);
