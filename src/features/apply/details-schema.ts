import { z } from '../../lib/zod-mini';
import { certificateNameSchema } from '../../crypto/rules';

/** `YYYY-MM-DD` of `date` in the user's time zone (what a date input shows). */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Step 4: the certificate name (KSeF's rules), exactly one type, a start date from today on, and the
 * key type. `today` is a parameter so the check uses the same day the form showed.
 */
export function detailsFormSchema(today: string) {
  return z.object({
    certificateName: certificateNameSchema,
    certificateType: z.enum(['Authentication', 'Offline']),
    // Same-length ISO dates compare correctly as strings.
    validFrom: z.string().check(
      z.regex(/^\d{4}-\d{2}-\d{2}$/),
      z.refine((value) => value >= today, { message: 'in-the-past' }),
    ),
    keyAlgorithm: z.enum(['EC-P256', 'RSA-2048']),
  });
}

export type DetailsFormInput = z.infer<ReturnType<typeof detailsFormSchema>>;
