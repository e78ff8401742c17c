import { offlineLinkEn } from '../../messages/offline-link-en';
import { offlineLinkPl, type OfflineLinkMessages } from '../../messages/offline-link-pl';
import { useLanguage } from '../preferences-store';

/** The screen's own copy in the language chosen (both languages come with the screen's chunk). */
export function useOfflineLinkMessages(): OfflineLinkMessages {
  return useLanguage() === 'pl' ? offlineLinkPl : offlineLinkEn;
}
