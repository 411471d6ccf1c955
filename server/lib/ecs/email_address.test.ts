import { createDomainMatcher, mailDirection, normalizeDomain } from './direction';
import { domainParts, parseEmailAddress, validIp } from './email_address';

describe('parseEmailAddress', () => {
  it('splits at the last @', () => {
    expect(parseEmailAddress('"a@b"@contoso.com')).toEqual({
      address: '"a@b"@contoso.com',
      name: '"a@b"',
      domain: 'contoso.com',
    });
  });
  it('keeps <> and addresses without @ as addresses only', () => {
    expect(parseEmailAddress('<>')).toEqual({ address: '<>' });
    expect(parseEmailAddress('postmaster')).toEqual({ address: 'postmaster' });
    expect(parseEmailAddress('@contoso.com')).toEqual({
      address: '@contoso.com',
      domain: 'contoso.com',
    });
    expect(parseEmailAddress('  ')).toBeUndefined();
    expect(parseEmailAddress(null)).toBeUndefined();
  });
});

describe('domainParts', () => {
  it.each([
    ['contoso.com', { registered_domain: 'contoso.com', top_level_domain: 'com' }],
    [
      'a.b.Contoso.CO.UK',
      { registered_domain: 'contoso.co.uk', top_level_domain: 'co.uk', subdomain: 'a.b' },
    ],
    ['contoso.local', { registered_domain: 'contoso.local', top_level_domain: 'local' }],
    ['co.uk', { top_level_domain: 'co.uk' }],
    ['localhost', {}],
    ['[10.0.0.1]', {}],
    ['contoso.com.', { registered_domain: 'contoso.com', top_level_domain: 'com' }],
  ])('%s', (domain, parts) => {
    expect(domainParts(domain)).toEqual(parts);
  });
});

describe('validIp', () => {
  it('accepts v4 and v6, rejects empty and garbage', () => {
    expect(validIp('10.0.0.1')).toBe('10.0.0.1');
    expect(validIp(' 2001:db8::1 ')).toBe('2001:db8::1');
    expect(validIp('')).toBeUndefined();
    expect(validIp('10.0.0')).toBeUndefined();
    expect(validIp(null)).toBeUndefined();
  });
});

describe('local domains', () => {
  it('normalizes entries', () => {
    expect(normalizeDomain(' @Contoso.COM. ')).toBe('contoso.com');
    expect(normalizeDomain('*.contoso.com')).toBe('contoso.com');
  });
  it('matches exactly, or with subdomains when asked', () => {
    const exact = createDomainMatcher(['Contoso.com']);
    const deep = createDomainMatcher(['contoso.com'], true);
    expect(exact('CONTOSO.com')).toBe(true);
    expect(exact('mail.contoso.com')).toBe(false);
    expect(deep('a.mail.contoso.com')).toBe(true);
    expect(deep('notcontoso.com')).toBe(false);
    expect(deep('com')).toBe(false);
    expect(deep(undefined)).toBe(false);
    expect(createDomainMatcher([], true)('contoso.com')).toBe(false);
  });
  it('follows the integration direction table', () => {
    expect(mailDirection(true, true)).toBe('internal');
    expect(mailDirection(true, false)).toBe('outbound');
    expect(mailDirection(false, true)).toBe('inbound');
    expect(mailDirection(false, false)).toBe('external');
  });
});
