import { isKnownGood } from './known_good';

describe('isKnownGood', () => {
  const known = new Set(['news@email.northwindtraders.com', 'adatum.com']);

  it('matches an address entry exactly, case-insensitively', () => {
    expect(isKnownGood('News@Email.Northwindtraders.com', known)).toBe(true);
    expect(isKnownGood('sales@email.northwindtraders.com', known)).toBe(false);
    expect(isKnownGood('email.northwindtraders.com', known)).toBe(false);
  });

  it('matches a domain entry for the domain, its subdomains and their addresses', () => {
    expect(isKnownGood('adatum.com', known)).toBe(true);
    expect(isKnownGood('digest@updates.adatum.com', known)).toBe(true);
    expect(isKnownGood('updates.adatum.com', known)).toBe(true);
    expect(isKnownGood('x@notadatum.com', known)).toBe(false);
    expect(isKnownGood('com', known)).toBe(false);
  });
});
