import { afterEach, describe, expect, it } from 'vitest';
import { parseKsefDateTime } from '../../src/ksef/date-time';
import { isKsefError } from '../../src/ksef/errors';
import { createHarness, honestyCheck } from '../support/ksef-harness';
import {
  ACCESS_TOKEN,
  ENROLLMENT_REFERENCE,
  enrollmentData,
  enrollmentStatus,
  enrollRequest,
  enrollResponse,
  limitsResponse,
  queryResponse,
  retrieveResponse,
  SERIAL,
} from '../support/ksef-samples';

afterEach(honestyCheck);

function expectAccessCall(headers: Headers | undefined): void {
  expect(headers?.get('Authorization')).toBe(`Bearer ${ACCESS_TOKEN}`);
  expect(headers?.get('Accept')).toBe('application/json');
  expect(headers?.get('X-Error-Format')).toBe('problem-details');
}

describe('GET /certificates/limits', () => {
  it('carries the accessToken and returns the limits', async () => {
    const { double, client, session } = createHarness();
    double.on('get', '/certificates/limits').json(200, limitsResponse);
    await expect(client.getCertificateLimits(session)).resolves.toEqual(limitsResponse);
    expect(double.requests[0]?.method).toBe('GET');
    expect(double.requests[0]?.body).toBeUndefined();
    expectAccessCall(double.requests[0]?.headers);
  });
});

describe('GET /certificates/enrollments/data', () => {
  it('returns the subject data, nulls kept', async () => {
    const { double, client, session } = createHarness();
    double.on('get', '/certificates/enrollments/data').json(200, enrollmentData);
    await expect(client.getEnrollmentData(session)).resolves.toEqual(enrollmentData);
    expect(double.requests[0]?.path).toBe('/certificates/enrollments/data');
    expectAccessCall(double.requests[0]?.headers);
  });
});

