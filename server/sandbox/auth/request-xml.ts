import { AUTH_TOKEN_NAMESPACE_2_0, AUTH_TOKEN_NAMESPACE_2_1 } from '../../../src/crypto/auth-token-request.ts';
import { XMLDSIG_NAMESPACE, isElement } from '../../../src/crypto/xml-platform.ts';
import { type SandboxError, badRequest } from '../core/errors.ts';
import type { AllowedIps, ContextIdentifier, ContextIdentifierType } from '../core/state.ts';

export type SubjectIdentifierType = 'certificateSubject' | 'certificateFingerprint';

/** What an `AuthTokenRequest` says, after the schema checks. */
export interface AuthTokenRequestData {
  readonly namespace: string;
  readonly challenge: string;
  readonly contextIdentifier: ContextIdentifier;
  readonly subjectIdentifierType: SubjectIdentifierType;
  readonly allowedIps: AllowedIps | null;
}

const NIP = '[1-9](?:\\d[1-9]|[1-9]\\d)\\d{7}';
const EU_VAT =
  '(?:ATU\\d{8}|BE[01]\\d{9}|BG\\d{9,10}|CY\\d{8}[A-Z]|CZ\\d{8,10}|DE\\d{9}|DK\\d{8}|EE\\d{9}|EL\\d{9}|ES(?:[A-Z]\\d{8}|\\d{8}[A-Z]|[A-Z]\\d{7}[A-Z])|FI\\d{8}|FR[A-Z0-9]{2}\\d{9}|HR\\d{11}|HU\\d{8}|IE(?:\\d{7}[A-Z]{2}|\\d[A-Z0-9+*]\\d{5}[A-Z])|IT\\d{11}|LT(?:\\d{9}|\\d{12})|LU\\d{8}|LV\\d{11}|MT\\d{8}|NL[A-Z0-9+*]{12}|PT\\d{9}|RO\\d{2,10}|SE\\d{12}|SI\\d{8}|SK\\d{10}|XI(?:\\d{9}|\\d{12}|(?:GD|HA)\\d{3}))';
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const IPV4 = `(?:${OCTET}\\.){3}${OCTET}`;

/**
 * The XSD patterns (implicitly anchored in XSD). `TNipVatUE` ends in `$` and `TPeppolId` is wrapped in
 * `^...$`, which XSD reads as literal characters; we apply what the authors meant (anchors).
 */
const CONTEXT_PATTERNS: Readonly<Record<ContextIdentifierType, RegExp>> = {
  Nip: new RegExp(`^${NIP}$`),
  InternalId: new RegExp(`^${NIP}-\\d{5}$`),
  NipVatUe: new RegExp(`^${NIP}-${EU_VAT}$`),
  PeppolId: /^P[A-Z]{2}[0-9]{6}$/,
};
const CHALLENGE = /^\d{8}-CR-[A-F0-9]{10}-[A-F0-9]{10}-[A-F0-9]{2}$/;
/** `AllowedIps` children, in schema order, each 0..10 times. */
const IP_ELEMENTS = [
  { name: 'Ip4Address', pattern: new RegExp(`^${IPV4}$`) },
  { name: 'Ip4Range', pattern: new RegExp(`^${IPV4}-${IPV4}$`) },
  { name: 'Ip4Mask', pattern: new RegExp(`^${IPV4}/(?:0|[1-9]|[12][0-9]|3[0-2])$`) },
] as const;

const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/**
 * Checks a parsed `AuthTokenRequest` against `schemat_auth_v2-0.xsd` / `schemat_auth_v2-1.xsd` as far
 * as the schema goes: root in one of the two namespaces; `Challenge`, `ContextIdentifier` (exactly one
 * of Nip, InternalId, NipVatUe, PeppolId), `SubjectIdentifierType`, optional `AuthorizationPolicy`, in
 * that order, each value against its XSD type (`xsd:token` values whitespace-collapsed first, as the
 * schema type says); no other elements, attributes or text. `ds:Signature` elements after the sequence
 * are left to the signature checks (KSeF accepts the appended signature the XSD does not declare).
 *
 * @throws SandboxError 400 21401 with a validator-style message in the details.
 */
export function readAuthTokenRequest(document: Document): AuthTokenRequestData {
  const root = document.documentElement;
  const namespace = root.namespaceURI ?? '';
  if (
    root.localName !== 'AuthTokenRequest' ||
    (namespace !== AUTH_TOKEN_NAMESPACE_2_0 && namespace !== AUTH_TOKEN_NAMESPACE_2_1)
  ) {
    throw schemaError(
      `The root element must be AuthTokenRequest in ${AUTH_TOKEN_NAMESPACE_2_1} or ${AUTH_TOKEN_NAMESPACE_2_0}, not '${root.localName}' in '${namespace}'.`,
    );
  }
  const children = elementChildren(root, namespace, true);
  let index = 0;
  const optional = (name: string): Element | null => {
    const child = children[index];
    if (child === undefined || child.localName !== name) return null;
    index++;
    return child;
  };
  const required = (name: string): Element => {
    const found = optional(name);
    if (found !== null) return found;
    const child = children[index];
    throw schemaError(
      child === undefined
        ? `The element 'AuthTokenRequest' has incomplete content. Expected: '${name}'.`
        : unexpected(child, `'${name}'`),
    );
  };

  const challenge = tokenValue(required('Challenge'));
  if (challenge.length !== 36 || !CHALLENGE.test(challenge)) throw invalidValue('Challenge', challenge);
  const contextIdentifier = readContextIdentifier(required('ContextIdentifier'), namespace);
  const subjectType = tokenValue(required('SubjectIdentifierType'));
  if (subjectType !== 'certificateSubject' && subjectType !== 'certificateFingerprint')
    throw invalidValue('SubjectIdentifierType', subjectType);
  const policy = optional('AuthorizationPolicy');
  const allowedIps = policy === null ? null : readAuthorizationPolicy(policy, namespace);
  const extra = children[index];
  if (extra !== undefined) throw schemaError(unexpected(extra, 'no more elements'));
  return { namespace, challenge, contextIdentifier, subjectIdentifierType: subjectType, allowedIps };
}

