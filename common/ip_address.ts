const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEXTET = /^[0-9a-f]{1,4}$/i;

/** Whether a string is an IPv4 or IPv6 address; written for the browser, where node:net is absent. */
export function isIpAddress(value: string): boolean {
  if (IPV4.test(value)) return true;
  if (!value.includes(':')) return false;
  // An embedded IPv4 tail (::ffff:192.0.2.1) stands for two hextets.
  const lastColon = value.lastIndexOf(':');
  const tail = value.slice(lastColon + 1);
  const embedsIpv4 = tail.includes('.');
  if (embedsIpv4 && !IPV4.test(tail)) return false;
  const head = embedsIpv4 ? `${value.slice(0, lastColon + 1)}0:0` : value;
  const halves = head.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  if (groups.some((group) => group.some((hextet) => !HEXTET.test(hextet)))) return false;
  const count = groups.reduce((sum, group) => sum + group.length, 0);
  return halves.length === 2 ? count < 8 : count === 8;
}
