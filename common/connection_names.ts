interface NamedConnection {
  id: string;
  settings: { name: string };
}

/**
 * A connection as a person knows it: by its name. An ID no connection has any more (a rule or a
 * shared link saved before the connection was removed) says so, rather than showing a bare ID.
 */
export function connectionNameOf(id: string, connections: readonly NamedConnection[]): string {
  return connections.find((connection) => connection.id === id)?.settings.name ?? removedName(id);
}

const removedName = (id: string) => `Removed connection (ID ${id})`;

/** `Contoso, Fabrikam` for the words of an alert: empty when it reads every connection. */
export const connectionNamesOf = (
  ids: readonly string[] | undefined,
  connections: readonly NamedConnection[]
) => (ids ?? []).map((id) => connectionNameOf(id, connections)).join(', ');

/** ` in Contoso, Fabrikam` after what an alert saw; nothing when it reads every connection. */
export const inConnections = (names: string) => (names ? ` in ${names}` : '');
