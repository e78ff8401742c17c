import { z } from 'zod';

/*
 * zod, configured for the browser's Content-Security-Policy: without `jitless`, zod probes for eval
 * with `new Function` while it builds an object schema, and a strict policy reports even that caught
 * probe as a violation. Every module of ours takes `z` from here, so the setting is in force before
 * the first schema is built, whichever chunk that module is bundled into (ESLint enforces the import).
 */
z.config({ jitless: true });

export { z };
