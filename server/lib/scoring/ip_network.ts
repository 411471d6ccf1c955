import { isIPv4, isIPv6 } from 'node:net';

/** Prefix lengths of "a network" for the views: an IPv4 /24, an IPv6 /48 (one site). */
const IPV4_NETWORK_BITS = 24;
const IPV6_NETWORK_BITS = 48;

/** The eight hextets of an IPv6 address, `::` and an embedded IPv4 tail expanded. */
function hextets(ip: string): number[] {
  let text = ip.toLowerCase();
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const [a, b, c, d] = tail.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const zeros = rest === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((part) => parseInt(part, 16));
}

/**
 * The address block a network (networkOf's CIDR) was handed out from: an IPv4 /16, the /48 itself
 * for IPv6. A mail provider's pool spans neighbouring /24s; moving to another block is moving to
 * another provider.
 */
export function blockOf(network: string): string {
  if (network.includes(':')) return network;
  const [a, b] = network.split('.');
  return `${a}.${b}.0.0/16`;
}

/** The network an address belongs to, as CIDR (`192.0.2.0/24`, `2603:10a6:20b::/48`). */
export function networkOf(ip: string): string | undefined {
  if (isIPv4(ip)) {
    const [a, b, c] = ip.split('.');
    return `${a}.${b}.${c}.0/${IPV4_NETWORK_BITS}`;
  }
  if (isIPv6(ip)) {
    const kept = hextets(ip).slice(0, IPV6_NETWORK_BITS / 16);
    return `${kept.map((part) => part.toString(16)).join(':')}::/${IPV6_NETWORK_BITS}`;
  }
  return undefined;
}
