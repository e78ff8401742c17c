import { describe, expect, it } from 'vitest';
import {
  certificateNameRules,
  certificateNameSchema,
  disallowedNameCharacters,
  keyPasswordRules,
  keyPasswordSchema,
} from '../../src/crypto/rules';
import type { CertificateNameRule, KeyPasswordRule } from '../../src/crypto/rules';

const failing = <R extends string>(results: readonly { rule: R; ok: boolean }[]): R[] =>
  results.filter((r) => !r.ok).map((r) => r.rule);

describe('certificateName rules', () => {
  it.each<[string, CertificateNameRule[]]>([
    ['abcde', []],
    ['abcd', ['length']],
    ['', ['length']],
    ['a'.repeat(100), []],
    ['a'.repeat(101), ['length']],
    ['Mój certyfikat 2026', []],
    ['ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ', []],
    ['Auth_KSeF-01 test', []],
    ['     ', []],
    ['certyfikat.kseF', ['allowed-characters']],
    ['certyfikat/1', ['allowed-characters']],
    ['certyfikat 👍', ['allowed-characters']],
    ['Müller cert', ['allowed-characters']],
    ['Ðorđe cert', ['allowed-characters']],
    ['tab\there', ['allowed-characters']],
    ['nowa\nlinia', ['allowed-characters']],
    ['a.b', ['length', 'allowed-characters']],
    ['ż'.repeat(100), []],
    ['ż'.repeat(101), ['length']],
  ])('%j fails %j', (name, rules) => {
    expect(failing(certificateNameRules(name))).toEqual(rules);
    const parsed = certificateNameSchema.safeParse(name);
    expect(parsed.success).toBe(rules.length === 0);
    expect(parsed.error?.issues.map((i) => i.message) ?? []).toEqual(rules);
  });

  it('lists every rule, passes included', () => {
    expect(certificateNameRules('ok name')).toEqual([
      { rule: 'length', ok: true },
      { rule: 'allowed-characters', ok: true },
    ]);
  });

  it('rejects what is not a string', () => {
    expect(certificateNameSchema.safeParse(12345).success).toBe(false);
  });
});

describe('key password rules', () => {
  const good = 'Abcdefgh1234!xy'; // 15
  it.each<[string, KeyPasswordRule[]]>([
    [good, []],
    ['Abcdefgh1234!x', ['length']], // 14
    ['Abcdefgh1234!xyzAbcdefgh1234!xyz', []], // 32
    ['Abcdefgh1234!xyzAbcdefgh1234!xyz1', ['length']], // 33
    ['abcdefgh1234!xy', ['uppercase']],
    ['ABCDEFGH1234!XY', ['lowercase']],
    ['Abcdefghijkl!xy', ['digit']],
    ['Abcdefgh12345xy', ['special']],
    ...[...'!@#$%^&*()-_=+'].map((c): [string, KeyPasswordRule[]] => [`Abcdefgh12345x${c}`, []]),
    ['Abcdefgh1234!x.', ['allowed-characters']],
    ['Abcdefgh1234!x ', ['allowed-characters']],
    ['Abcdefgh1234!xż', ['allowed-characters']],
    ['Abcdefgh1234!x€', ['allowed-characters']],
    ['Abcdefgh1234!x👍', ['allowed-characters']],
    ['Abcdefgh1234?xy', ['allowed-characters', 'special']],
    ['', ['length', 'lowercase', 'uppercase', 'digit', 'special']],
  ])('%j fails %j', (password, rules) => {
    expect(failing(keyPasswordRules(password))).toEqual(rules);
    const parsed = keyPasswordSchema.safeParse(password);
    expect(parsed.success).toBe(rules.length === 0);
    expect(parsed.error?.issues.map((i) => i.message) ?? []).toEqual(rules);
  });

  it('lists every rule, passes included, in a fixed order', () => {
    expect(keyPasswordRules(good).map((r) => r.rule)).toEqual([
      'length',
      'allowed-characters',
      'lowercase',
      'uppercase',
      'digit',
      'special',
    ]);
  });
});

describe('disallowedNameCharacters', () => {
  it.each([
    ['Księgowość Żółw 2026', []],
    ['Zły/nazwa', ['/']],
    ['a.b.c/d?', ['.', '/', '?']],
    ['Ünïcode', ['Ü', 'ï']],
  ])('%j', (name, expected) => {
    expect(disallowedNameCharacters(name)).toEqual(expected);
  });
});
