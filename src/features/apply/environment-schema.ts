import { z } from '../../lib/zod-mini';
import { identifierInputSchema } from '../../crypto/identifier-input';
import { ksefEnvironmentSchema, type KsefEnvironment } from '../../ksef/environments';

/** Step 1: the KSeF environment and the context NIP (separators stripped, checksum checked). */
export const environmentFormSchema = z.object({
  environment: ksefEnvironmentSchema,
  contextNip: identifierInputSchema('nip'),
});

/** Where any identifier with a valid checksum works, so the form offers an example one. */
export const EXAMPLE_ENVIRONMENTS: ReadonlySet<KsefEnvironment> = new Set(['sandbox', 'test']);

export type EnvironmentFormInput = z.infer<typeof environmentFormSchema>;
