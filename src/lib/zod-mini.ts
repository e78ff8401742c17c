import { z } from 'zod/mini';

/*
 * zod's functional API ("zod/mini"), for the modules of the first paint: its functions tree-shake,
 * while the classic API (src/lib/zod.ts) is one block of methods that every route would download.
 * Both share zod's core, whose configuration is global, so `jitless` is set here as well: whichever
 * of the two modules a chunk loads first turns off the eval probe before any schema is built (see
 * src/lib/zod.ts; ESLint enforces the import). Classic zod stays in lazily loaded code only
 * (the KSeF client's response schemas, the file reader's worker).
 */
z.config({ jitless: true });

export { z };
