import type { AllowedIps } from '../core/state.ts';

/**
 * True when `ip` (dotted IPv4) is allowed by an `AuthorizationPolicy/AllowedIps` (docs/ksef-contract.md §4.3): equal
 * to an Ip4Address, inside an Ip4Range (inclusive) or inside an Ip4Mask. No policy allows everything;
 * a policy with no entries, or an address that is not IPv4, allows nothing.
 */
export function ipAllowed(ip: string, policy: AllowedIps | null): boolean {
  if (policy === null) return true;
  const value = ipv4(ip);
  if (value === null) return false;
  if (policy.addresses.some((a) => ipv4(a) === value)) return true;
  const inRange = policy.ranges.some((range) => {
    const [from, to] = range.split('-').map(ipv4);
    return from !== null && from !== undefined && to !== null && to !== undefined && value >= from && value <= to;
  });
  if (inRange) return true;
  return policy.masks.some((mask) => {
    const [network, bits] = mask.split('/');
    const base = ipv4(network ?? '');
    const prefix = Number(bits);
    if (base === null || !Number.isInteger(prefix)) return false;
    const size = 2 ** (32 - prefix);
    return Math.floor(value / size) === Math.floor(base / size);
  });
}

/** Dotted IPv4 as an unsigned 32-bit number, or `null`. */
function ipv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}
