import { z } from '../../lib/zod';
import { keyPasswordSchema } from '../../crypto/rules';

/** The PFX export form: a password under the key password rules, typed twice. */
export const exportPfxSchema = z
  .object({ password: keyPasswordSchema, confirm: z.string() })
  .refine((input) => input.password === input.confirm, { path: ['confirm'], message: 'confirm-mismatch' });

export type ExportPfxInput = z.infer<typeof exportPfxSchema>;
