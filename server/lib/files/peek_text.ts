export interface PeekedText {
  /** The first `size` characters or more (whole chunks), or the whole text when shorter. */
  head: string;
  /** True when `head` is the whole text. */
  complete: boolean;
  /** The whole text again, `head` included. */
  text: AsyncIterable<string>;
}

/**
 * Reads just enough of a text to tell its format, without losing what was read. A text that fails
 * after its first chunk (cut short, past a limit) fails only once `head` has been read again: the
 * rows before the failure are still rows.
 */
export async function peekText(source: AsyncIterable<string>, size: number): Promise<PeekedText> {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: string[] = [];
  let length = 0;
  let complete = false;
  let failure: { error: unknown } | undefined;
  while (length < size) {
    let next: IteratorResult<string>;
    try {
      next = await iterator.next();
    } catch (error) {
      if (chunks.length === 0) throw error;
      failure = { error };
      break;
    }
    if (next.done) {
      complete = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = chunks.join('');
  async function* text() {
    try {
      if (head) yield head;
      if (failure) throw failure.error;
      if (complete) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  return { head, complete, text: text() };
}
