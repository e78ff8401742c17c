import { useState } from 'react';
import { signOutAndForget } from '../../state/apply/result-actions';
import { currentUnsavedFiles, type UnsavedFiles } from '../../state/apply/unsaved';
import { useMessages } from '../../state/preferences-store';
import { ConfirmDialog } from '../../ui/confirm-dialog';

/**
 * "Sign out and forget the key": asks first while the certificate or a PFX has not been saved, since
 * the key leaves memory with the sign-out and the wizard can make neither afterwards.
 */
export function SignOutPanel() {
  const t = useMessages();
  const [asking, setAsking] = useState<UnsavedFiles | null>(null);
  const u = t.apply.result.unsaved;

  // The wizard returns to its first step, so this panel is gone before the sign-out's answer.
  const signOut = () => {
    setAsking(null);
    void signOutAndForget();
  };
  const onSignOut = () => {
    const unsaved = currentUnsavedFiles();
    if (unsaved.certificate === null && unsaved.pfx === null) signOut();
    else setAsking(unsaved);
  };

  return (
    <section className="panel no-print" aria-labelledby="sign-out-heading">
      <h3 id="sign-out-heading">{t.apply.result.signOutHeading}</h3>
      <p className="hint">{t.apply.result.signOutIntro}</p>
      <p>
        <a href="#/certificates">{t.certificates.fromResult}</a>
      </p>
      <button type="button" className="button" onClick={onSignOut}>
        {t.apply.result.signOut}
      </button>
      <ConfirmDialog
        open={asking !== null}
        title={u.title}
        confirmLabel={u.confirm}
        cancelLabel={u.cancel}
        onConfirm={signOut}
        onCancel={() => setAsking(null)}
      >
        <ul>
          {asking !== null && asking.certificate !== null && (
            <li data-unsaved-file="certificate">{u.certificate(asking.certificate)}</li>
          )}
          {asking !== null && asking.pfx !== null && <li data-unsaved-file="pfx">{u.pfx(asking.pfx)}</li>}
        </ul>
      </ConfirmDialog>
    </section>
  );
}
