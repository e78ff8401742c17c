import { describe, expect, it } from 'vitest';
import { KSEF_OPERATIONS, KSEF_OPERATION_IDS, operationId } from '../../server/ksef-operations';
import { matchRoute } from '../../server/relay/routes';
import { matchOperation } from '../../server/sandbox/routes';

/** A valid value for each path parameter (docs/ksef-contract.md §3.4). */
const SAMPLES: Readonly<Record<string, string>> = {
  referenceNumber: '20260302-AU-0123456789-0123456789-01',
  certificateSerialNumber: '0123456789ABCDEF',
};

function samplePath(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => SAMPLES[name] ?? 'missing-sample');
}

describe('one table of KSeF operations for the relay and the sandbox', () => {
  it('names each operation once', () => {
    expect(new Set(KSEF_OPERATION_IDS).size).toBe(KSEF_OPERATIONS.length);
    expect(KSEF_OPERATION_IDS).toEqual(KSEF_OPERATIONS.map((o) => `${o.method} ${o.template}`));
  });

  it.each(KSEF_OPERATIONS.map((o) => [operationId(o), o] as const))(
    '%s: the relay forwards it and the sandbox serves it',
    (id, operation) => {
      const path = samplePath(operation.template);
      expect(matchRoute(operation.method, path, new URLSearchParams())).toMatchObject({
        kind: 'matched',
        template: operation.template,
        path,
      });
      expect(matchOperation(operation.method, path)).toMatchObject({ kind: 'matched', operation: id });
    },
  );

  it('neither answers an operation outside the table', () => {
    for (const [method, path] of [
      ['POST', '/invoices/query'],
      ['GET', '/certificates/query'],
      ['PUT', '/certificates/limits'],
    ] as const) {
      expect(matchRoute(method, path, new URLSearchParams()).kind).toBe('not-found');
      expect(matchOperation(method, path).kind).not.toBe('matched');
    }
  });
});
