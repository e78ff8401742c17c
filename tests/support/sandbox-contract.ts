/**
 * Checks the sandbox's answers against `open-api.json`, including answers to requests a test sends
 * off-contract on purpose (no bearer, a bad body): `contractViolations` of `open-api-contract.ts`
 * judges the request too, so for those only the response side is checked here, with the same
 * converted component schemas (OpenAPI `nullable` handled there) and an ajv of our own.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import {
  type ContractExchange,
  componentSchemas,
  contractViolations,
  findOperation,
  toJsonSchema,
} from './open-api-contract';

const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
ajv.addSchema({ $id: 'open-api.json', components: { schemas: componentSchemas } });
const compiled = new Map<string, ValidateFunction>();

function validator(key: string, schema: unknown): ValidateFunction {
  let validate = compiled.get(key);
  if (validate === undefined) {
    const converted = toJsonSchema(schema);
    if (typeof converted !== 'object' || converted === null) throw new Error(`${key}: not a schema`);
    validate = ajv.compile(converted);
    compiled.set(key, validate);
  }
  return validate;
}

function schemaErrors(key: string, schema: unknown, value: unknown): string[] {
  const validate = validator(key, schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${key}${e.instancePath}: ${e.message ?? e.keyword}`);
}

/** What the response of `exchange` breaks in the contract: status, content type, body, Retry-After. */
export function responseViolations(exchange: ContractExchange): string[] {
  const { response } = exchange;
  const key = `${exchange.method} ${exchange.path}`;
  if (response === undefined) return [`${key}: no response`];
  const found = findOperation(exchange.method, exchange.path);
  if (found === undefined) return [`${key}: no such operation in open-api.json`];
  const declared = found.operation.responses[String(response.status)];
  if (declared === undefined) return [`${key}: status ${response.status} is not in the contract`];
  const errors: string[] = [];
  const retryAfter = response.headers.get('Retry-After');
  if (declared.headers?.['Retry-After'] !== undefined && (retryAfter === null || !/^\d+$/.test(retryAfter))) {
    errors.push(`${key}: ${response.status} without an integer Retry-After`);
  }
  if (declared.content === undefined) {
    if (response.body !== '') errors.push(`${key}: ${response.status} has no body in the contract`);
    return errors;
  }
  const type = (response.headers.get('Content-Type') ?? '').split(';')[0]?.trim() ?? '';
  const media = declared.content[type];
  if (media === undefined)
    return [
      ...errors,
      `${key}: ${response.status} Content-Type ${type} is not one of ${Object.keys(declared.content).join(', ')}`,
    ];
  return [
    ...errors,
    ...schemaErrors(`${found.template} ${response.status} ${type}`, media.schema, JSON.parse(response.body)),
  ];
}

/**
 * Everything `exchange` breaks: the whole exchange (request included) when the request is meant to be
 * on-contract, only the response when the test sent a bad request on purpose, nothing when even the
 * answer is outside the contract (404, 415, injected 500/503).
 */
export function sandboxViolations(exchange: ContractExchange & { readonly requestOffContract?: boolean }): string[] {
  if (exchange.responseOffContract === true) return [];
  return exchange.requestOffContract === true ? responseViolations(exchange) : contractViolations(exchange);
}
