import { domainToUnicode } from 'node:url';
import { parse } from 'tldts';

export type LookalikeKind = 'punycode' | 'homoglyph' | 'sameName' | 'editDistance' | 'containsName';

export interface Lookalike {
  kind: LookalikeKind;
  /** The local domain it passes for. */
  imitates: string;
  /** The sender's domain as people see it (punycode decoded). */
  shownAs: string;
  /** Characters to change (editDistance only). */
  distance?: number;
}

/**
 * Characters that pass for others at a glance: digits and signs for letters, and Cyrillic and
 * Greek letters drawn like Latin ones (after Unicode's confusables, the subset domains use).
 */
const CONFUSABLES: Record<string, string> = {
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  i: 'l',
  '|': 'l',
  а: 'a',
  в: 'b',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'l',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  к: 'k',
  м: 'm',
  т: 't',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ո: 'n',
  ս: 'u',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'l',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ı: 'l',
  ł: 'l',
  ɡ: 'g',
  ɩ: 'l',
};

/** What a name looks like: accents dropped, look-alikes folded, `rn` read as `m`, `vv` as `w`. */
export function skeleton(name: string): string {
  return [...name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()]
    .map((char) => CONFUSABLES[char] ?? char)
    .join('')
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w');
}

/** Optimal string alignment distance: a swap of neighbours counts as one edit, as people misread. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

const normalize = (domain: string) => domain.trim().toLowerCase().replace(/\.$/, '');

/** The registrable name: `contoso` of mail.contoso.co.uk. */
function nameOf(domain: string): string | undefined {
  return parse(domain, { allowPrivateDomains: true }).domainWithoutSuffix ?? undefined;
}

const isWithin = (domain: string, local: string) =>
  domain === local || domain.endsWith(`.${local}`);

/** Below this length one edit turns a name into too many real ones. */
const MIN_NAME_FOR_EDITS = 5;

function compare(domain: string, shownAs: string, local: string): Lookalike | undefined {
  const name = nameOf(domain);
  const localName = nameOf(local);
  if (!name || !localName) return undefined;
  const shownName = domainToUnicode(`${name}.x`).slice(0, -2) || name;
  if (name.startsWith('xn--') && skeleton(shownName) === skeleton(localName)) {
    return { kind: 'punycode', imitates: local, shownAs };
  }
  if (name === localName) return { kind: 'sameName', imitates: local, shownAs };
  if (skeleton(shownName) === skeleton(localName)) {
    return { kind: 'homoglyph', imitates: local, shownAs };
  }
  if (Math.min(name.length, localName.length) >= MIN_NAME_FOR_EDITS) {
    const distance = editDistance(name, localName);
    if (distance <= (localName.length >= 9 ? 2 : 1)) {
      return { kind: 'editDistance', imitates: local, shownAs, distance };
    }
  }
  if (localName.length >= MIN_NAME_FOR_EDITS && shownAs.includes(localName)) {
    return { kind: 'containsName', imitates: local, shownAs };
  }
  return undefined;
}

const STRENGTH: LookalikeKind[] = [
  'punycode',
  'homoglyph',
  'sameName',
  'editDistance',
  'containsName',
];

/**
 * Whether a sending domain passes for one of ours. Our own domains and their subdomains never do,
 * nor Microsoft's routing domains of a tenant (`contoso.onmicrosoft.com`): Exchange sends from them.
 */
export function lookalikeOf(
  senderDomain: string,
  localDomains: readonly string[]
): Lookalike | undefined {
  const domain = normalize(senderDomain);
  const locals = localDomains.map(normalize);
  if (!domain.includes('.') || locals.some((local) => isWithin(domain, local))) return undefined;
  if (isWithin(domain, 'onmicrosoft.com')) return undefined;
  const shownAs = domainToUnicode(domain) || domain;
  const matches = locals
    .map((local) => compare(domain, shownAs, local))
    .filter((match): match is Lookalike => match !== undefined);
  return matches.sort((a, b) => STRENGTH.indexOf(a.kind) - STRENGTH.indexOf(b.kind))[0];
}
