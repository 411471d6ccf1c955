import { connectionNameOf, connectionNamesOf, inConnections } from './connection_names';

const connections = [
  { id: 'conn-a', settings: { name: 'Contoso' } },
  { id: 'conn-b', settings: { name: 'Fabrikam' } },
];

describe('connection names', () => {
  it('names a connection, and says in words that an ID no connection has is gone', () => {
    expect(connectionNameOf('conn-b', connections)).toBe('Fabrikam');
    expect(connectionNameOf('conn-gone', connections)).toBe('Removed connection (ID conn-gone)');
  });

  it('puts the names a rule reads after what its alert saw, and nothing for every connection', () => {
    expect(inConnections(connectionNamesOf(['conn-a', 'conn-gone'], connections))).toBe(
      ' in Contoso, Removed connection (ID conn-gone)'
    );
    expect(inConnections(connectionNamesOf(undefined, connections))).toBe('');
    expect(inConnections(connectionNamesOf([], connections))).toBe('');
  });
});
