import { describe, expect, it } from 'vitest';
import { readRelayUpstreams } from '../../server/relay/upstreams';

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
