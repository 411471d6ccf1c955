import { MAX_ROW_CHARS } from './line_reader';
import { FileFormatError } from './types';

const NOT_FOUND = -1;
const ROWS_READ = -2;

export type JsonItem =
  | { line: number; index: number; value: unknown }
  | { line: number; index: number; reason: string };

/**
 * The items of a JSON document's row array, one at a time, without holding the document: the
 * document itself when it is an array, else its top-level `value` array (a Graph or OData
 * page). Only the structure is scanned here; each item is parsed on its own, so a broken item is
 * reported and the next one still read.
 */
export async function* readJsonArrayItems(
  source: AsyncIterable<string>
): AsyncGenerator<JsonItem, void, undefined> {
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  let expectKey = false;
  let key = '';
  let keyStart = -1;
  let keyCarry = '';
  /** Depth of the row array once found (1 for a top-level array, 2 for `value`). */
  let rowsDepth = NOT_FOUND;
  let item: string | undefined;
  let itemStart = 0;
  let itemLine = 0;
  let index = 0;
  let line = 1;
  let done = false;

  const finishItem = (chunk: string, end: number): JsonItem => {
    const text = (item ?? '') + chunk.slice(itemStart, end);
    item = undefined;
    const at = { line: itemLine, index: index++ };
    try {
      return { ...at, value: JSON.parse(text) as unknown };
    } catch (error) {
      return { ...at, reason: `value[${at.index}] is not valid JSON: ${(error as Error).message}` };
    }
  };

  for await (const chunk of source) {
    if (item !== undefined) itemStart = 0;
    if (keyStart >= 0) keyStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === '\n') line += 1;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') {
          inString = false;
          if (keyStart >= 0) {
            key = JSON.parse(`"${keyCarry}${chunk.slice(keyStart, i)}"`) as string;
            keyStart = -1;
            keyCarry = '';
          }
        }
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
      if (done) throw new FileFormatError('Unexpected text after the JSON document', line);
      const depth = stack.length;
      const atRows = depth === rowsDepth && stack[depth - 1] === '[';
      if (atRows && item === undefined && c !== ',' && c !== ']') {
        item = '';
        itemStart = i;
        itemLine = line;
      }
      if (c === '"') {
        inString = true;
        if (depth === 1 && stack[0] === '{' && expectKey) {
          keyStart = i + 1;
          expectKey = false;
        }
      } else if (c === '{' || c === '[') {
        if (depth === 0 && c === '[') rowsDepth = 1;
        const isValueArray = depth === 1 && stack[0] === '{' && c === '[' && key === 'value';
        if (isValueArray && rowsDepth === NOT_FOUND) rowsDepth = 2;
        stack.push(c);
        if (depth === 0 && c === '{') expectKey = true;
      } else if (c === '}' || c === ']') {
        const open = stack.pop();
        if (open !== (c === '}' ? '{' : '[')) {
          throw new FileFormatError(`Unbalanced "${c}": this is not a JSON document`, line);
        }
        if (atRows && item !== undefined) yield finishItem(chunk, i);
        else if (item !== undefined && stack.length === rowsDepth) yield finishItem(chunk, i + 1);
        // The row array itself closed: no later array is read as rows.
        if (atRows) rowsDepth = ROWS_READ;
        if (stack.length === 0) done = true;
      } else if (c === ',') {
        if (atRows && item !== undefined) yield finishItem(chunk, i);
        if (depth === 1 && stack[0] === '{') expectKey = true;
      } else if (depth === 0) {
        throw new FileFormatError('The file is neither a JSON array nor a JSON object', line);
      }
    }
    if (item !== undefined) {
      item += chunk.slice(itemStart);
      if (item.length > MAX_ROW_CHARS) {
        throw new FileFormatError(
          `value[${index}] is longer than ${MAX_ROW_CHARS} characters`,
          itemLine
        );
      }
    }
    if (keyStart >= 0) keyCarry += chunk.slice(keyStart);
  }
  if (stack.length > 0 || inString) {
    throw new FileFormatError(
      'The JSON document ends before it is complete: the file is truncated',
      item === undefined ? line : itemLine
    );
  }
  if (rowsDepth === NOT_FOUND) {
    throw new FileFormatError('The JSON document has no rows: expected an array or {"value": […]}');
  }
}
