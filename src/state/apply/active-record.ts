/** The id of the application record the wizard is working on (not secret; in memory only). */
let activeRecordId: string | null = null;

export function activeRecord(): string | null {
  return activeRecordId;
}

export function setActiveRecord(id: string | null): void {
  activeRecordId = id;
}
