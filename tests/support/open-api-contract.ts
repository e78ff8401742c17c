/**
 * The official contract as an independent oracle: ajv (with ajv-formats) compiles the schemas of
 * `spec/ksef/open-api.json`, and every exchange a test double takes part in can be checked
 * against its operation (parameters, bearer, request body, status, content type, response body).
 *
 * OpenAPI 3.0 `nullable`: ajv has no such keyword. Every schema object with `nullable: true` is rewritten
 * to `{ anyOf: [<the schema without nullable>, { type: 'null' }] }`. This also covers the spec's many
 * `{ allOf: [{ $ref }], nullable: true }` properties, where adding `'null'` to `type` would not work
 * (there is no `type`, and the referenced schema would still reject null); it is what the generator of
 * the spec (ASP.NET) and openapi-typescript (`T | null`) mean by it.
 *
 * Other adjustments, all documented here: `strict: false` (OpenAPI keywords like `example`, `x-*`,
 * `discriminator` are annotations to ajv); `unicodeRegExp: false`, because the certificateName pattern
 * `[...\ ...]` is a valid JS regex only without the `u` flag; local `$ref`s are rebased on the document id.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { z } from 'zod';
import specText from '../../spec/ksef/open-api.json?raw';

const SPEC_ID = 'open-api.json';

const mediaTypesSchema = z.record(z.string(), z.object({ schema: z.unknown().optional() }));
const parameterSchema = z.object({
  name: z.string(),
  in: z.enum(['query', 'path', 'header', 'cookie']),
  required: z.boolean().optional(),
  schema: z.unknown().optional(),
});
const operationSchema = z.object({
  parameters: z.array(parameterSchema).optional(),
  requestBody: z.object({ required: z.boolean().optional(), content: mediaTypesSchema }).optional(),
  responses: z.record(
    z.string(),
    z.object({
      headers: z.record(z.string(), z.object({ schema: z.unknown() })).optional(),
      content: mediaTypesSchema.optional(),
    }),
  ),
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
  'x-rate-limits': z.object({ perSecond: z.number(), perMinute: z.number(), perHour: z.number() }).partial().optional(),
});
const pathItemSchema = z.object({
  get: operationSchema.optional(),
  post: operationSchema.optional(),
  put: operationSchema.optional(),
  patch: operationSchema.optional(),
  delete: operationSchema.optional(),
});
const openApiSchema = z.object({
  openapi: z.string(),
  paths: z.record(z.string(), pathItemSchema),
  components: z.object({ schemas: z.record(z.string(), z.unknown()) }),
});
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** One operation of the contract. */
export type OpenApiOperation = z.infer<typeof operationSchema>;

/** The parsed contract (only the parts the checks read). */
export const openApi = openApiSchema.parse(JSON.parse(specText));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** OpenAPI 3.0 schema -> JSON Schema for ajv: `nullable` as `anyOf [.., null]`, `$ref`s rebased on the document. */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isRecord(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'nullable' && typeof value === 'boolean') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out[key] = `${SPEC_ID}${value}`;
    else out[key] = toJsonSchema(value);
  }
  return node.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

/** The contract's component schemas, converted for ajv. */
export const componentSchemas = z.record(z.string(), z.unknown()).parse(toJsonSchema(openApi.components.schemas));

const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
/*
 * ajv-formats 2.1.1 accepts a date-time without an offset ("2025-07-11T12:23:56"): its `time(str, true)`
 * compares the missing zone with "" rather than undefined (fixed in ajv-formats 3). RFC 3339 and
 * docs/ksef-contract.md §3.4 require the offset, so the oracle adds that one rule to ajv-formats' own check.
 */
const ajvFormatsDateTime = addFormats(new Ajv()).compile({ type: 'string', format: 'date-time' });
ajv.addFormat('date-time', {
  type: 'string',
  validate: (text: string) => ajvFormatsDateTime(text) && /(?:z|[+-]\d\d(?::?\d\d)?)$/i.test(text),
});
ajv.addSchema({ $id: SPEC_ID, components: { schemas: componentSchemas } });

const compiled = new Map<string, ValidateFunction>();

function validatorFor(key: string, schema: () => unknown): ValidateFunction {
  let validate = compiled.get(key);
  if (validate === undefined) {
    const converted = toJsonSchema(schema());
    if (!isRecord(converted)) throw new Error(`${key}: not a schema object`);
    validate = ajv.compile(converted);
    compiled.set(key, validate);
  }
  return validate;
}

function errorsOf(validate: ValidateFunction, value: unknown, where: string): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${where}${e.instancePath}: ${e.message ?? e.keyword}`);
}

/** Errors of `value` against `components.schemas[name]` (empty when valid). */
export function componentErrors(name: string, value: unknown): string[] {
  if (!(name in componentSchemas)) throw new Error(`open-api.json has no component ${name}`);
  const validate = validatorFor(`component:${name}`, () => ({ $ref: `#/components/schemas/${name}` }));
  return errorsOf(validate, value, name);
}

