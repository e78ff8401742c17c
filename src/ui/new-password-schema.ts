import { z } from '../lib/zod-mini';
import { keyPasswordSchema } from '../crypto/rules';

/** A new password under the key password rules, typed twice (key file, PFX, test identity). */
export const passwordPairSchema = z
  .object({ password: keyPasswordSchema, confirm: z.string() })
  .check(z.refine((input) => input.password === input.confirm, { path: ['confirm'], message: 'confirm-mismatch' }));

export type PasswordPairInput = z.infer<typeof passwordPairSchema>;
