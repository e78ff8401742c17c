import * as asn1js from 'asn1js';
import { AlgorithmIdentifier } from 'pkijs';
import { checkDerDepth } from './bounds';
import { CryptoError } from './errors';

/**
 * Small DER helpers shared by the key, PBES2 and PKCS#12 code. Everything that touches bytes from a
 * user goes through `decodeDer` and `matchSchema`, so every parse failure ends as `corrupt-file`.
 */

/**
 * Parser limits for untrusted input. `parseEmbedded: false`: asn1js would otherwise try to parse every
 * OCTET STRING as nested ASN.1 (costly, and it counts towards the node limit); we decode nested DER
 * ourselves where the RFCs say there is some. `copyInput: false`: no extra copy of secret plaintext.
 */
const PARSE_LIMITS = {
  maxDepth: 64,
  maxNodes: 20_000,
  maxContentLength: 16 * 1024 * 1024,
  parseEmbedded: false,
  copyInput: false,
};

/** A `corrupt-file` error. */
export function corrupt(message: string, cause?: unknown): CryptoError {
  return new CryptoError('corrupt-file', message, cause === undefined ? undefined : { cause });
}

/**
 * Decodes exactly one BER/DER value that fills `bytes` (trailing bytes are an error). The returned
 * tree views `bytes` without copying: do not wipe `bytes` while the tree is in use.
 *
 * @throws CryptoError `corrupt-file` when the bytes are not one complete ASN.1 value;
 *   `der-nesting-too-deep` when they nest deeper than `MAX_DER_DEPTH`.
 */
export function decodeDer(bytes: Uint8Array, what: string): asn1js.AsnType {
  checkDerDepth(bytes, what);
  let parsed: asn1js.FromBerResult;
  try {
    parsed = asn1js.fromBER(bytes, PARSE_LIMITS);
  } catch (cause) {
    // asn1js reports most problems in `offset: -1`, but some malformed inputs throw (e.g. RangeError).
    if (cause instanceof Error) throw corrupt(`${what} is not valid DER`, cause);
    throw cause;
  }
  if (parsed.offset === -1) throw corrupt(`${what} is not valid DER (${parsed.result.error})`);
  if (parsed.offset !== bytes.length)
    throw corrupt(`${what} has ${bytes.length - parsed.offset} unexpected trailing bytes`);
  return parsed.result;
}

/**
 * The bytes of the first BER/DER value at the start of `bytes`; what follows it is not read (OpenSSL's
 * TRUSTED CERTIFICATE is a certificate followed by trust settings).
 *
 * @throws CryptoError `corrupt-file` when no complete value starts the bytes; `der-nesting-too-deep`.
 */
export function firstValue(bytes: Uint8Array, what: string): Uint8Array {
  checkDerDepth(bytes, what);
  let parsed: asn1js.FromBerResult;
  try {
    parsed = asn1js.fromBER(bytes, PARSE_LIMITS);
  } catch (cause) {
    if (cause instanceof Error) throw corrupt(`${what} is not valid DER`, cause);
    throw cause;
  }
  if (parsed.offset === -1) throw corrupt(`${what} is not valid DER (${parsed.result.error})`);
  return bytes.subarray(0, parsed.offset);
}

/** The named components of a node that matched a schema (asn1js attaches them to the root). */
export type SchemaFields = Readonly<Record<string, unknown>>;

/**
 * Checks `node` against an asn1js schema (a pkijs `X.schema({ names })`) and returns the named
 * components. We use pkijs schemas rather than pkijs constructors where the constructor would parse
 * more than we asked for (and fail on input we want to name precisely, such as an unknown curve).
 *
 * @throws CryptoError `corrupt-file` when the node does not have the expected structure.
 */
export function matchSchema(node: asn1js.AsnType, schema: unknown, what: string): SchemaFields {
  // pkijs types its `schema()` results as `any`; every one we pass is an asn1js block.
  if (!(schema instanceof asn1js.BaseBlock)) throw new TypeError(`No ASN.1 schema given for ${what}`);
  const result = asn1js.compareSchema(node, node, schema);
  if (!result.verified) throw corrupt(`${what} does not have the expected structure`);
  return result.result;
}

/**
 * A named component of a schema match, checked to be of the given asn1js type.
 *
 * @throws CryptoError `corrupt-file` when it is absent or of another type.
 */
export function field<T>(
  fields: SchemaFields,
  name: string,
  type: abstract new (...args: never[]) => T,
  what: string,
): T {
  const value = fields[name];
  if (value instanceof type) return value;
  throw corrupt(`${what}: "${name}" is missing or of the wrong type`);
}

/** Like `field`, but `undefined` when the optional component is absent. */
export function optionalField<T>(
  fields: SchemaFields,
  name: string,
  type: abstract new (...args: never[]) => T,
  what: string,
): T | undefined {
  return fields[name] === undefined ? undefined : field(fields, name, type, what);
}

/**
 * The value of an INTEGER as a safe JavaScript number in `[min, max]`. We read `toBigInt()`: asn1js's
 * `valueDec` is 0 for some valid encodings (e.g. `02 04 00 98 96 80`, ten million).
 *
 * @throws CryptoError `corrupt-file` when the value is outside the range.
 */
