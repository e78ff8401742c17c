import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OID } from '../../../../src/crypto/oids';
import { readAuthTokenRequest } from '../../../../server/sandbox/auth/request-xml';
import { createSandboxClock } from '../../../../server/sandbox/core/clock';
import { isSandboxError } from '../../../../server/sandbox/core/errors';
import { ipAllowed } from '../../../../server/sandbox/auth/ip-policy';
import { createSandbox } from '../../../../server/sandbox/sandbox';
import { enrollmentDataOf, normaliseSerialNumber } from '../../../../server/sandbox/auth/signer';
import { parseRequestXml } from '../../../../server/sandbox/auth/xml-dom';
import { NIP, START } from '../../../support/sandbox-harness';

const attribute = (type: string, value: string) => ({ type, shortName: type, value });

describe('enrollment data from the signing certificate (docs/ksef-contract.md §5.2)', () => {
  it.each([
    ['NIP-5265877635', 'TINPL-5265877635'],
    ['PESEL-44051401359', 'PNOPL-44051401359'],
    ['TINPL-5265877635', 'TINPL-5265877635'],
    ['PNOPL-44051401359', 'PNOPL-44051401359'],
    ['NIP-52658776350', 'NIP-52658776350'],
    ['IDCPL-ABC', 'IDCPL-ABC'],
  ])('serialNumber %s → %s', (input, expected) => {
    expect(normaliseSerialNumber(input)).toBe(expected);
  });

  it('maps a person: several given names joined, Polish letters verbatim, nothing else', () => {
    const subject = [
      attribute(OID.commonName, 'Łucja Anna Żółć'),
      attribute(OID.givenName, 'Łucja'),
      attribute(OID.givenName, 'Anna'),
      attribute(OID.surname, 'Żółć'),
      attribute(OID.serialNumber, `NIP-${NIP}`),
      attribute(OID.countryName, 'PL'),
      attribute(OID.title, 'ignored'),
    ];
    expect(enrollmentDataOf('person', subject, false)).toEqual({
      commonName: 'Łucja Anna Żółć',
      countryName: 'PL',
      givenName: 'Łucja Anna',
      surname: 'Żółć',
      serialNumber: `TINPL-${NIP}`,
    });
  });

  it('maps a seal verbatim, and strips the CA suffix from a sandbox certificate’s CN', () => {
    const subject = [
      attribute(OID.countryName, 'PL'),
      attribute(OID.organizationIdentifier, 'VATPL-6381853612 NTRPL-0001040934'),
      attribute(OID.organizationName, 'SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ'),
      attribute(OID.commonName, 'Pieczęć (uwierzytelnienie)'),
    ];
    expect(enrollmentDataOf('seal', subject, true)).toEqual({
      commonName: 'Pieczęć',
      countryName: 'PL',
      organizationName: 'SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ',
      organizationIdentifier: 'VATPL-6381853612 NTRPL-0001040934',
    });
    expect(enrollmentDataOf('seal', subject, false).commonName).toBe('Pieczęć (uwierzytelnienie)');
  });
});

describe('AllowedIps', () => {
  const policy = { addresses: ['1.2.3.4'], ranges: ['10.0.0.10-10.0.0.20'], masks: ['172.16.0.0/12', '0.0.0.0/32'] };
  it.each([
    ['1.2.3.4', true],
    ['1.2.3.5', false],
    ['10.0.0.10', true],
    ['10.0.0.20', true],
    ['10.0.0.21', false],
    ['172.31.255.255', true],
    ['172.32.0.0', false],
    ['0.0.0.0', true],
    ['::1', false],
  ])('%s → %s', (ip, allowed) => {
    expect(ipAllowed(ip, policy)).toBe(allowed);
  });

  it('no policy allows everything; an empty one nothing', () => {
    expect(ipAllowed('8.8.8.8', null)).toBe(true);
    expect(ipAllowed('8.8.8.8', { addresses: [], ranges: [], masks: [] })).toBe(false);
  });

  it('reads the policy from the request, in schema order', () => {
    const xml = (ips: string) =>
      `<AuthTokenRequest xmlns="http://ksef.mf.gov.pl/auth/token/2.1"><Challenge>20260302-CR-0123456789-ABCDEF0123-45</Challenge><ContextIdentifier><Nip>${NIP}</Nip></ContextIdentifier><SubjectIdentifierType>certificateSubject</SubjectIdentifierType><AuthorizationPolicy><AllowedIps>${ips}</AllowedIps></AuthorizationPolicy></AuthTokenRequest>`;
    const read = readAuthTokenRequest(
      parseRequestXml(
        xml('<Ip4Address>1.2.3.4</Ip4Address><Ip4Address>5.6.7.8</Ip4Address><Ip4Mask>10.0.0.0/8</Ip4Mask>'),
      ),
    );
    expect(read.allowedIps).toEqual({ addresses: ['1.2.3.4', '5.6.7.8'], ranges: [], masks: ['10.0.0.0/8'] });
    expect(() =>
      readAuthTokenRequest(parseRequestXml(xml('<Ip4Mask>10.0.0.0/8</Ip4Mask><Ip4Address>1.2.3.4</Ip4Address>'))),
    ).toThrow(/unexpected/);
    expect(() => readAuthTokenRequest(parseRequestXml(xml('<Ip4Address>1.2.3.4</Ip4Address>'.repeat(11))))).toThrow(
      /more than 10/,
    );
  });
});

describe('untrusted XML (property)', () => {
  const sandbox = createSandbox({ clock: createSandboxClock(() => START), log: () => undefined });
  const element = fc.constantFrom(
    'AuthTokenRequest',
    'Challenge',
    'ContextIdentifier',
    'Nip',
    'ds:Signature',
    '!DOCTYPE a',
    '?xml version="1.0"?',
    'x:y',
  );
  const xmlish = fc
    .array(
      fc.oneof(
        fc.string(),
        element.map((e) => `<${e}>`),
        element.map((e) => `</${e}>`),
        fc.constant('&amp;'),
        fc.constant('&x;'),
      ),
      { maxLength: 20 },
    )
    .map((parts) => parts.join(''));

  it('the parser and schema checks answer only with SandboxErrors', () => {
    fc.assert(
      fc.property(xmlish, (text) => {
        try {
          readAuthTokenRequest(parseRequestXml(text));
        } catch (cause) {
          expect(isSandboxError(cause, 'bad-request')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('POST /auth/xades-signature answers 400 (never 500) to arbitrary bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          xmlish.map((t) => new TextEncoder().encode(t)),
          fc.uint8Array({ maxLength: 200 }),
        ),
        async (body) => {
          const response = await sandbox.handle(
            new Request('http://sandbox.test/api/sandbox/v2/auth/xades-signature', {
              method: 'POST',
              body,
              headers: { 'Content-Type': 'application/xml' },
            }),
          );
          expect(response.status).toBe(400);
        },
      ),
      { numRuns: 200 },
    );
  });
});
