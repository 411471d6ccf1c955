import { isLeft } from 'fp-ts/Either';
import { formatCodecErrors } from '../../../common/codec_errors';
import {
  graphMessageTraceCodec,
  type GraphMessageTrace,
} from '../../../common/graph/message_trace';
import { DateFormatError, readReceived, type DateReading } from './received_date';

export type TraceOutcome = { trace: GraphMessageTrace } | { reason: string };

type TraceField = keyof GraphMessageTrace;

/**
 * Where each Graph property is in the other shapes, lower-cased: the Reporting Web Service and
 * the cmdlets (and so Export-Csv headers and ConvertTo-Json keys) use PascalCase names, and the
 * trace id is `MessageTraceId` there.
 */
export const TRACE_FIELD_NAMES: Record<TraceField, readonly string[]> = {
  id: ['id', 'messagetraceid'],
  receivedDateTime: ['receiveddatetime', 'received'],
  recipientAddress: ['recipientaddress'],
  senderAddress: ['senderaddress'],
  subject: ['subject'],
  status: ['status'],
  size: ['size'],
  fromIP: ['fromip'],
  toIP: ['toip'],
  messageId: ['messageid'],
};

const REQUIRED: readonly TraceField[] = ['id', 'recipientAddress', 'status'];
const OPTIONAL_TEXT: readonly TraceField[] = [
  'messageId',
  'senderAddress',
  'subject',
  'fromIP',
  'toIP',
];

/** A field's value from a row, by the field's Graph name. */
export type FieldReader = (field: TraceField) => unknown;

function size(raw: unknown): number | null | string {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'number') return raw;
  const text = String(raw).trim();
  if (text === '') return null;
  return /^\d+$/.test(text)
    ? Number(text)
    : `Size "${text.slice(0, 40)}" is not a whole number of bytes`;
}

/**
 * One row of any shape as a Graph row, checked by the collector's own codec: the mapper then
 * gives it the same document and `_id` as the collector would. Empty text (a CSV's null) is null.
 */
export function toGraphTrace(read: FieldReader, reading: DateReading): TraceOutcome {
  const candidate: Record<string, unknown> = {};
  for (const field of REQUIRED) {
    const value = read(field);
    if (value === undefined || value === null || String(value).trim() === '') {
      return { reason: `${field} is missing` };
    }
    candidate[field] = typeof value === 'string' ? value.trim() : value;
  }
  for (const field of OPTIONAL_TEXT) {
    const value = read(field);
    candidate[field] = value === undefined || value === null || value === '' ? null : value;
  }
  const bytes = size(read('size'));
  if (typeof bytes === 'string') return { reason: bytes };
  candidate.size = bytes;
  const received = read('receivedDateTime');
  if (typeof received !== 'string' || received.trim() === '') {
    return { reason: 'receivedDateTime is missing' };
  }
  try {
    candidate.receivedDateTime = readReceived(received, reading);
  } catch (error) {
    if (error instanceof DateFormatError) return { reason: `receivedDateTime ${error.message}` };
    throw error;
  }
  const decoded = graphMessageTraceCodec.decode(candidate);
  return isLeft(decoded)
    ? { reason: formatCodecErrors(decoded.left).join('; ') }
    : { trace: decoded.right };
}

/** Reads a JSON object in either naming (Graph camelCase, legacy PascalCase), case-insensitively. */
export function objectFieldReader(row: Record<string, unknown>): FieldReader {
  const byLowerName = new Map<string, unknown>();
  for (const [key, value] of Object.entries(row)) byLowerName.set(key.toLowerCase(), value);
  return (field) => {
    for (const name of TRACE_FIELD_NAMES[field]) {
      if (byLowerName.has(name)) return byLowerName.get(name);
    }
    return undefined;
  };
}
