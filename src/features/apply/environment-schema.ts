import { z } from '../../lib/zod';
import { nipSchema } from '../../crypto/polish-identifiers';
import { ksefEnvironmentSchema } from '../../ksef/environments';

/** Step 1: the KSeF environment and the context NIP (checksum checked). */
export const environmentFormSchema = z.object({
  environment: ksefEnvironmentSchema,
  contextNip: z.string().trim().pipe(nipSchema),
});

export type EnvironmentFormInput = z.infer<typeof environmentFormSchema>;
