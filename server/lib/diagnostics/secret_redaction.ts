import type { ClientCredential } from '../graph/token_provider';

const REDACTED = '[redacted]';

/**
 * Shorter values are left alone. Entra ID's client secrets have 40 characters and a PEM key's
 * lines 64, but a key's last line can be a few characters, and a secret typed for a test can be
 * one: redacting those would blank out ordinary words of Microsoft's text and tell the caller
 * which of their own strings the stored secret contains.
 */
export const MIN_REDACTED_LENGTH = 16;

/** The secret, or each line of a PEM key's body, as sent and as a form or URL encodes them. */
function secretParts(credential: ClientCredential): string[] {
  const parts =
    credential.kind === 'secret'
      ? [credential.clientSecret]
      : credential.privateKeyPem
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => !line.startsWith('-----'));
  const long = parts.filter((part) => part.length >= MIN_REDACTED_LENGTH);
  return [...new Set(long.flatMap((part) => [part, encodeURIComponent(part)]))].sort(
    (a, b) => b.length - a.length
  );
}

/**
 * Microsoft's error texts never quote the credential, but they are shown to users: a last guard in
 * case any library or server ever echoes it. Only for Microsoft's text (and a library's error
 * message): the plugin's own explanations hold nothing but what the caller typed.
 */
export function redactSecrets(text: string, credential: ClientCredential): string {
  return secretParts(credential).reduce((out, part) => out.split(part).join(REDACTED), text);
}
