import { describe, expect, it } from 'vitest';
import {
  KSEF_ENVIRONMENT_INFO,
  KSEF_ENVIRONMENTS,
  ksefEnvironmentSchema,
  officialBaseUrl,
  relayBaseUrl,
} from '../../src/ksef/environments';

describe('environments', () => {
  it('has the official base URLs of docs/ksef-contract.md §2', () => {
    expect(officialBaseUrl('test')).toBe('https://api-test.ksef.mf.gov.pl/v2');
    expect(officialBaseUrl('demo')).toBe('https://api-demo.ksef.mf.gov.pl/v2');
    expect(officialBaseUrl('prod')).toBe('https://api.ksef.mf.gov.pl/v2');
    expect(KSEF_ENVIRONMENT_INFO.sandbox.officialBaseUrl).toBeNull();
  });

  it('allows self-signed identities on the sandbox and TEST only', () => {
    expect(KSEF_ENVIRONMENTS.filter((env) => KSEF_ENVIRONMENT_INFO[env].allowsSelfSignedIdentity)).toEqual([
      'sandbox',
      'test',
    ]);
  });

  it('has the QR verification hosts', () => {
    expect(KSEF_ENVIRONMENTS.map((env) => KSEF_ENVIRONMENT_INFO[env].qrHost)).toEqual([
      null,
      'qr-test.ksef.mf.gov.pl',
      'qr-demo.ksef.mf.gov.pl',
      'qr.ksef.mf.gov.pl',
    ]);
  });

  it('keys the table by id', () => {
    for (const env of KSEF_ENVIRONMENTS) expect(KSEF_ENVIRONMENT_INFO[env].id).toBe(env);
  });

  it.each([
    ['sandbox', 'https://app.example', 'https://app.example/api/sandbox/v2'],
    ['test', 'https://app.example/', 'https://app.example/api/test/v2'],
    ['demo', 'http://127.0.0.1:5173', 'http://127.0.0.1:5173/api/demo/v2'],
    ['prod', 'https://app.example/some/page#/check', 'https://app.example/api/prod/v2'],
  ] as const)('relayBaseUrl(%s, %s) is %s', (env, origin, expected) => {
    expect(relayBaseUrl(env, origin)).toBe(expected);
  });

  it('reads environment names strictly', () => {
    expect(ksefEnvironmentSchema.safeParse('test').success).toBe(true);
    expect(ksefEnvironmentSchema.safeParse('TEST').success).toBe(false);
    expect(ksefEnvironmentSchema.safeParse('production').success).toBe(false);
  });
});
