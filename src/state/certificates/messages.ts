import { certificatesEn } from '../../messages/certificates-en';
import { certificatesPl, type CertificatesMessages } from '../../messages/certificates-pl';
import { useLanguage } from '../preferences-store';

/** The screen's own copy in the language chosen (both languages come with the screen's chunk). */
export function useCertificatesMessages(): CertificatesMessages {
  return useLanguage() === 'pl' ? certificatesPl : certificatesEn;
}
