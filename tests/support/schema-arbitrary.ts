/**
 * Sample payloads generated from the contract's own schemas (after the `nullable` conversion of
 * open-api-contract.ts), independently of the zod schemas they are used to test:
 * - `arbitraryFor(schema)`: fast-check values the schema accepts (plus unknown extra properties);
 * - `mutatedDocuments(schema, value)`: single-edit variants that break one rule each (missing required
 *   property, null where not nullable, wrong type, enum/format/pattern/length/range violations).
 * Covers the JSON Schema subset open-api.json uses for the auth and certificate components.
 */
import fc from 'fast-check';
import { toBase64 } from '../../src/lib/bytes';
import { componentSchemas } from './open-api-contract';

type Schema = Record<string, unknown>;

function isRecord(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Unwraps `$ref`, single-member `allOf` and `anyOf [x, null]`; reports whether null is allowed. */
export function resolveSchema(schema: unknown): { schema: Schema; nullable: boolean } {
  let current: unknown = schema;
  let nullable = false;
  for (let guard = 0; guard < 20; guard++) {
    if (!isRecord(current)) return { schema: {}, nullable: true };
    if (typeof current.$ref === 'string') {
      current = componentSchemas[current.$ref.replace(/^.*#\/components\/schemas\//, '')];
      continue;
    }
    const anyOf = current.anyOf;
    if (Array.isArray(anyOf) && anyOf.length === 2 && isRecord(anyOf[1]) && anyOf[1].type === 'null') {
      nullable = true;
      current = anyOf[0];
      continue;
    }
    const allOf = current.allOf;
    if (Array.isArray(allOf) && allOf.length === 1) {
      current = allOf[0];
      continue;
    }
    return { schema: current, nullable };
  }
  throw new Error('schema nesting too deep');
}

const DATE_TIME = fc
  .record({
    date: fc.date({
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9999-12-30T00:00:00Z'),
      noInvalidDate: true,
    }),
    digits: fc.integer({ min: 0, max: 7 }),
    ticks: fc.integer({ min: 0, max: 9_999_999 }),
    offset: fc.oneof(fc.constant('Z'), fc.constantFrom('+00:00', '+01:00', '+02:00', '-04:30', '+14:00')),
  })
  .map(({ date, digits, ticks, offset }) => {
    const base = date.toISOString().slice(0, 19);
    const fraction = digits === 0 ? '' : `.${String(ticks).padStart(7, '0').slice(0, digits)}`;
    return `${base}${fraction}${offset}`;
  });

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : 40;
  if (schema.format === 'date-time') return DATE_TIME;
  if (schema.format === 'byte') return fc.uint8Array({ maxLength: 48 }).map(toBase64);
  if (typeof schema.pattern === 'string') {
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && s.length <= maxLength);
  }
  return fc.string({ minLength, maxLength });
}

/** fast-check values that `schema` accepts. */
export function arbitraryFor(schema: unknown): fc.Arbitrary<unknown> {
  const { schema: s, nullable } = resolveSchema(schema);
  const value = concreteArbitrary(s);
  return nullable ? fc.oneof(value, fc.constant(null)) : value;
}

function concreteArbitrary(s: Schema): fc.Arbitrary<unknown> {
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  switch (s.type) {
    case 'string':
      return stringArbitrary(s);
    case 'integer':
      if (s.format === 'int32') return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
      return fc.maxSafeInteger();
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = typeof s.minItems === 'number' ? s.minItems : 0;
      const maxLength = typeof s.maxItems === 'number' ? s.maxItems : 3;
      return fc.array(arbitraryFor(s.items), { minLength, maxLength: Math.min(maxLength, minLength + 3) });
    }
    default:
      break;
  }
  if (isRecord(s.properties)) {
    const properties = s.properties;
    const required = Array.isArray(s.required) ? s.required.filter((k): k is string => typeof k === 'string') : [];
    const model = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, arbitraryFor(v)]));
    const extra = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !(k in properties) && k !== '__proto__'),
      fc.jsonValue({ maxDepth: 1 }),
      { maxKeys: 2 },
    );
    return fc
      .tuple(fc.record(model, { requiredKeys: required }), extra)
      .map(([known, unknown]) => ({ ...unknown, ...known }));
  }
  if (s.type === 'object')
    return fc.dictionary(
      fc.string({ maxLength: 8 }).filter((k) => k !== '__proto__'),
      fc.jsonValue({ maxDepth: 1 }),
      { maxKeys: 3 },
    );
  return fc.jsonValue({ maxDepth: 2 });
}

