import { z } from 'zod';

/** The server's environment, validated once at start (STYLE: zod at every edge). */
export const serverEnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(5173),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

/** Reads `HOST` and `PORT`; throws a readable error naming the bad variable. */
export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = serverEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid server environment: ${problems}`);
  }
  return parsed.data;
}
