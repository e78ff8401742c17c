import { z } from '../lib/zod';
import { keyPasswordSchema } from '../crypto/rules';

/** A new password under the key password rules, typed twice (key file, PFX, test identity). */
export const passwordPairSchema = z
  .object({ password: keyPasswordSchema, confirm: z.string() })
  .refine((input) => input.password === input.confirm, { path: ['confirm'], message: 'confirm-mismatch' });

export type PasswordPairInput = z.infer<typeof passwordPairSchema>;
