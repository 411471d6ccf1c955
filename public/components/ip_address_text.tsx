import { Fragment, type CSSProperties } from 'react';

/**
 * An IP address whole, never cut short: an IPv6 address too long for its column wraps after a
 * `:`, never inside a group of digits; an IPv4 address stays on one line.
 */
export function IpAddressText({ ip }: { ip: string }) {
  const groups = ip.split(/(?<=:)/);
  // The table cell's own wrapping would break anywhere in a word that does not fit.
  const wrapping: CSSProperties =
    groups.length > 1
      ? { whiteSpace: 'normal', overflowWrap: 'normal', wordBreak: 'normal' }
      : { whiteSpace: 'nowrap' };
  return (
    <span style={wrapping} data-test-subj="emtIp">
      {groups.map((group, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {group}
        </Fragment>
      ))}
    </span>
  );
}
