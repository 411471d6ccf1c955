import { jsonValueRows } from './json_rows';
import { readLines } from './line_reader';
import type { DateReading } from './received_date';
import type { FileRecord } from './types';

/** One JSON value per line (Graph rows or pages, or the legacy PascalCase rows); blank lines are skipped. */
export async function* readNdjson(
  text: AsyncIterable<string>,
  reading: DateReading
): AsyncGenerator<FileRecord, void, undefined> {
  for await (const { line, text: content } of readLines(text)) {
    if (content.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      yield { line, reason: `not valid JSON: ${(error as Error).message}` };
      continue;
    }
    yield* jsonValueRows(value, line, reading);
  }
}
