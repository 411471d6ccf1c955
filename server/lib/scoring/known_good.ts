/** How a known-good entry is stored and compared: trimmed, lower-cased. */
export const normalizeSender = (sender: string) => sender.trim().toLowerCase();

/**
 * Whether a sender (an address, or a domain when grouped by domain) is known-good: an address entry
 * matches that address; a domain entry matches the domain, its subdomains and every address in them.
 */
export function isKnownGood(sender: string, knownGood: ReadonlySet<string>): boolean {
  const value = normalizeSender(sender);
  if (knownGood.has(value)) return true;
  let domain = value.slice(value.lastIndexOf('@') + 1);
  for (;;) {
    if (knownGood.has(domain)) return true;
    const dot = domain.indexOf('.');
    if (dot < 0 || domain.indexOf('.', dot + 1) < 0) return false;
    domain = domain.slice(dot + 1);
  }
}
