import { knownGoodEntryOf } from './known_good';

describe('knownGoodEntryOf', () => {
  const known = new Set(['news@email.northwindtraders.com', 'adatum.com']);

  it('matches an address entry exactly, case-insensitively', () => {
    expect(knownGoodEntryOf('News@Email.Northwindtraders.com', known)).toBe(
      'news@email.northwindtraders.com'
    );
    expect(knownGoodEntryOf('sales@email.northwindtraders.com', known)).toBeUndefined();
    expect(knownGoodEntryOf('email.northwindtraders.com', known)).toBeUndefined();
  });

  it('matches a domain entry for the domain, its subdomains and their addresses', () => {
    expect(knownGoodEntryOf('adatum.com', known)).toBe('adatum.com');
    expect(knownGoodEntryOf('digest@updates.adatum.com', known)).toBe('adatum.com');
    expect(knownGoodEntryOf('updates.adatum.com', known)).toBe('adatum.com');
    expect(knownGoodEntryOf('x@notadatum.com', known)).toBeUndefined();
    expect(knownGoodEntryOf('com', known)).toBeUndefined();
  });
});
