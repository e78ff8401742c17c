import { useMemo } from 'react';
import type { CertificateSummary } from '../../crypto/certificate-summary';
import { authTestPlan, testPairSignIn } from '../../state/check/auth-test-actions';
import { useMessages } from '../../state/preferences-store';
import { AuthTestPanel } from '../../ui/auth-test-panel';

/** For a matching pair: the sign-in test of an Authentication certificate, or why an Offline one has none. */
export function PairAuthTest({ certificate }: { readonly certificate: CertificateSummary }) {
  const t = useMessages();
  const plan = useMemo(() => authTestPlan(certificate), [certificate]);
  switch (plan.kind) {
    case 'none':
      return null;
    case 'offline':
      return (
        <p className="hint" data-auth-test-offline="">
          {t.authTest.offline}
        </p>
      );
    case 'authentication':
      return (
        <AuthTestPanel
          environments={plan.environments}
          contextNip={plan.contextNip}
          askNip
          headingLevel={4}
          run={(request) => testPairSignIn(certificate, request)}
        />
      );
  }
}
