import { isIPv4, isIPv6 } from 'node:net';

/** Why an address must not be fetched from; null for an ordinary public address. */
export type AddressClass =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'cgnat'
  | 'link-local'
  | 'metadata'
  | 'unique-local'
  | 'multicast'
  | 'reserved'
  | 'documentation';

type Range = readonly [base: bigint, prefix: number, kind: AddressClass];

const V4: readonly Range[] = [
  v4('169.254.169.254', 32, 'metadata'),
  v4('100.100.100.200', 32, 'metadata'),
  v4('0.0.0.0', 8, 'unspecified'),
  v4('10.0.0.0', 8, 'private'),
  v4('100.64.0.0', 10, 'cgnat'),
  v4('127.0.0.0', 8, 'loopback'),
  v4('169.254.0.0', 16, 'link-local'),
  v4('172.16.0.0', 12, 'private'),
  v4('192.0.0.0', 24, 'reserved'),
  v4('192.0.2.0', 24, 'documentation'),
  v4('192.168.0.0', 16, 'private'),
  v4('198.18.0.0', 15, 'reserved'),
  v4('198.51.100.0', 24, 'documentation'),
  v4('203.0.113.0', 24, 'documentation'),
  v4('224.0.0.0', 4, 'multicast'),
  v4('240.0.0.0', 4, 'reserved'),
];

const V6: readonly Range[] = [
  v6('::', 128, 'unspecified'),
  v6('::1', 128, 'loopback'),
  v6('fd00:ec2::254', 128, 'metadata'),
  v6('fc00::', 7, 'unique-local'),
  v6('fe80::', 10, 'link-local'),
  v6('fec0::', 10, 'reserved'),
  v6('ff00::', 8, 'multicast'),
  v6('2001:db8::', 32, 'documentation'),
  v6('100::', 64, 'reserved'),
];

/** IPv6 prefixes that carry an IPv4 address: the embedded address decides. */
const EMBEDS_V4: readonly (readonly [bigint, number, (ip: bigint) => bigint])[] = [
  [parse6('::ffff:0:0'), 96, (ip) => ip & 0xffffffffn], // IPv4-mapped
  [parse6('::'), 96, (ip) => ip & 0xffffffffn], // IPv4-compatible (deprecated)
  [parse6('64:ff9b::'), 96, (ip) => ip & 0xffffffffn], // NAT64
  [parse6('2002::'), 16, (ip) => (ip >> 80n) & 0xffffffffn], // 6to4
];

export function classifyAddress(address: string): AddressClass | null {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(ip)) return match(parse4(ip), 32, V4);
  if (!isIPv6(ip)) return 'reserved';
  const value = parse6(ip);
  const direct = match(value, 128, V6);
  if (direct) return direct;
  for (const [base, prefix, extract] of EMBEDS_V4) {
    if (inRange(value, 128, base, prefix) && value !== 0n) return match(extract(value), 32, V4);
  }
  return null;
}

function match(value: bigint, bits: number, ranges: readonly Range[]): AddressClass | null {
  return ranges.find(([base, prefix]) => inRange(value, bits, base, prefix))?.[2] ?? null;
}

function inRange(value: bigint, bits: number, base: bigint, prefix: number): boolean {
  const shift = BigInt(bits - prefix);
  return value >> shift === base >> shift;
}

function v4(ip: string, prefix: number, kind: AddressClass): Range {
  return [parse4(ip), prefix, kind];
}

function v6(ip: string, prefix: number, kind: AddressClass): Range {
  return [parse6(ip), prefix, kind];
}

function parse4(ip: string): bigint {
  return ip.split('.').reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n);
}

/** IPv6 text (with "::" and an optional dotted IPv4 tail) to a 128-bit integer. */
function parse6(ip: string): bigint {
  let text = ip.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const v = parse4(dotted);
    text = `${text.slice(0, -dotted.length)}${(v >> 16n).toString(16)}:${(v & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group || '0', 16)), 0n);
}
