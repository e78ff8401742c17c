import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import type { Problem } from '../../problem/problem';
import { proveKeySaved } from '../../state/apply/key-actions';
import { useMessages } from '../../state/preferences-store';
import { PasswordInput } from '../../ui/password-input';
import { FileField } from '../../ui/file-field';
import { firstFile } from '../../ui/file-list-schema';
import { keyProofSchema, type KeyProofInput } from './key-schema';
import { ProblemMessage } from './problem-message';

interface KeyProofFormProps {
  readonly busy: boolean;
  readonly heading: string;
  readonly intro: string;
  readonly submitLabel: string;
  /** Why the last attempt failed (wrong password, another key, ...), or `null`. */
  readonly problem: Problem | null;
  readonly problemTitle: string;
  /** What to do with the file and password (the save proof, or opening the key of a resumed application). */
  readonly onProve?: (file: File, password: string) => Promise<void>;
}

/**
 * Pick a saved `.key` and type its password. After each attempt only the password is cleared: a
 * failed one keeps the chosen file, and focus moves to the message that says why, so trying again
 * is typing the password again.
 */
export function KeyProofForm({
  busy,
  heading,
  intro,
  submitLabel,
  problem,
  problemTitle,
  onProve = proveKeySaved,
}: KeyProofFormProps) {
  const t = useMessages();
  const messageRef = useRef<HTMLDivElement>(null);
  const { register, handleSubmit, formState, resetField } = useForm<KeyProofInput>({
    resolver: zodResolver(keyProofSchema),
    defaultValues: { password: '' },
  });
  const attempts = formState.submitCount;

  // A new failure after a submit (each failure is a new object): its message takes the focus.
  useEffect(() => {
    if (problem !== null && attempts > 0) messageRef.current?.focus();
  }, [problem, attempts]);

  const onSubmit = async ({ keyFile, password }: KeyProofInput) => {
    const file = firstFile(keyFile);
    if (file === undefined) return;
    await onProve(file, password);
    resetField('password');
  };

  return (
    <form
      className="stack apply-subform"
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
      aria-labelledby="key-proof-heading"
    >
      <h3 id="key-proof-heading">{heading}</h3>
      <p>{intro}</p>
      <FileField
        {...register('keyFile')}
        label={t.apply.key.proveFile}
        accept=".key,.pem"
        error={formState.errors.keyFile === undefined ? undefined : t.apply.signIn.fileRequired}
      />
      <PasswordInput
        {...register('password')}
        label={t.apply.key.provePassword}
        showLabel={t.check.password.show}
        error={formState.errors.password === undefined ? undefined : t.apply.signIn.passwordRequired}
      />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
      <div ref={messageRef} tabIndex={-1} role="status" className="apply-status">
        {problem !== null && <ProblemMessage title={problemTitle} problem={problem} />}
      </div>
    </form>
  );
}
