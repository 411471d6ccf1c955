import { FileFormatError } from './types';

export interface TextLine {
  /** 1-based. */
  line: number;
  text: string;
}

/** Far above any real row; stops a file without line breaks from filling the memory. */
export const MAX_ROW_CHARS = 8 * 1024 * 1024;

const withoutCr = (text: string) => (text.endsWith('\r') ? text.slice(0, -1) : text);

/** Lines of a text (LF or CRLF), numbered; the terminators are dropped. */
export async function* readLines(
  source: AsyncIterable<string>
): AsyncGenerator<TextLine, void, undefined> {
  let carry = '';
  let line = 0;
  for await (const chunk of source) {
    const text = carry + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      line += 1;
      yield { line, text: withoutCr(text.slice(start, end)) };
      start = end + 1;
    }
    carry = text.slice(start);
    if (carry.length > MAX_ROW_CHARS) {
      throw new FileFormatError(
        `Line ${line + 1} is longer than ${MAX_ROW_CHARS} characters`,
        line + 1
      );
    }
  }
  if (carry.length > 0) yield { line: line + 1, text: withoutCr(carry) };
}
