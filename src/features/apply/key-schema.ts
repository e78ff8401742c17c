import { z } from '../../lib/zod';
import { chosenFileSchema } from '../../ui/file-list-schema';

/** The save proof: the `.key` file picked from disk and the password it was saved with. */
export const keyProofSchema = z.object({ keyFile: chosenFileSchema, password: z.string().min(1) });
export type KeyProofInput = z.infer<typeof keyProofSchema>;
