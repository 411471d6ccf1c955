import { DEFAULT_PAGE_SIZE } from '../../common/http_api/views';
import { errorStatus } from '../lib/writer/es_errors';

/** The request fields a route hands to Elasticsearch (its validated body or query). */
export type RequestInput = Readonly<Record<string, unknown>>;

interface Cause {
  type?: string;
  reason?: string | null;
  caused_by?: Cause;
  root_cause?: Cause[];
  failed_shards?: Array<{ reason?: Cause }>;
}

/** Every cause in Elasticsearch's error: root causes, each shard's reason, and what caused each. */
function causesOf(error: unknown): Cause[] {
  const top = (error as { meta?: { body?: { error?: unknown } } }).meta?.body?.error;
  if (!top || typeof top !== 'object') return [];
  const found: Cause[] = [];
  const visit = (cause: Cause | undefined) => {
    if (!cause || found.includes(cause)) return;
    found.push(cause);
    cause.root_cause?.forEach(visit);
    cause.failed_shards?.forEach((shard) => visit(shard.reason));
    visit(cause.caused_by);
  };
  visit(top as Cause);
  return found;
}

/** The first number in brackets after `label` in a reason: `maximum of [65536]` → 65536. */
function limitIn(reason: string, label: string): number | undefined {
  const match = new RegExp(`${label}\\D*\\[(\\d+)\\]`).exec(reason);
  return match ? Number(match[1]) : undefined;
}

/** `from + size must be less than or equal to: [10000]` */
const windowOf = (cause: Cause) => limitIn(cause.reason ?? '', 'less than or equal to') ?? Infinity;
const isText = (value: unknown): value is string => typeof value === 'string';
const listLength = (value: unknown) => (Array.isArray(value) ? value.length : 0);

interface Refusal {
  /** Whether Elasticsearch's cause is this refusal. */
  matches(cause: Cause): boolean;
  /** The fields of the request that can cause it and, given the cause, whether this one did. */
  fields: Record<string, (value: unknown, cause: Cause, input: RequestInput) => boolean>;
  /** What the field must be instead, after `<field>: `. */
  sentence(cause: Cause): string;
}

const WILDCARD_FIELDS = ['sender', 'recipient', 'subject', 'messageId', 'traceId'];
const hasWildcard = (value: unknown) => isText(value) && value.includes('*');
const TERMS_FIELDS = ['connectionIds', 'namespaces', 'statuses', 'direction'];

/**
 * Elasticsearch's 400-class answers to what the user asked for. Each names the request fields that
 * can cause it; when the request has none that did, the refusal is the plugin's own query's fault
 * and stays a 500. The causes' shapes are Elasticsearch 9's, seen in this repository's tests
 * (server/routes/elasticsearch_refusals.integration.test.ts) or quoted from Elasticsearch's pull
 * request that turned it into a 400 (too many clauses: elastic/elasticsearch#112678).
 */
const REFUSALS: Refusal[] = [
  {
    // Lucene builds one automaton for a case-insensitive wildcard; long runs of a character
    // after a `*` make it too large to determinize. Elasticsearch 9 answers a query_shard_exception
    // whose reason quotes Lucene's TooComplexToDeterminizeException.
    matches: (cause) =>
      cause.type === 'too_complex_to_determinize_exception' ||
      /Determinizing automaton .* would require more than \d+ effort/.test(cause.reason ?? ''),
    fields: Object.fromEntries(WILDCARD_FIELDS.map((field) => [field, hasWildcard])),
    sentence: () =>
      'this `*` pattern is too complex for Elasticsearch to search: use fewer `*` and fewer repeated characters next to one',
  },
  {
    // Words of a subject search become clauses of one query.
    matches: (cause) =>
      cause.type === 'too_many_clauses' || cause.type === 'too_many_nested_clauses',
    fields: { subject: isText },
    sentence: () => 'has too many words for one Elasticsearch query: search for fewer words',
  },
  {
    matches: (cause) =>
      /^The number of terms \[\d+\] used in the Terms Query/.test(cause.reason ?? ''),
    fields: Object.fromEntries(
      TERMS_FIELDS.map((field) => [
        field,
        (value: unknown, cause: Cause) =>
          listLength(value) > (limitIn(cause.reason ?? '', 'maximum of') ?? Infinity),
      ])
    ),
    sentence: (cause) =>
      `must hold at most ${limitIn(cause.reason ?? '', 'maximum of')} values: Elasticsearch's index.max_terms_count`,
  },
  {
    matches: (cause) => (cause.reason ?? '').startsWith('Result window is too large'),
    fields: {
      pageIndex: (value, cause, input) => {
        const size = typeof input.pageSize === 'number' ? input.pageSize : DEFAULT_PAGE_SIZE;
        return typeof value === 'number' && (value + 1) * size > windowOf(cause);
      },
      pageSize: (value, cause) => typeof value === 'number' && value > windowOf(cause),
    },
    sentence: (cause) =>
      `goes past the first ${windowOf(cause)} rows, all Elasticsearch pages through (index.max_result_window): ask for an earlier page or fewer rows`,
  },
  {
    // The searched data streams, one per namespace, are named in the request line (4 KB at most).
    matches: (cause) => cause.type === 'too_long_http_line_exception',
    fields: { namespaces: (value) => listLength(value) > 0 },
    sentence: () =>
      'too many, or too long, for the request line of one Elasticsearch search: choose fewer namespaces, or none to read them all',
  },
];

/**
 * `<field>: <what it must be>` lines (joined with `; `) when Elasticsearch refused the request
 * because of what the user asked for; undefined for any other error.
 */
export function refusedInput(error: unknown, input: RequestInput | undefined): string | undefined {
  const status = errorStatus(error);
  if (!input || status === undefined || status < 400 || status >= 500) return undefined;
  for (const cause of causesOf(error)) {
    const refusal = REFUSALS.find((candidate) => candidate.matches(cause));
    if (!refusal) continue;
    const culprits = Object.entries(refusal.fields)
      .filter(([field, caused]) => input[field] !== undefined && caused(input[field], cause, input))
      .map(([field]) => `${field}: ${refusal.sentence(cause)}`);
    if (culprits.length > 0) return culprits.join('; ');
  }
  return undefined;
}
