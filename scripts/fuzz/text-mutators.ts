import type { Random } from './random';

/**
 * Mutations of the text around DER: PEM armour (RFC 7468 labels, RFC 1421 headers, base64) and the
 * XML of a signed sign-in file. Both work on strings and hand DER changes to a callback.
 */

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const LABELS = [
  'PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
  'EC PRIVATE KEY',
  'RSA PRIVATE KEY',
  'EC PARAMETERS',
  'CERTIFICATE',
  'TRUSTED CERTIFICATE',
  'CERTIFICATE REQUEST',
  'PKCS7',
  'PKCS12',
  'PUBLIC KEY',
  'OPENSSH PRIVATE KEY',
  'DSA PRIVATE KEY',
  'X',
];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function isPem(bytes: Uint8Array): boolean {
  return decoder.decode(bytes.subarray(0, 4096)).includes('-----BEGIN ');
}

export function armour(label: string, der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${(base64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;
}

/** The DER of every PEM block in `text`, with its label. */
export function pemBlocks(text: string): { label: string; der: Uint8Array }[] {
  return [...text.matchAll(PEM_BLOCK)].map((match) => ({
    label: match[1] ?? '',
    der: Uint8Array.from(Buffer.from(withoutHeaders(match[2] ?? ''), 'base64')),
  }));
}

/** The base64 of a PEM body without its RFC 1421 header lines. */
function withoutHeaders(body: string): string {
  return body
    .split(/\r?\n/)
    .filter((line) => !line.includes(':'))
    .join('');
}

/** One PEM block's DER changed by `change` and armoured again; the other blocks and text kept. */
export function mutatePemBlock(
  bytes: Uint8Array,
  random: Random,
  change: (der: Uint8Array) => Uint8Array | null,
): Uint8Array | null {
  const text = decoder.decode(bytes);
  const matches = [...text.matchAll(PEM_BLOCK)];
  if (matches.length === 0) return null;
  const match = random.pick(matches);
  const [block] = pemBlocks(match[0]);
  const der = block === undefined ? null : change(block.der);
  if (der === null || block === undefined) return null;
  const start = match.index;
  return encoder.encode(text.slice(0, start) + armour(block.label, der) + text.slice(start + match[0].length));
}

/** Armour damage: labels, missing or repeated lines, headers, bad base64, line endings, extra blocks. */
export function mutateArmour(bytes: Uint8Array, random: Random, extraBlock: string): Uint8Array {
  let text = decoder.decode(bytes);
  const label = random.pick(LABELS);
  switch (random.int(9)) {
    case 0:
      text = text.replace(/(BEGIN|END) [A-Z0-9 ]+-----/, `$1 ${label}-----`);
      break;
    case 1:
      text = text.replace(/-----END [A-Z0-9 ]+-----/, '');
      break;
    case 2:
      text = text.replace(/(-----BEGIN [A-Z0-9 ]+-----\r?\n)/, '$1$1');
      break;
    case 3:
      text = text.replace(
        /(-----BEGIN [A-Z0-9 ]+-----\r?\n)/,
        `$1Proc-Type: 4,ENCRYPTED\nDEK-Info: ${random.pick(['AES-256-CBC,00', 'DES-EDE3-CBC,0011223344556677', 'X'])}\n\n`,
      );
      break;
    case 4: {
      const at = random.int(text.length);
      text = text.slice(0, at) + random.pick(['=', '!', '-', '====', '\u00e9', '\0', ' ', '-----']) + text.slice(at);
      break;
    }
    case 5:
      text = random.chance(0.5) ? text.replace(/\n/g, '\r\n') : text.replace(/\n(?!-----)/g, '');
      break;
    case 6:
      text = random.chance(0.5) ? extraBlock + text : text + extraBlock;
      break;
    case 7:
      text = `\ufeff${text}`;
      break;
    default:
      text = text.replace(
        /-----BEGIN ([A-Z0-9 ]+)-----\r?\n[\s\S]*?(-----END \1-----)/,
        `-----BEGIN $1-----\n${'A'.repeat(random.int(5) * 4 + random.int(4))}\n$2`,
      );
  }
  return encoder.encode(text);
}

/** XML damage: deep nesting, a DOCTYPE, a changed certificate or value, duplicated signatures. */
export function mutateXml(
  bytes: Uint8Array,
  random: Random,
  changeDer: (der: Uint8Array) => Uint8Array | null,
): Uint8Array {
  let text = decoder.decode(bytes);
  switch (random.int(6)) {
    case 0: {
      const depth = random.pick([100, 1000, 100_000]);
      text = text.replace(/(<[A-Za-z][^>]*>)/, `$1${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`);
      break;
    }
    case 1:
      text = text.replace(/<\?xml[^>]*\?>/, (decl) => `${decl}<!DOCTYPE x [<!ENTITY e "e">]>`);
      break;
    case 2:
      text = text.replace(/(<ds:X509Certificate>)([^<]*)(<)/, (_, open: string, base64: string, close: string) => {
        const der = changeDer(Uint8Array.from(Buffer.from(base64, 'base64')));
        return open + Buffer.from(der ?? new Uint8Array()).toString('base64') + close;
      });
      break;
    case 3:
      text = text.replace(
        /(<ds:(SignatureValue|DigestValue)[^>]*>)([^<]*)/,
        (_, open: string) => open + Buffer.from(random.bytes(random.int(600))).toString('base64'),
      );
      break;
    case 4:
      text = text.replace(/(<ds:Signature[\s\S]*<\/ds:Signature>)/, '$1$1');
      break;
    default: {
      const at = random.int(text.length);
      text =
        text.slice(0, at) +
        random.pick(['<', '>', '&', '&amp;', '"', '<x:y xmlns:x="z"/>', '\u0000']) +
        text.slice(at + 1);
    }
  }
  return encoder.encode(text);
}