/** One rule broken in one place. */
export interface Mutation {
  readonly label: string;
  readonly value: unknown;
}

function set(root: unknown, path: readonly (string | number)[], replacement: unknown, remove = false): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(root) && typeof head === 'number') {
    const items: readonly unknown[] = root;
    return items.map((item, i) => (i === head ? set(item, rest, replacement, remove) : item));
  }
  if (isRecord(root) && typeof head === 'string') {
    const copy: Schema = { ...root };
    if (remove && rest.length === 0) delete copy[head];
    else copy[head] = set(root[head], rest, replacement, remove);
    return copy;
  }
  return root;
}

function violationsOf(s: Schema, current: unknown): [string, unknown][] {
  const out: [string, unknown][] = [];
  const wrongType: Record<string, unknown> = {
    string: 12345,
    integer: 'x',
    number: 'x',
    boolean: 'true',
    array: {},
    object: [],
  };
  if (typeof s.type === 'string' && s.type in wrongType) out.push([`wrong type for ${s.type}`, wrongType[s.type]]);
  if (Array.isArray(s.enum)) out.push(['not in enum', 'NotAnOption']);
  if (s.format === 'date-time')
    out.push(['bad date-time', '2025-13-45T10:00:00Z'], ['date-time without offset', '2025-07-11T12:23:56.0154302']);
  if (s.format === 'byte') out.push(['bad base64', 'not base64!']);
  if (s.format === 'int32') out.push(['beyond int32', 2 ** 31]);
  if (s.type === 'integer') out.push(['fraction', 1.5]);
  if (typeof s.pattern === 'string' && typeof current === 'string')
    out.push(['pattern broken', `${current.slice(0, -1)}!`]);
  if (typeof s.minLength === 'number' && s.minLength > 0) out.push(['too short', 'x'.repeat(s.minLength - 1)]);
  if (typeof s.maxLength === 'number') out.push(['too long', 'A'.repeat(s.maxLength + 1)]);
  if (typeof s.minItems === 'number' && s.minItems > 0) out.push(['too few items', []]);
  if (typeof s.maxItems === 'number' && Array.isArray(current) && current.length > 0) {
    const first: unknown = current[0];
    out.push(['too many items', Array.from({ length: s.maxItems + 1 }, () => first)]);
  }
  return out;
}

/** Every single-rule violation of `root` (a value `schema` accepts), down its object tree, as whole documents. */
export function mutatedDocuments(schema: unknown, root: unknown): Mutation[] {
  return collect(schema, root, []);
}

function collect(schema: unknown, root: unknown, path: (string | number)[]): Mutation[] {
  const { schema: s, nullable } = resolveSchema(schema);
  const at = (p: (string | number)[]): string => (p.length === 0 ? '(root)' : p.join('.'));
  const current = path.reduce<unknown>((node, key) => {
    if (Array.isArray(node) && typeof key === 'number') return node[key];
    if (isRecord(node) && typeof key === 'string') return node[key];
    return undefined;
  }, root);
  const out: Mutation[] = [];
  if (!nullable) out.push({ label: `${at(path)}: null`, value: set(root, path, null) });
  for (const [label, replacement] of violationsOf(s, current))
    out.push({ label: `${at(path)}: ${label}`, value: set(root, path, replacement) });
  if (isRecord(s.properties) && isRecord(current)) {
    const required = Array.isArray(s.required) ? s.required : [];
    for (const [key, propertySchema] of Object.entries(s.properties)) {
      if (required.includes(key))
        out.push({ label: `${at([...path, key])}: missing`, value: set(root, [...path, key], undefined, true) });
      if (key in current) out.push(...collect(propertySchema, root, [...path, key]));
    }
  }
  if (s.type === 'array' && Array.isArray(current) && current.length > 0)
    out.push(...collect(s.items, root, [...path, 0]));
  return out;
}
