import { describe, expect, it } from 'vitest';
import { hrefOf, routeFromHash } from '../../src/app/routes';

describe('routeFromHash', () => {
  it.each([
    ['', 'home'],
    ['#', 'home'],
    ['#/', 'home'],
    ['#/check', 'check'],
    ['#/check/', 'check'],
    ['#/CHECK', 'not-found'],
    ['#/apply', 'apply'],
    ['#/apply/', 'apply'],
    ['#/apply/details', 'apply'],
    ['#/apply/key/', 'apply'],
    ['#/check/details', 'not-found'],
    ['#/APPLY', 'not-found'],
    ['#/applyx', 'not-found'],
    ['#/certificates', 'certificates'],
    ['#/certificates/', 'certificates'],
    ['#/certificate', 'not-found'],
    ['#/offline-link', 'offlineLink'],
    ['#/offline-link/', 'offlineLink'],
    ['#/offline-link/x', 'not-found'],
    ['#main', 'not-found'],
  ])('%j -> %s', (hash, route) => {
    expect(routeFromHash(hash)).toBe(route);
  });

  it('round-trips every route through its href', () => {
    expect(routeFromHash(hrefOf('check'))).toBe('check');
    expect(routeFromHash(hrefOf('home'))).toBe('home');
    expect(routeFromHash(hrefOf('apply'))).toBe('apply');
    expect(routeFromHash(hrefOf('offlineLink'))).toBe('offlineLink');
    expect(routeFromHash(hrefOf('certificates'))).toBe('certificates');
  });
});
