import { useCertificatesMessages } from '../../state/certificates/messages';
import { useEffect } from 'react';
import { fileReader } from '../../state/file-reader';
import { useCertificatesStore } from '../../state/certificates/store';
import { useMessages } from '../../state/preferences-store';
import '../../ui/forms.css';
import { PageHeading } from '../../ui/page-heading';
import './certificates.css';
import { CertificatesEnvironmentForm } from './environment-form';
import { CertificatesSignIn } from './sign-in-panel';
import { SignedInView } from './signed-in-view';

/**
 * `#/certificates`: the signed-in subject's KSeF certificates. Choose the environment, sign in as in
 * the wizard, then list, download again, pair with the saved `.key`, revoke.
 */
export function CertificatesPage() {
  const t = useMessages();
  const c = useCertificatesMessages();
  const environment = useCertificatesStore((s) => s.environment);
  const signedIn = useCertificatesStore((s) => s.signIn.status === 'done');
  // The file reader's workers start with the screen, so opening a `.key` later makes no request.
  useEffect(() => fileReader.warm(), []);
  return (
    <>
      <PageHeading>{t.certificates.title}</PageHeading>
      <p className="lead">{c.intro}</p>
      {environment === null ? (
        <CertificatesEnvironmentForm />
      ) : signedIn ? (
        <SignedInView environment={environment} />
      ) : (
        <CertificatesSignIn environment={environment} />
      )}
    </>
  );
}
