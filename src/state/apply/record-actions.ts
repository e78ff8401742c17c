/** The list of saved applications as the start page manages it: removing one entry. */
import { activeRecord, setActiveRecord } from './active-record';
import { removeApplicationRecord } from './records';
import { seams } from './seams';

/**
 * Removes the saved application `recordId` from this browser's list; the wizard stops updating it if
 * it was the one in progress. Nothing is sent anywhere: KSeF keeps the application and any certificate.
 * @returns whether the record was there.
 */
export function removeApplication(recordId: string): boolean {
  if (activeRecord() === recordId) setActiveRecord(null);
  return removeApplicationRecord(seams().storage, recordId);
}
