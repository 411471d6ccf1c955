import { readJsonArrayItems } from './json_array_reader';
import { jsonValueRows } from './json_rows';
import type { DateReading } from './received_date';
import type { FileRecord } from './types';

/** A JSON document: an array of rows, or a page whose `value` holds them. */
export async function* readGraphJson(
  text: AsyncIterable<string>,
  reading: DateReading
): AsyncGenerator<FileRecord, void, undefined> {
  for await (const item of readJsonArrayItems(text)) {
    if ('reason' in item) {
      yield { line: item.line, reason: item.reason };
      continue;
    }
    yield* jsonValueRows(item.value, item.line, reading, `value[${item.index}]`);
  }
}
