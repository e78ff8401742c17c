import { z } from 'zod/mini';

/*
 * zod, configured for the browser's Content-Security-Policy: without `jitless`, zod probes for eval
 * with `new Function` while it builds an object schema, and a strict policy reports even that caught
 * probe as a violation. Every module of ours takes `z` from here, so the setting is in force before
 * the first schema is built, whichever chunk that module is bundled into (ESLint enforces the import).
 *
 * It is zod's functional API ("zod/mini"): its functions tree-shake, where the classic API's methods
 * come as one block. The two share zod's core, so one classic schema anywhere in the app would put
 * the classic API's share of the core into the chunk every route's first paint loads.
 */
z.config({ jitless: true });

export { z };
