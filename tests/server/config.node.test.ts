import { describe, expect, it } from 'vitest';
import { readServerEnv } from '../../server/config';

describe('readServerEnv', () => {
  it('defaults to loopback', () => {
    expect(readServerEnv({})).toEqual({ HOST: '127.0.0.1', PORT: 5173 });
  });

  it('reads HOST and PORT', () => {
    expect(readServerEnv({ HOST: '0.0.0.0', PORT: '8080' })).toEqual({ HOST: '0.0.0.0', PORT: 8080 });
  });

  it.each(['abc', '70000', '-1', '1.5'])('names PORT when it is %j', (port) => {
    expect(() => readServerEnv({ PORT: port })).toThrow(/PORT/);
  });
});
