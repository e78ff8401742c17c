import * as asn1js from 'asn1js';

/**
 * The shape of a DER value as one line per node: depth, tag, length, and the value for OIDs and
 * INTEGERs (not for OCTET/BIT STRINGs, whose bytes are random). Two files of the same format and key
 * type have the same shape. Written with asn1js only, so it also runs in the browser.
 */
export function asn1Shape(der: Uint8Array): string[] {
  const parsed = asn1js.fromBER(der, { parseEmbedded: false });
  if (parsed.offset !== der.length) throw new Error('not one DER value');
  const lines: string[] = [];
  const walk = (node: asn1js.AsnType, depth: number): void => {
    const { tagClass, tagNumber, isConstructed } = node.idBlock;
    const length = node.lenBlock.isIndefiniteForm ? 'indefinite' : String(node.lenBlock.length);
    let value = '';
    if (node instanceof asn1js.ObjectIdentifier) value = node.getValue();
    else if (node instanceof asn1js.Integer) value = node.toBigInt().toString();
    else if (node instanceof asn1js.Null) value = 'NULL';
    lines.push(`${depth} ${tagClass}:${tagNumber}${isConstructed ? ' cons' : ''} l=${length} ${value}`.trim());
    const content: unknown = node.valueBlock;
    if (isConstructed && content instanceof Object && 'value' in content && Array.isArray(content.value)) {
      for (const child of content.value) if (child instanceof asn1js.BaseBlock) walk(child, depth + 1);
    }
  };
  walk(parsed.result, 0);
  return lines;
}
