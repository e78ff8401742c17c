import { z } from '../../lib/zod-mini';
import { chosenFileSchema } from '../../ui/file-list-schema';

/** The save proof: the `.key` file picked from disk and the password it was saved with. */
export const keyProofSchema = z.object({ keyFile: chosenFileSchema, password: z.string().check(z.minLength(1)) });
export type KeyProofInput = z.infer<typeof keyProofSchema>;
