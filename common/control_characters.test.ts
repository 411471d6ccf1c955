import { escapeControlCharacters, hasControlCharacters, quoteText } from './control_characters';

describe('control characters', () => {
  it('finds line breaks, escape codes, NUL, DEL, C1, separators, bidi overrides, lone surrogates', () => {
    for (const text of [
      'a\nb',
      'a\rb',
      '\u001b[2J',
      'nul\u0000',
      '\u007f',
      '\u0085',
      '\u2028',
      '\u202e',
      '\u2066',
      '\ud800',
    ]) {
      expect(hasControlCharacters(text)).toBe(true);
    }
  });

  it('leaves ordinary Unicode alone', () => {
    for (const text of ['Straße', 'İstanbul', '😀 mail', 'a\u0301', 'ｃｏｎｔｏｓｏ']) {
      expect(hasControlCharacters(text)).toBe(false);
      expect(escapeControlCharacters(text)).toBe(text);
    }
  });

  it('writes each control character as an escape, so the text stays on one line', () => {
    expect(escapeControlCharacters('evil\nWARN forged\u001b[0m\u0000')).toBe(
      'evil\\u000aWARN forged\\u001b[0m\\u0000'
    );
  });

  it('quotes text with quotes and backslashes escaped and cuts it at a bound', () => {
    expect(quoteText('say "hi"\\\n')).toBe('"say \\"hi\\"\\\\\\u000a"');
    expect(quoteText('abcdef', 3)).toBe('"abc…"');
  });
});
