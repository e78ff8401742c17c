import { useEffect } from 'react';
import { useOfflineLinkMessages } from '../../state/offline-link/messages';
import { useMessages } from '../../state/preferences-store';
import { preloadOfflineLinkCrypto, resetOfflineLink } from '../../state/offline-link/store';
import { PageHeading } from '../../ui/page-heading';
import { KeyFiles } from './key-files';
import { LinkForm } from './link-form';
import { QrCodes } from './qr-codes';
import { Verifier } from './verifier';
import './offline-link.css';

/** `#/offline-link`: KOD I and KOD II for an invoice issued offline, and the KOD II verifier. Nothing is sent. */
export function OfflineLinkPage() {
  const t = useMessages();
  const m = useOfflineLinkMessages();
  useEffect(() => {
    preloadOfflineLinkCrypto();
    // Leaving the screen forgets the opened key and everything made with it.
    return resetOfflineLink;
  }, []);
  return (
    <>
      <PageHeading>{t.offlineLink.title}</PageHeading>
      <p className="lead">{m.intro}</p>
      <p className="hint">{m.offline}</p>
      <KeyFiles />
      <LinkForm />
      <QrCodes />
      <Verifier />
    </>
  );
}
