import { describe, expect, it } from 'vitest';
import { readRelayUpstreams, resolveCrlBases, resolveUpstreams } from '../../server/relay/upstreams';

describe('readRelayUpstreams', () => {
  it('is empty when nothing is set, so the official bases apply', () => {
    expect(readRelayUpstreams({})).toEqual({});
    expect(readRelayUpstreams({ KSEF_UPSTREAM_TEST: '' })).toEqual({});
  });

  it('reads all four variables and drops a trailing slash', () => {
    expect(
      readRelayUpstreams({
        KSEF_UPSTREAM_TEST: 'http://127.0.0.1:4010/v2/',
        KSEF_UPSTREAM_DEMO: 'https://demo.internal/v2',
        KSEF_UPSTREAM_PROD: 'https://prod.internal/ksef/v2',
        KSEF_UPSTREAM_SANDBOX: 'http://localhost:5173/api/sandbox/v2',
        UNRELATED: 'x',
      }),
    ).toEqual({
      test: 'http://127.0.0.1:4010/v2',
      demo: 'https://demo.internal/v2',
      prod: 'https://prod.internal/ksef/v2',
      sandbox: 'http://localhost:5173/api/sandbox/v2',
    });
  });

  it.each([
    ['KSEF_UPSTREAM_TEST', 'ftp://example.com/v2'],
    ['KSEF_UPSTREAM_DEMO', '/v2'],
    ['KSEF_UPSTREAM_PROD', 'api.ksef.mf.gov.pl/v2'],
    ['KSEF_UPSTREAM_SANDBOX', 'http://localhost:1/v2?x=1'],
    ['KSEF_UPSTREAM_TEST', 'javascript:alert(1)'],
  ])('names %s when it is %j', (name, value) => {
    expect(() => readRelayUpstreams({ [name]: value })).toThrow(name);
  });
});

describe('resolveCrlBases', () => {
  it('names the official CRL hosts for the official API bases, none for the sandbox unless configured', () => {
    expect(resolveCrlBases(resolveUpstreams())).toEqual({
      test: 'https://ksef-test.mf.gov.pl',
      demo: 'https://ksef-demo.mf.gov.pl',
      prod: 'https://ksef.mf.gov.pl',
    });
  });

  it('takes an overridden base without its /v2, and none from a base without /v2', () => {
    const bases = resolveCrlBases(
      resolveUpstreams({
        test: 'http://127.0.0.1:9000/api/sandbox/v2',
        demo: 'https://proxy.example/ksef-demo',
        sandbox: 'http://127.0.0.1:9001/api/sandbox/v2/',
      }),
    );
    expect(bases).toEqual({
      test: 'http://127.0.0.1:9000/api/sandbox',
      prod: 'https://ksef.mf.gov.pl',
      sandbox: 'http://127.0.0.1:9001/api/sandbox',
    });
  });
});
