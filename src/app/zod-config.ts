import { z } from 'zod';

// The Content-Security-Policy forbids eval, and zod probes for it with `new Function` (a caught probe
// is still reported as a violation). This module is imported first by main.tsx, because modules parse
// with zod while they load (the stored preferences), before main.tsx's own code runs.
z.config({ jitless: true });
