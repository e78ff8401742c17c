import { z } from '../../lib/zod-mini';
import { identifierProblem, stripSeparators } from '../../crypto/identifier-input';
import { chosenFileSchema, optionalFileSchema } from '../file-list-schema';

/** Sign in with a KSeF certificate: a `.key` (+ `.crt`) or a `.pfx`, and the file's password. */
export const certificateSignInSchema = z.object({
  keyFile: chosenFileSchema,
  certificateFile: optionalFileSchema,
  password: z.string(),
});
export type CertificateSignInInput = z.infer<typeof certificateSignInSchema>;

/** Sign in with a file signed in the user's own software. */
export const signedFileSchema = z.object({ signedFile: chosenFileSchema });
export type SignedFileInput = z.infer<typeof signedFileSchema>;

/**
 * A test identity: a company seal (name + NIP) or a person (names + exactly one of NIP and PESEL).
 * One flat shape, so that switching the kind keeps what was typed. NIP and PESEL lose their
 * separators; a refused one's issue says which (`invalid-nip`, `invalid-pesel`) and the form words why.
 */
export const testIdentitySchema = z
  .object({
    kind: z.enum(['seal', 'person']),
    organizationName: z.string().check(z.trim()),
    givenName: z.string().check(z.trim()),
    surname: z.string().check(z.trim()),
    nip: z.pipe(z.string(), z.transform(stripSeparators)),
    pesel: z.pipe(z.string(), z.transform(stripSeparators)),
  })
  .check(
    z.superRefine((input, ctx) => {
      const required = input.kind === 'seal' ? (['organizationName'] as const) : (['givenName', 'surname'] as const);
      for (const field of required) {
        if (input[field] === '') ctx.addIssue({ code: 'custom', path: [field], message: 'required' });
      }
      if (input.kind === 'seal' || input.pesel === '') {
        if (identifierProblem('nip', input.nip) !== null)
          ctx.addIssue({
            code: 'custom',
            path: ['nip'],
            message: input.nip === '' && input.kind === 'person' ? 'person-id-required' : 'invalid-nip',
          });
      } else if (input.nip !== '') {
        ctx.addIssue({ code: 'custom', path: ['pesel'], message: 'person-id-required' });
      } else if (identifierProblem('pesel', input.pesel) !== null) {
        ctx.addIssue({ code: 'custom', path: ['pesel'], message: 'invalid-pesel' });
      }
    }),
  );
export type TestIdentityFormInput = z.infer<typeof testIdentitySchema>;