describe('POST /certificates/enrollments', () => {
  it('sends the EnrollCertificateRequest as JSON and returns the reference number', async () => {
    const { double, client, session } = createHarness();
    double.on('post', '/certificates/enrollments').json(202, enrollResponse);

    await expect(client.enrollCertificate(session, enrollRequest)).resolves.toEqual(enrollResponse);

    const [request] = double.requests;
    expect(request?.headers.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual(enrollRequest);
    expectAccessCall(request?.headers);
  });

  it('sends validFrom when given and drops properties outside the contract', async () => {
    const { double, client, session } = createHarness();
    double.on('post', '/certificates/enrollments').json(202, enrollResponse);
    const request = { ...enrollRequest, validFrom: '2026-01-01T00:00:00+01:00', privateKey: 'must never leave' };
    await client.enrollCertificate(session, request);
    expect(JSON.parse(double.requests[0]?.body ?? '')).toEqual({
      ...enrollRequest,
      validFrom: '2026-01-01T00:00:00+01:00',
    });
  });

  it.each([
    ['a name too short', { ...enrollRequest, certificateName: 'abc' }],
    ['a name with a slash', { ...enrollRequest, certificateName: 'Cert/ificate' }],
    ['a PEM CSR', { ...enrollRequest, csr: '-----BEGIN CERTIFICATE REQUEST-----' }],
    ['a CSR with line breaks', { ...enrollRequest, csr: 'MIIB\r\nKjCB' }],
    ['an unknown type', { ...enrollRequest, certificateType: 'Signing' }],
  ])('refuses %s without sending', async (_, request) => {
    const { double, client, session } = createHarness();
    // @ts-expect-error -- the table widens certificateType to string; values outside the contract are the point
    await expect(client.enrollCertificate(session, request)).rejects.toSatisfy((e) =>
      isKsefError(e, 'invalid-request'),
    );
    expect(double.requests).toEqual([]);
  });
});

describe('GET /certificates/enrollments/{referenceNumber}', () => {
  it('returns the status with the serial number', async () => {
    const { double, client, session } = createHarness();
    double
      .on('get', '/certificates/enrollments/{referenceNumber}')
      .json(200, enrollmentStatus(200, 'Wniosek obsłużony', SERIAL));
    const status = await client.getEnrollmentStatus(session, ENROLLMENT_REFERENCE);
    expect(status.certificateSerialNumber).toBe(SERIAL);
    expect(parseKsefDateTime(status.requestDate ?? '').toISOString()).toBe('2025-07-11T12:23:56.015Z');
    expect(double.requests[0]?.path).toBe(`/certificates/enrollments/${ENROLLMENT_REFERENCE}`);
    expectAccessCall(double.requests[0]?.headers);
  });
});

describe('POST /certificates/retrieve', () => {
  it('sends the serial numbers and returns the certificates', async () => {
    const { double, client, session } = createHarness();
    double.on('post', '/certificates/retrieve').json(200, retrieveResponse);
    await expect(client.retrieveCertificates(session, { certificateSerialNumbers: [SERIAL] })).resolves.toEqual(
      retrieveResponse,
    );
    expect(JSON.parse(double.requests[0]?.body ?? '')).toEqual({ certificateSerialNumbers: [SERIAL] });
    expect(double.requests[0]?.headers.get('Content-Type')).toBe('application/json');
    expectAccessCall(double.requests[0]?.headers);
  });

  it.each([[[]], [['01f20a5d352ae590']], [Array.from({ length: 11 }, () => SERIAL)]])(
    'refuses %j without sending',
    async (serials) => {
      const { double, client, session } = createHarness();
      await expect(client.retrieveCertificates(session, { certificateSerialNumbers: serials })).rejects.toSatisfy((e) =>
        isKsefError(e, 'invalid-request'),
      );
      expect(double.requests).toEqual([]);
    },
  );
});

describe('POST /certificates/query', () => {
  it('puts paging in the query string and filters in the body', async () => {
    const { double, client, session } = createHarness();
    double.on('post', '/certificates/query').json(200, queryResponse);

    const result = await client.queryCertificates(
      session,
      { status: 'Active', type: 'Offline', name: 'Cert' },
      { pageSize: 20, pageOffset: 2 },
    );

    expect(result).toEqual(queryResponse);
    const [request] = double.requests;
    expect(Object.fromEntries(request!.query)).toEqual({ pageSize: '20', pageOffset: '2' });
    expect(JSON.parse(request?.body ?? '')).toEqual({ status: 'Active', type: 'Offline', name: 'Cert' });
    expectAccessCall(request?.headers);
  });

  it('sends an empty filter and no paging by default', async () => {
    const { double, client, session } = createHarness();
    double.on('post', '/certificates/query').json(200, { certificates: [], hasMore: false });
    await client.queryCertificates(session);
    expect([...double.requests[0]!.query]).toEqual([]);
    expect(double.requests[0]?.body).toBe('{}');
  });

  it.each([{ pageSize: 5 }, { pageSize: 51 }, { pageOffset: -1 }, { pageSize: 10.5 }])(
    'refuses paging %j without sending',
    async (page) => {
      const { double, client, session } = createHarness();
      await expect(client.queryCertificates(session, {}, page)).rejects.toSatisfy((e) =>
        isKsefError(e, 'invalid-request'),
      );
      expect(double.requests).toEqual([]);
    },
  );
});

describe('POST /certificates/{certificateSerialNumber}/revoke', () => {
  it('sends the reason and expects 204', async () => {
    const { double, client, session } = createHarness();
    double.on('post', '/certificates/{certificateSerialNumber}/revoke').noContent();
    await expect(
      client.revokeCertificate(session, SERIAL, { revocationReason: 'KeyCompromise' }),
    ).resolves.toBeUndefined();
    expect(double.requests[0]?.path).toBe(`/certificates/${SERIAL}/revoke`);
    expect(JSON.parse(double.requests[0]?.body ?? '')).toEqual({ revocationReason: 'KeyCompromise' });
    expectAccessCall(double.requests[0]?.headers);
  });

  it('sends an empty body without a reason', async () => {
    const { double, client, session } = createHarness();
    double.on('post', '/certificates/{certificateSerialNumber}/revoke').noContent();
    await client.revokeCertificate(session, SERIAL);
    expect(double.requests[0]?.body).toBe('{}');
  });

  it('refuses a serial number that is not 16 uppercase hex digits', async () => {
    const { double, client, session } = createHarness();
    await expect(client.revokeCertificate(session, '01f20a5d352ae590')).rejects.toSatisfy((e) =>
      isKsefError(e, 'invalid-request'),
    );
    expect(double.requests).toEqual([]);
  });
});
