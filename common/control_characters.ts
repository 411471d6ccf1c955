/**
 * Characters that change how text is shown rather than what it says: C0 and C1 controls (line
 * breaks, terminal escape sequences, NUL), DEL, the line and paragraph separators, the bidirectional
 * overrides and isolates that reorder text on screen, and unpaired surrogates (no character at
 * all). Typed into a name, they forge log lines or disguise the name.
 */
const CONTROL = /[\p{Cc}\p{Cs}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const CONTROL_ALL = new RegExp(CONTROL.source, 'gu');

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

const escapeControl = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every control character written as an escape (`\u000a`): it stays on one line. */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL_ALL, escapeControl);
}

/**
 * `text` in double quotes, with backslashes, quotes and every control character escaped, cut at
 * `maxLength` characters: safe in a log line or a message, and where it ends is unambiguous.
 */
export function quoteText(text: string, maxLength = 200): string {
  const cut = text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
  return `"${escapeControlCharacters(cut.replace(/[\\"]/g, (c) => `\\${c}`))}"`;
}
