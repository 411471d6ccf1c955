import { domainToASCII } from 'node:url';
import { editDistance, lookalikeOf, skeleton } from './lookalike';

const LOCAL = ['contoso.com', 'contoso.co.uk'];

describe('lookalikeOf', () => {
  it('finds a punycode homoglyph (Cyrillic о) and shows it decoded', () => {
    const ascii = domainToASCII('c\u043entoso.com');
    expect(ascii.startsWith('xn--')).toBe(true);
    expect(lookalikeOf(ascii, LOCAL)).toEqual({
      kind: 'punycode',
      imitates: 'contoso.com',
      shownAs: 'c\u043entoso.com',
    });
  });

  it('finds digits for letters and rn for m', () => {
    expect(lookalikeOf('c0ntoso.com', LOCAL)).toMatchObject({
      kind: 'homoglyph',
      imitates: 'contoso.com',
    });
    expect(lookalikeOf('fabrlkam.com', ['fabrikam.com'])).toMatchObject({ kind: 'homoglyph' });
    expect(lookalikeOf('rnicrosoft.com', ['microsoft.com'])).toMatchObject({ kind: 'homoglyph' });
  });

  it('finds our name under another suffix, one edit away, and inside a longer name', () => {
    expect(lookalikeOf('contoso.net', LOCAL)).toMatchObject({ kind: 'sameName' });
    expect(lookalikeOf('contosso.com', LOCAL)).toMatchObject({ kind: 'editDistance', distance: 1 });
    expect(lookalikeOf('cotnoso.com', LOCAL)).toMatchObject({ kind: 'editDistance', distance: 1 });
    expect(lookalikeOf('contoso-billing.com', LOCAL)).toMatchObject({ kind: 'containsName' });
    expect(lookalikeOf('contoso.com.evil.example', LOCAL)).toMatchObject({ kind: 'containsName' });
  });

  it('leaves our own domains, their subdomains, the tenant routing domain and strangers alone', () => {
    for (const domain of [
      'contoso.com',
      'CONTOSO.co.uk.',
      'mail.contoso.com',
      'contoso.onmicrosoft.com',
      'fabrikam.com',
      'email.northwindtraders.com',
      'gmail.com',
      'updates.adatum.com',
      'bestdeals-promo.biz',
    ]) {
      expect(lookalikeOf(domain, LOCAL)).toBeUndefined();
    }
    // Short names: one edit is too common to mean anything.
    expect(lookalikeOf('abce.com', ['abcd.com'])).toBeUndefined();
  });
});

describe('skeleton and editDistance', () => {
  it('fold look-alikes and count a swap as one edit', () => {
    expect(skeleton('Pаypa1')).toBe(skeleton('paypal'));
    expect(skeleton('café')).toBe('cafe');
    expect(editDistance('contoso', 'contoso')).toBe(0);
    expect(editDistance('contoso', 'cotnoso')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