function readContextIdentifier(element: Element, namespace: string): ContextIdentifier {
  const [choice, ...rest] = elementChildren(element, namespace);
  if (choice === undefined)
    throw schemaError(
      "The element 'ContextIdentifier' has incomplete content. Expected: 'Nip', 'InternalId', 'NipVatUe', 'PeppolId'.",
    );
  if (rest[0] !== undefined) throw schemaError(unexpected(rest[0], 'no more elements'));
  const type = choice.localName;
  if (!isContextType(type)) throw schemaError(unexpected(choice, "'Nip', 'InternalId', 'NipVatUe', 'PeppolId'"));
  // xsd:string, not xsd:token: surrounding whitespace is part of the value and fails the pattern.
  const value = textValue(choice);
  if (!CONTEXT_PATTERNS[type].test(value)) throw invalidValue(type, value);
  return { type, value };
}

function readAuthorizationPolicy(element: Element, namespace: string): AllowedIps {
  const [allowed, ...rest] = elementChildren(element, namespace);
  if (allowed === undefined || allowed.localName !== 'AllowedIps') {
    throw schemaError(
      allowed === undefined
        ? "The element 'AuthorizationPolicy' has incomplete content. Expected: 'AllowedIps'."
        : unexpected(allowed, "'AllowedIps'"),
    );
  }
  if (rest[0] !== undefined) throw schemaError(unexpected(rest[0], 'no more elements'));
  const groups: [string[], string[], string[]] = [[], [], []];
  let position = 0;
  for (const child of elementChildren(allowed, namespace)) {
    const at = IP_ELEMENTS.findIndex((e) => e.name === child.localName);
    const kind = IP_ELEMENTS[at];
    const group = groups[at];
    if (kind === undefined || group === undefined || at < position) {
      throw schemaError(
        unexpected(
          child,
          IP_ELEMENTS.slice(position)
            .map((e) => `'${e.name}'`)
            .join(', '),
        ),
      );
    }
    position = at;
    const value = tokenValue(child);
    if (!kind.pattern.test(value)) throw invalidValue(kind.name, value);
    if (group.push(value) > 10) throw schemaError(`The element '${kind.name}' occurs more than 10 times.`);
  }
  return { addresses: groups[0], ranges: groups[1], masks: groups[2] };
}

function isContextType(name: string): name is ContextIdentifierType {
  return Object.hasOwn(CONTEXT_PATTERNS, name);
}

/**
 * The element children of `parent`, which must all be in `namespace` (elementFormDefault qualified);
 * text other than whitespace, and attributes other than namespace declarations, are schema errors.
 * With `allowSignature`, trailing `ds:Signature` elements are skipped.
 */
function elementChildren(parent: Element, namespace: string, allowSignature = false): Element[] {
  rejectAttributes(parent);
  const found: Element[] = [];
  let signatureSeen = false;
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (isElement(node)) {
      if (allowSignature && node.namespaceURI === XMLDSIG_NAMESPACE && node.localName === 'Signature') {
        signatureSeen = true;
        continue;
      }
      if (signatureSeen) throw schemaError(unexpected(node, 'no elements after the signature'));
      if (node.namespaceURI !== namespace) throw schemaError(unexpected(node, `an element in ${namespace}`));
      found.push(node);
    } else if ((node.nodeType === 3 || node.nodeType === 4) && (node.nodeValue ?? '').trim() !== '') {
      throw schemaError(`The element '${parent.localName}' cannot contain text.`);
    }
  }
  return found;
}

function rejectAttributes(element: Element): void {
  for (const attribute of Array.from(element.attributes)) {
    if (attribute.namespaceURI !== XMLNS_NAMESPACE) {
      throw schemaError(`The '${attribute.name}' attribute is not declared on '${element.localName}'.`);
    }
  }
}

/** The text of a simple-typed element: text and CDATA only. */
function textValue(element: Element): string {
  rejectAttributes(element);
  let text = '';
  for (let node = element.firstChild; node !== null; node = node.nextSibling) {
    if (isElement(node))
      throw schemaError(`The element '${element.localName}' cannot contain child element '${node.localName}'.`);
    if (node.nodeType === 3 || node.nodeType === 4) text += node.nodeValue ?? '';
  }
  return text;
}

/** `xsd:token` whitespace facet: collapse (XSD Part 2 §4.3.6). */
function tokenValue(element: Element): string {
  return textValue(element)
    .replace(/[\t\n\r ]+/g, ' ')
    .trim();
}

function unexpected(element: Element, expected: string): string {
  return `The element '${element.localName}' in namespace '${element.namespaceURI ?? ''}' is unexpected. Expected: ${expected}.`;
}

function invalidValue(name: string, value: string): SandboxError {
  return schemaError(`The '${name}' element is invalid - the value '${value}' is invalid according to its datatype.`);
}

function schemaError(detail: string): SandboxError {
  return badRequest(21401, detail);
}
