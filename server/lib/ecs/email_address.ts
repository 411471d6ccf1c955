import { isIP } from 'node:net';
import { parse } from 'tldts';

/** SMTP's null reverse-path: bounces and auto-replies. Kept as the sender, but it names no user or domain. */
export const NULL_SENDER = '<>';

export interface EmailAddressParts {
  address: string;
  /** Local part; absent when the address has no `@` or nothing before it. */
  name?: string;
  /** Everything after the `@`, as written (the integration copies it unchanged). */
  domain?: string;
}

/**
 * Splits at the LAST `@`: a domain can never contain one, a quoted local part can. The
 * integration's grok/dissect split at the first, which differs only for such quoted local parts.
 */
export function parseEmailAddress(raw: string | null | undefined): EmailAddressParts | undefined {
  const address = raw?.trim();
  if (!address) return undefined;
  if (address === NULL_SENDER) return { address };
  const at = address.lastIndexOf('@');
  if (at < 0) return { address };
  const name = address.slice(0, at);
  const domain = address.slice(at + 1);
  return { address, ...(name ? { name } : {}), ...(domain ? { domain } : {}) };
}

export interface DomainParts {
  registered_domain?: string;
  top_level_domain?: string;
  subdomain?: string;
}

/**
 * What Elasticsearch's `registered_domain` processor derives, from the bundled public suffix list.
 * Private suffixes count, as in that processor (it asks the list for any rule type). Unknown TLDs
 * fall back to the last label, as in that processor.
 */
export function domainParts(domain: string): DomainParts {
  // Lower-cased: the public suffix list is, and so are registered_domain and top_level_domain from
  // Elasticsearch's processor (its subdomain kept the input's case; ours is lower-cased too).
  const hostname = domain
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (!hostname || isIP(hostname)) return {};
  const parsed = parse(hostname, { allowPrivateDomains: true, extractHostname: false });
  if (parsed.isIp) return {};
  if (!parsed.domain) {
    // The whole name is a public suffix ("co.uk"): the processor sets only the TLD.
    return parsed.publicSuffix && parsed.hostname === parsed.publicSuffix && hostname.includes('.')
      ? { top_level_domain: parsed.publicSuffix }
      : {};
  }
  return {
    registered_domain: parsed.domain,
    ...(parsed.publicSuffix ? { top_level_domain: parsed.publicSuffix } : {}),
    ...(parsed.subdomain ? { subdomain: parsed.subdomain } : {}),
  };
}

/** A usable `ip` value, or undefined: Graph sends `""` for unknown, and a bad value would reject the document. */
export function validIp(raw: string | null | undefined): string | undefined {
  const ip = raw?.trim();
  return ip && isIP(ip) !== 0 ? ip : undefined;
}
