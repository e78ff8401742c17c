import type { TestIdentityInput } from '../../crypto/test-identity';

/** The three ways to sign in, as the forms offer them. */
export type SignInFormMethod = 'test-identity' | 'ksef-certificate' | 'external';

/**
 * What the sign-in forms call: each screen that signs in (the wizard, the certificates list) passes
 * its own actions, so the forms are shared and the state stays the screen's. Passwords go straight
 * into the call and are not kept by the form.
 */
export interface SignInFormActions {
  readonly signInWithFiles: (input: {
    readonly keyFile: File;
    readonly certificateFile?: File;
    readonly password: string;
  }) => Promise<void>;
  readonly downloadUnsignedRequest: () => Promise<void>;
  readonly signInWithSignedFile: (file: File) => Promise<void>;
  readonly signInWithTestIdentity: (input: TestIdentityInput) => Promise<void>;
}
