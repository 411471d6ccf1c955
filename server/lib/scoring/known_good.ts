/** How a known-good entry is stored and compared: trimmed, lower-cased. */
export const normalizeSender = (sender: string) => sender.trim().toLowerCase();

/**
 * The known-good entry that covers a sender (an address, or a domain when grouped by domain), if
 * any: an address entry covers that address; a domain entry covers the domain, its subdomains and
 * every address in them.
 */
export function knownGoodEntryOf(
  sender: string,
  knownGood: { has(entry: string): boolean }
): string | undefined {
  const value = normalizeSender(sender);
  if (knownGood.has(value)) return value;
  let domain = value.slice(value.lastIndexOf('@') + 1);
  for (;;) {
    if (knownGood.has(domain)) return domain;
    const dot = domain.indexOf('.');
    if (dot < 0 || domain.indexOf('.', dot + 1) < 0) return undefined;
    domain = domain.slice(dot + 1);
  }
}