export function integerInRange(node: asn1js.Integer, min: number, max: number, what: string): number {
  const value = node.toBigInt();
  if (value < BigInt(min) || value > BigInt(max)) throw corrupt(`${what} ${value} is out of range`);
  return Number(value);
}

/** The contents of an OCTET STRING, primitive or (BER) constructed, as a fresh array. */
export function octetStringBytes(node: asn1js.OctetString): Uint8Array<ArrayBuffer> {
  return new Uint8Array(node.getValue());
}

/** The exact bytes a parsed node was decoded from (its tag, length and contents). */
export function encodedBytes(node: asn1js.AsnType): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(node.valueBeforeDecodeView);
}

/** DER of a node we built (asn1js writes definite lengths and minimal integers). */
export function encodeDer(node: { toBER(sizeOnly?: boolean): ArrayBuffer }): Uint8Array<ArrayBuffer> {
  return new Uint8Array(node.toBER(false));
}

/** The elements of a constructed node (SEQUENCE, SET, [n] EXPLICIT); empty for a primitive one. */
export function children(node: asn1js.AsnType): readonly asn1js.AsnType[] {
  const value: unknown = node.valueBlock;
  if (value instanceof Object && 'value' in value && Array.isArray(value.value)) {
    return value.value.filter((item): item is asn1js.AsnType => item instanceof asn1js.BaseBlock);
  }
  return [];
}

/** True when `node` has the given universal tag (e.g. 16 for SEQUENCE). */
export function isUniversal(node: asn1js.AsnType | undefined, tagNumber: number): boolean {
  return node !== undefined && node.idBlock.tagClass === 1 && node.idBlock.tagNumber === tagNumber;
}

/** True when `node` is a context-specific `[tagNumber]`. */
export function isContext(node: asn1js.AsnType | undefined, tagNumber: number): boolean {
  return node !== undefined && node.idBlock.tagClass === 3 && node.idBlock.tagNumber === tagNumber;
}

/**
 * Orders the elements of a SET OF as DER requires (X.690 §11.6): by their encodings, compared as
 * octet strings, the shorter padded with zero octets at the end.
 */
export function sortForDerSet<T>(elements: readonly T[], encode: (element: T) => Uint8Array): T[] {
  const encoded = elements.map((element) => ({ element, der: encode(element) }));
  encoded.sort((a, b) => {
    for (let i = 0; i < Math.max(a.der.length, b.der.length); i++) {
      const diff = (a.der[i] ?? 0) - (b.der[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return 0;
  });
  return encoded.map((item) => item.element);
}

/**
 * The same bytes typed for WebCrypto (`BufferSource` wants an `ArrayBuffer`, not a shared one),
 * without copying in the usual case, so there is no extra copy of secrets to wipe.
 */
export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : Uint8Array.from(bytes);
}

/**
 * A pkijs AlgorithmIdentifier from a parsed node or from DER (one that is already parsed is returned as it is).
 *
 * @throws CryptoError `corrupt-file` when it is not an AlgorithmIdentifier.
 */
export function toAlgorithmIdentifier(
  input: AlgorithmIdentifier | asn1js.AsnType | Uint8Array,
  what: string,
): AlgorithmIdentifier {
  if (input instanceof AlgorithmIdentifier) return input;
  const node = input instanceof Uint8Array ? decodeDer(input, what) : input;
  return parsePkijs(() => new AlgorithmIdentifier({ schema: node }), `${what} is not a valid AlgorithmIdentifier`);
}

/**
 * Runs a pkijs constructor over a parsed node (`new X({ schema })`). pkijs reports a schema mismatch
 * by throwing, which here means the input is malformed.
 *
 * @throws CryptoError `corrupt-file` with `message` (and the pkijs error as `cause`) on a mismatch.
 */
export function parsePkijs<T>(parse: () => T, message: string): T {
  try {
    return parse();
  } catch (cause) {
    if (cause instanceof Error) throw corrupt(message, cause);
    throw cause;
  }
}

/** Like `parsePkijs`, for callers to whom a schema mismatch means "not this": `null` then. */
export function parsePkijsOrNull<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch (cause) {
    if (cause instanceof Error) return null;
    throw cause;
  }
}

/** The bytes of a BIT STRING that holds whole octets (a signature, a public key), or `null` when it has unused bits. */
export function bitStringBytes(bitString: asn1js.BitString): Uint8Array | null {
  return bitString.valueBlock.unusedBits === 0 ? Uint8Array.from(bitString.valueBlock.valueHexView) : null;
}

/**
 * The magnitude of an INTEGER: its content octets without leading zero octets (so without the
 * sign-padding zero), empty for zero; `null` when the INTEGER is negative.
 */
export function unsignedMagnitude(node: asn1js.Integer): Uint8Array | null {
  const bytes = node.valueBlock.valueHexView;
  if (((bytes[0] ?? 0) & 0x80) !== 0) return null;
  let start = 0;
  while (start < bytes.length && bytes[start] === 0) start++;
  return Uint8Array.from(bytes.subarray(start));
}
