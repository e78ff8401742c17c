import { describe, expect, it } from 'vitest';
import { parseJsonOrUndefined } from '../../src/lib/json';

describe('parseJsonOrUndefined', () => {
  it('parses JSON, including the values that are falsy', () => {
    expect(parseJsonOrUndefined('{"a":[1,"x"]}')).toEqual({ a: [1, 'x'] });
    expect(parseJsonOrUndefined('null')).toBeNull();
    expect(parseJsonOrUndefined('0')).toBe(0);
    expect(parseJsonOrUndefined('""')).toBe('');
  });

  it('gives undefined for text that is not JSON', () => {
    for (const text of ['', '{', 'undefined', "{'a':1}", '<html>', '{"a":1}x'])
      expect(parseJsonOrUndefined(text), text).toBeUndefined();
  });
});
