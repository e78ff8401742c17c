import { useCertificatesMessages } from '../../state/certificates/messages';
import { useState } from 'react';
import type { KsefEnvironment } from '../../ksef/environments';
import type { Problem } from '../../problem/problem';
import { signOut } from '../../state/certificates/sign-in-actions';
import { useCertificatesStore } from '../../state/certificates/store';
import { useMessages } from '../../state/preferences-store';
import { CertificateList } from './certificate-list';
import { DownloadPanel } from './download-panel';
import { FiltersForm } from './filters-form';
import { LimitsPanel } from './limits-panel';
import { OwnApplications } from './own-applications';
import { ProblemNote } from './problem-note';

/** Signed in: who and where, the limits, this browser's applications, then the list and its actions. */
export function SignedInView({ environment }: { readonly environment: KsefEnvironment }) {
  const t = useMessages();
  const c = useCertificatesMessages();
  const signIn = useCertificatesStore((s) => s.signIn);
  const [signOutProblem, setSignOutProblem] = useState<Problem | null>(null);
  const subject = signIn.status === 'done' ? signIn.subject : '';
  return (
    <>
      <section className="panel cert-session" aria-labelledby="certificates-session-heading">
        <h2 id="certificates-session-heading">{c.sessionHeading}</h2>
        <p>{c.signedIn(subject, t.apply.environment.names[environment])}</p>
        <div className="actions">
          <button type="button" className="button" onClick={() => void signOut().then(setSignOutProblem)}>
            {c.signOut}
          </button>
        </div>
        {signOutProblem !== null && <ProblemNote title={c.signOutFailed} problem={signOutProblem} />}
      </section>
      <LimitsPanel />
      <OwnApplications environment={environment} />
      <section className="panel" aria-labelledby="certificates-list-heading">
        <h2 id="certificates-list-heading">{c.listHeading}</h2>
        <FiltersForm />
        <CertificateList />
      </section>
      <DownloadPanel />
    </>
  );
}
