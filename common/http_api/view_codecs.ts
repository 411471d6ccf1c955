import * as t from 'io-ts';
import { domainCodec, refined } from '../connection';
import { isIpAddress } from '../ip_address';
import { DAY_MS } from '../time';

/** Building blocks of the views' request codecs; each failure names what a value must be. */

/** The longest range a view reads: Microsoft keeps 90 days, a backfill can hold a little more. */
export const MAX_RANGE_DAYS = 400;

export const isoDate = refined(
  t.string,
  'ISODate',
  (s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)),
  'must be a date like 2026-11-20T00:00:00Z'
);

export const text = (max: number) =>
  refined(
    t.string,
    'Text',
    (s) => s.trim().length > 0 && s.length <= max,
    `must be 1 to ${max} characters`
  );

export const wholeNumber = (min: number, max: number) =>
  refined(
    t.number,
    'Integer',
    (n) => Number.isInteger(n) && n >= min && n <= max,
    `must be a whole number from ${min} to ${max}`
  );

/** An IPv4/IPv6 address or a CIDR network (`203.0.113.0/24`). */
export const ipOrNetworkCodec = refined(
  t.string,
  'IpOrNetwork',
  (s) => {
    const [address, bits, ...rest] = s.trim().split('/');
    if (rest.length > 0 || !address || !isIpAddress(address)) return false;
    if (bits === undefined) return true;
    const max = address.includes(':') ? 128 : 32;
    return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
  },
  'must be an IP address or a network like 203.0.113.0/24'
);

/** A codec of an object with `start` and `end` that also checks they make a range. */
export function withValidRange<C extends t.Mixed>(codec: C) {
  return new t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown>(
    codec.name,
    codec.is,
    (u, c) => {
      // The context names the wrapped codec, so its intersection's member indexes are not read
      // as field names ("1.ip") by formatCodecErrors.
      const inner = c.length > 0 ? [...c.slice(0, -1), { ...c[c.length - 1]!, type: codec }] : c;
      const decoded = codec.validate(u, inner);
      if (decoded._tag === 'Left') return decoded;
      const { start, end } = decoded.right as { start: string; end: string };
      const span = Date.parse(end) - Date.parse(start);
      if (span <= 0)
        return t.failure(end, [...c, { key: 'end', type: isoDate }], 'must be after start');
      if (span > MAX_RANGE_DAYS * DAY_MS) {
        return t.failure(
          end,
          [...c, { key: 'end', type: isoDate }],
          `must be within ${MAX_RANGE_DAYS} days of start`
        );
      }
      return decoded;
    },
    codec.encode
  );
}

/** An address (`a@b.com`) or a whole domain (`b.com`); stored lower-cased. */
export const knownSenderCodec = refined(
  t.string,
  'Sender',
  (s) => {
    const value = s.trim();
    const at = value.lastIndexOf('@');
    return (
      value.length <= 320 &&
      (at < 0 ? domainCodec.is(value) : at > 0 && domainCodec.is(value.slice(at + 1)))
    );
  },
  'must be an address like a@example.com or a domain like example.com'
);
