export type MailDirection = 'inbound' | 'outbound' | 'internal' | 'external';

export type DomainMatcher = (domain: string | undefined) => boolean;

/** Lower-cased, without a leading `@` or `*.` and a trailing dot, so `@Contoso.com.` means contoso.com. */
export function normalizeDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^(@|\*\.)/, '')
    .replace(/\.$/, '');
}

/**
 * Case-insensitive, like the integration since elastic/integrations#19951 (before it, mixed-case
 * addresses made internal mail look external). With `matchSubdomains`, mail.contoso.com counts as
 * contoso.com: the integration's exact match cannot express that without listing every subdomain.
 */
export function createDomainMatcher(
  localDomains: readonly string[],
  matchSubdomains = false
): DomainMatcher {
  const local = new Set(localDomains.map(normalizeDomain).filter((domain) => domain.length > 0));
  return (domain) => {
    if (!domain || local.size === 0) return false;
    let candidate = normalizeDomain(domain);
    if (local.has(candidate)) return true;
    if (!matchSubdomains) return false;
    // Walk up the parents: one set look-up per label instead of one suffix test per local domain.
    for (let dot = candidate.indexOf('.'); dot >= 0; dot = candidate.indexOf('.')) {
      candidate = candidate.slice(dot + 1);
      if (local.has(candidate)) return true;
    }
    return false;
  };
}

/** The integration's table: both local → internal, neither → external, sender only → outbound. */
export function mailDirection(
  sourceInternal: boolean,
  destinationInternal: boolean
): MailDirection {
  if (sourceInternal && destinationInternal) return 'internal';
  if (sourceInternal) return 'outbound';
  if (destinationInternal) return 'inbound';
  return 'external';
}
