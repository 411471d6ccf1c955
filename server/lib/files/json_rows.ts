import type { DateReading } from './received_date';
import { objectFieldReader, toGraphTrace } from './trace_row';
import type { FileRecord } from './types';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One parsed JSON value as rows: a row object, or a page (`{"value":[…]}` from Graph, or the
 * Reporting Web Service's OData envelope, whose empty last page the integration drops too).
 */
export function* jsonValueRows(
  value: unknown,
  line: number,
  reading: DateReading,
  where = 'the line'
): Generator<FileRecord, void, undefined> {
  if (isObject(value) && Array.isArray(value.value)) {
    for (const [index, row] of value.value.entries()) {
      yield* jsonValueRows(row, line, reading, `value[${index}]`);
    }
    return;
  }
  if (!isObject(value)) {
    yield { line, reason: `${where} is not a JSON object` };
    return;
  }
  const outcome = toGraphTrace(objectFieldReader(value), reading);
  yield 'reason' in outcome && where !== 'the line'
    ? { line, reason: `${where}: ${outcome.reason}` }
    : { line, ...outcome };
}
