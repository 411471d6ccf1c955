import type { ClientCredential } from '../graph/token_provider';

const REDACTED = '[redacted]';

/** The secret, or each line of a PEM key's body, so no part of it can show up in a message. */
function secretParts(credential: ClientCredential): string[] {
  if (credential.kind === 'secret') return [credential.clientSecret].filter(Boolean);
  return credential.privateKeyPem
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('-----'));
}

/**
 * Microsoft's error texts never quote the credential, but a diagnosis is shown to users and may be
 * logged: a last guard in case any library or server ever echoes it.
 */
export function redactSecrets<T>(value: T, credential: ClientCredential): T {
  const parts = secretParts(credential).sort((a, b) => b.length - a.length);
  const redact = (text: string) =>
    parts.reduce((out, part) => out.split(part).join(REDACTED), text);
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return redact(node);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
    }
    return node;
  };
  return walk(value) as T;
}
