import { describe, expect, it } from 'vitest';
import { leaveLoses, unsavedFiles } from '../../../src/state/apply/unsaved';

const READY = { status: 'ready', pair: { match: true }, fileBase: 'Ksiegowosc-Zolw-2026' } as const;

describe('unsavedFiles', () => {
  it.each([
    ['nothing issued yet', { status: 'idle' } as const, true, { certificate: null, pfx: null }],
    [
      'a certificate that does not pair',
      { ...READY, pair: { match: false, reason: 'different-key' } } as const,
      true,
      { certificate: null, pfx: null },
    ],
    ['neither saved', READY, true, { certificate: 'Ksiegowosc-Zolw-2026.crt', pfx: 'Ksiegowosc-Zolw-2026.pfx' }],
    [
      'the .crt saved',
      { ...READY, certificateFileName: 'Ksiegowosc-Zolw-2026.crt' },
      true,
      { certificate: null, pfx: 'Ksiegowosc-Zolw-2026.pfx' },
    ],
    [
      'both saved',
      { ...READY, certificateFileName: 'a.crt', pfxFileName: 'a.pfx' },
      true,
      { certificate: null, pfx: null },
    ],
    ['no .key in memory to make a PFX from', READY, false, { certificate: 'Ksiegowosc-Zolw-2026.crt', pfx: null }],
  ])('%s', (_, result, keyFileInMemory, expected) => {
    expect(unsavedFiles(result, keyFileInMemory)).toEqual(expected);
  });
});

describe('leaveLoses', () => {
  const idle = { status: 'idle' } as const;
  it.each([
    ['a key saved but not proven, in memory', 'saved', idle, true, true],
    ['a key being made', 'generating', idle, false, false],
    ['a key whose proof failed, in memory', 'failed', idle, true, true],
    ['a key proven saved', 'proven', idle, true, false],
    ['a .key saved before a reload, no key in memory', 'saved', idle, false, false],
    ['a certificate not saved', 'proven', READY, true, true],
    ['a certificate saved, the PFX not', 'proven', { ...READY, certificateFileName: 'a.crt' }, true, false],
  ] as const)('%s: %s', (_, status, result, keyInMemory, expected) => {
    expect(leaveLoses({ status }, result, keyInMemory)).toBe(expected);
  });
});
