import { z } from '../lib/zod-mini';

/** Rules of `EnrollCertificateRequest.certificateName` (open-api.json), one id each. */
export type CertificateNameRule = 'length' | 'allowed-characters';

/** Rules for the password that protects a saved private key, one id each. */
export type KeyPasswordRule = 'length' | 'allowed-characters' | 'lowercase' | 'uppercase' | 'digit' | 'special';

/** One rule and whether the input meets it, for a live checklist. The UI translates the rule id. */
export interface RuleResult<
  Rule extends CertificateNameRule | KeyPasswordRule = CertificateNameRule | KeyPasswordRule,
> {
  readonly rule: Rule;
  readonly ok: boolean;
}

/**
 * open-api.json `^[a-zA-Z0-9_\-\ ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]+$`, minLength 5, maxLength 100. Lengths count
 * code points, as JSON Schema does.
 */
const NAME_CHARACTERS = /^[a-zA-Z0-9_\- ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]*$/u;
const NAME_MIN = 5;
const NAME_MAX = 100;

const PASSWORD_SPECIALS = '!@#$%^&*()-_=+';
const PASSWORD_CHARACTERS = /^[A-Za-z0-9!@#$%^&*()\-_=+]*$/;
const PASSWORD_MIN = 15;
const PASSWORD_MAX = 32;

function codePoints(text: string): number {
  return [...text].length;
}

/** The characters of `name` that `certificateName` does not allow, each once, in order of appearance. */
export function disallowedNameCharacters(name: string): string[] {
  return [...new Set([...name].filter((c) => !NAME_CHARACTERS.test(c)))];
}

/** Each certificateName rule, passes included: `length` (5–100) and `allowed-characters`. */
export function certificateNameRules(name: string): RuleResult<CertificateNameRule>[] {
  const length = codePoints(name);
  return [
    { rule: 'length', ok: length >= NAME_MIN && length <= NAME_MAX },
    { rule: 'allowed-characters', ok: NAME_CHARACTERS.test(name) },
  ];
}

/**
 * Each key-password rule, passes included: `length` (15–32), `allowed-characters` (ASCII letters,
 * digits and `!@#$%^&*()-_=+` only), and at least one `lowercase`, `uppercase`, `digit` and `special`.
 */
export function keyPasswordRules(password: string): RuleResult<KeyPasswordRule>[] {
  const length = codePoints(password);
  return [
    { rule: 'length', ok: length >= PASSWORD_MIN && length <= PASSWORD_MAX },
    { rule: 'allowed-characters', ok: PASSWORD_CHARACTERS.test(password) },
    { rule: 'lowercase', ok: /[a-z]/.test(password) },
    { rule: 'uppercase', ok: /[A-Z]/.test(password) },
    { rule: 'digit', ok: /[0-9]/.test(password) },
    { rule: 'special', ok: [...password].some((c) => PASSWORD_SPECIALS.includes(c)) },
  ];
}

/** A string schema that raises one issue per failed rule, with the rule id as the issue message. */
function ruleSchema<Rule extends CertificateNameRule | KeyPasswordRule>(rules: (value: string) => RuleResult<Rule>[]) {
  return z.string().check(
    z.superRefine((value, ctx) => {
      for (const { rule, ok } of rules(value)) {
        if (!ok) ctx.addIssue({ code: 'custom', message: rule });
      }
    }),
  );
}

/** `EnrollCertificateRequest.certificateName`; issue messages are `CertificateNameRule` ids. */
export const certificateNameSchema = ruleSchema(certificateNameRules);

/** Password for a saved private key; issue messages are `KeyPasswordRule` ids. */
export const keyPasswordSchema = ruleSchema(keyPasswordRules);