/** Finds the operation serving `method` on a concrete `path`; literal segments win over `{parameters}`. */
export function findOperation(
  method: string,
  path: string,
): { template: string; operation: OpenApiOperation; params: Record<string, string> } | undefined {
  const segments = path.split('/');
  let best:
    { template: string; operation: OpenApiOperation; params: Record<string, string>; literals: number } | undefined;
  for (const [template, item] of Object.entries(openApi.paths)) {
    const name = METHODS.find((m) => m === method.toLowerCase());
    const operation = name === undefined ? undefined : item[name];
    const parts = template.split('/');
    if (operation === undefined || parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    const matches = parts.every((part, i) => {
      const segment = segments[i] ?? '';
      const param = /^\{(.+)\}$/.exec(part)?.[1];
      if (param === undefined) {
        literals++;
        return part === segment;
      }
      params[param] = decodeURIComponent(segment);
      return segment !== '';
    });
    if (matches && (best === undefined || literals > best.literals)) best = { template, operation, params, literals };
  }
  return best;
}

/** One HTTP exchange as a double saw it. */
export interface ContractExchange {
  readonly method: string;
  /** Below the base URL, without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly requestHeaders: Headers;
  readonly requestBody: string | undefined;
  /** `undefined` when the double answered with a network error or never answered. */
  readonly response?: { readonly status: number; readonly headers: Headers; readonly body: string };
  /** A reply the test serves knowingly outside the contract (a gateway 503, a malformed body). */
  readonly responseOffContract?: boolean;
}

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Query and path parameters arrive as strings; type them as their schema says before validating. */
function coerce(value: string, schema: unknown): unknown {
  const type = isRecord(schema) ? schema.type : undefined;
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

function parameterErrors(
  exchange: ContractExchange,
  key: string,
  operation: OpenApiOperation,
  params: Record<string, string>,
): string[] {
  const errors: string[] = [];
  const declared = operation.parameters ?? [];
  for (const [name] of exchange.query) {
    if (!declared.some((p) => p.in === 'query' && p.name === name))
      errors.push(`${key}: query parameter ${name} is not in the contract`);
  }
  declared.forEach((p, i) => {
    const value = p.in === 'query' ? exchange.query.get(p.name) : p.in === 'path' ? params[p.name] : null;
    if (p.in !== 'query' && p.in !== 'path') return;
    if (value === null || value === undefined) {
      if (p.required === true) errors.push(`${key}: missing required ${p.in} parameter ${p.name}`);
      return;
    }
    const validate = validatorFor(`${key}:param:${i}`, () => p.schema ?? {});
    errors.push(...errorsOf(validate, coerce(value, p.schema), `${key} ${p.in} ${p.name}`));
  });
  return errors;
}

function requestBodyErrors(exchange: ContractExchange, key: string, operation: OpenApiOperation): string[] {
  const { requestBody } = operation;
  if (requestBody === undefined)
    return exchange.requestBody === undefined ? [] : [`${key}: sends a body the contract does not take`];
  if (exchange.requestBody === undefined)
    return requestBody.required === true ? [`${key}: the required body is missing`] : [];
  const type = mediaType(exchange.requestHeaders.get('Content-Type'));
  const media = requestBody.content[type];
  if (media === undefined)
    return [`${key}: request Content-Type ${type} is not one of ${Object.keys(requestBody.content).join(', ')}`];
  const body: unknown = type.endsWith('json') ? JSON.parse(exchange.requestBody) : exchange.requestBody;
  return errorsOf(
    validatorFor(`${key}:request:${type}`, () => media.schema ?? {}),
    body,
    `${key} request body`,
  );
}

function responseErrors(exchange: ContractExchange, key: string, operation: OpenApiOperation): string[] {
  const { response } = exchange;
  if (response === undefined || exchange.responseOffContract === true) return [];
  const declared = operation.responses[String(response.status)];
  if (declared === undefined)
    return [`${key}: status ${response.status} is not in the contract (mark it off-contract)`];
  const errors: string[] = [];
  for (const [name, header] of Object.entries(declared.headers ?? {})) {
    const value = response.headers.get(name);
    if (value === null) continue;
    errors.push(
      ...errorsOf(
        validatorFor(`${key}:${response.status}:header:${name}`, () => header.schema),
        coerce(value, resolveComponent(header.schema)),
        `${key} header ${name}`,
      ),
    );
  }
  if (declared.content === undefined) {
    if (response.body !== '') errors.push(`${key}: status ${response.status} has no body in the contract`);
    return errors;
  }
  const type = mediaType(response.headers.get('Content-Type'));
  const media = declared.content[type];
  if (media === undefined)
    return [
      ...errors,
      `${key}: response Content-Type ${type} is not one of ${Object.keys(declared.content).join(', ')}`,
    ];
  const validate = validatorFor(`${key}:${response.status}:${type}`, () => media.schema ?? {});
  return [...errors, ...errorsOf(validate, JSON.parse(response.body), `${key} ${response.status} body`)];
}

/** A `$ref` to a component, resolved one level (to read its `type`). */
function resolveComponent(schema: unknown): unknown {
  if (isRecord(schema) && typeof schema.$ref === 'string')
    return openApi.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
  return schema;
}

/** Everything in `exchange` the contract does not allow (empty when honest). */
export function contractViolations(exchange: ContractExchange): string[] {
  const found = findOperation(exchange.method, exchange.path);
  const key = `${exchange.method} ${exchange.path}`;
  if (found === undefined) return [`${key}: no such operation in open-api.json`];
  const { operation, params } = found;
  const errors = [...parameterErrors(exchange, key, operation, params), ...requestBodyErrors(exchange, key, operation)];
  const needsBearer = (operation.security ?? []).length > 0;
  const authorization = exchange.requestHeaders.get('Authorization');
  if (needsBearer && !/^Bearer \S+$/.test(authorization ?? ''))
    errors.push(`${key}: the contract requires a bearer token`);
  if (!needsBearer && authorization !== null) errors.push(`${key}: sends Authorization where the contract takes none`);
  return [...errors, ...responseErrors(exchange, key, operation)];
}
