/**
 * Where a submitted application stands, as its local record keeps it (`state/apply/records.ts`) and
 * the list of saved applications shows it (`messages/`).
 */
export const APPLICATION_STATUSES = ['submitted', 'issued', 'downloaded', 'failed'] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
