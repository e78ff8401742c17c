import { describe, expect, it } from 'vitest';
import {
  APPLICATIONS_STORAGE_KEY,
  type ApplicationRecord,
  parseApplicationRecords,
  readApplicationRecords,
  recordKeyFileName,
  removeApplicationRecord,
  saveApplicationRecord,
  updateApplicationRecord,
} from '../../../src/state/apply/records';
import { validFromInstant } from '../../../src/state/apply/submit-actions';

const RECORD: ApplicationRecord = {
  id: 'a1',
  environment: 'test',
  contextNip: '5265877635',
  referenceNumber: '20260302-EH-1234567890-ABCDEF1234-01',
  certificateName: 'Certyfikat testowy',
  certificateType: 'Authentication',
  keyAlgorithm: 'EC-P256',
  createdAt: '2026-03-02T10:00:00.000Z',
  publicKeyFingerprint: 'A'.repeat(64),
  status: 'submitted',
  serialNumber: null,
};

function memory(initial?: string): Pick<Storage, 'getItem' | 'setItem'> & { map: Map<string, string> } {
  const map = new Map<string, string>(initial === undefined ? [] : [[APPLICATIONS_STORAGE_KEY, initial]]);
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('application records', () => {
  it.each([
    ['nothing stored', null],
    ['broken JSON', '[{"id":'],
    ['not an array', '{"id":"a1"}'],
    ['a number', '42'],
  ])('read none from %s', (_, text) => {
    expect(parseApplicationRecords(text)).toEqual([]);
  });

  it('drops each bad record and keeps the good ones', () => {
    const bad = [
      { ...RECORD, id: 'bad-env', environment: 'staging' },
      { ...RECORD, id: 'bad-fp', publicKeyFingerprint: 'xyz' },
      { ...RECORD, id: 'bad-status', status: 'lost' },
      { ...RECORD, id: 'bad-date', createdAt: 'yesterday' },
      null,
      'text',
    ];
    expect(parseApplicationRecords(JSON.stringify([RECORD, ...bad]))).toEqual([RECORD]);
  });

  it('strips fields it does not know (nothing unexpected survives a read)', () => {
    const [read] = parseApplicationRecords(JSON.stringify([{ ...RECORD, accessToken: 'secret' }]));
    expect(read).toEqual(RECORD);
  });

  it('saves newest first, updates in place, and refuses an invalid record', () => {
    const storage = memory();
    saveApplicationRecord(storage, RECORD);
    saveApplicationRecord(storage, { ...RECORD, id: 'a2' });
    expect(readApplicationRecords(storage).map((r) => r.id)).toEqual(['a2', 'a1']);
    expect(
      updateApplicationRecord(storage, 'a1', { status: 'issued', serialNumber: '01F20A5D352AE590' }),
    ).toMatchObject({ status: 'issued' });
    expect(readApplicationRecords(storage).find((r) => r.id === 'a1')?.serialNumber).toBe('01F20A5D352AE590');
    expect(updateApplicationRecord(storage, 'missing', { status: 'failed' })).toBeNull();
    expect(() => saveApplicationRecord(storage, { ...RECORD, contextNip: 'abc' })).toThrow();
  });

  it('removes one record by id, leaves the others in order, and says whether it was there', () => {
    const storage = memory();
    for (const id of ['a1', 'a2', 'a3']) saveApplicationRecord(storage, { ...RECORD, id });
    expect(removeApplicationRecord(storage, 'a2')).toBe(true);
    expect(readApplicationRecords(storage).map((r) => r.id)).toEqual(['a3', 'a1']);
    expect(removeApplicationRecord(storage, 'a2')).toBe(false);
    expect(removeApplicationRecord(storage, 'missing')).toBe(false);
    expect(readApplicationRecords(storage).map((r) => r.id)).toEqual(['a3', 'a1']);
    expect(removeApplicationRecord(storage, 'a3')).toBe(true);
    expect(removeApplicationRecord(storage, 'a1')).toBe(true);
    expect(storage.map.get(APPLICATIONS_STORAGE_KEY)).toBe('[]');
  });

  it('removing from a corrupted store removes nothing and writes nothing', () => {
    const storage = memory('not json');
    expect(removeApplicationRecord(storage, 'a1')).toBe(false);
    expect(storage.map.get(APPLICATIONS_STORAGE_KEY)).toBe('not json');
  });

  it('survives a corrupted store by starting a new list', () => {
    const storage = memory('not json');
    saveApplicationRecord(storage, RECORD);
    expect(readApplicationRecords(storage)).toEqual([RECORD]);
  });
});

describe('the saved .key name and dates', () => {
  it('names the .key as it was saved, or as its certificate name gives for records that did not keep it', () => {
    expect(recordKeyFileName({ ...RECORD, certificateName: 'Księgowość Żółw 2026' })).toBe('Ksiegowosc-Zolw-2026.key');
    expect(recordKeyFileName({ ...RECORD, keyFileName: 'Program-ksiegowy.key' })).toBe('Program-ksiegowy.key');
  });

  it('reads a record that kept its .key name, and one that did not', () => {
    const storage = memory(
      JSON.stringify([
        { ...RECORD, keyFileName: 'a.key' },
        { ...RECORD, id: 'other' },
      ]),
    );
    expect(readApplicationRecords(storage).map((r) => r.keyFileName)).toEqual(['a.key', undefined]);
  });

  it('sends validFrom only for a day after today', () => {
    const now = new Date(2026, 2, 2, 15, 30);
    expect(validFromInstant('2026-03-02', now)).toBeNull();
    expect(validFromInstant('2026-03-01', now)).toBeNull();
    expect(validFromInstant('2026-03-05', now)).toBe(new Date(2026, 2, 5).toISOString());
    expect(validFromInstant('garbage', now)).toBeNull();
  });
});
