import * as t from 'io-ts';
import { INTERNAL_API_BASE } from '../constants';
import { connectionIdCodec, domainCodec, MAX_LOCAL_DOMAINS, namespaceCodec } from '../connection';
import { quoteText } from '../control_characters';

/**
 * Importing message-trace exports. The request body is the file itself, streamed (up to kibana.yml's
 * `exchange_message_trace.files.maxUploadBytes`, counted again once gunzipped, and `maxUploadRows`;
 * gzip is recognised by its bytes); every option is a query parameter.
 *
 *   POST FILES_IMPORT_API_PATH?format=&timezone=&dateCulture=&localDomains=&connectionId=&namespace=&matchSubdomains=
 *        body: the file (application/octet-stream)        → FileImportSummary
 *        400 bad parameters or an unreadable file, 404 unknown connection, 413 past a limit (the
 *        message says which, and what was imported before it); a client that goes away stops it
 */
export const FILES_IMPORT_API_PATH = `${INTERNAL_API_BASE}/files/_import`;

/**
 * What a file holds. Detected from its first bytes unless given:
 * - `powershell_csv`: `Get-MessageTrace(V2) | Export-Csv` from Windows PowerShell 5.1 (optional
 *   `#TYPE` line, dates in the exporting machine's culture) or PowerShell 7 (ISO dates).
 * - `eac_report_csv`: the Exchange admin center's downloadable message-trace (summary) report,
 *   one line per message with every recipient in `recipient_status`.
 * - `graph_json`: a Graph response page `{"value":[…]}` or an array of rows.
 * - `graph_ndjson`: one Graph row (or page) per line.
 * - `legacy_ndjson`: the Reporting Web Service's PascalCase rows, one per line, as the Elastic
 *   integration's file input reads them.
 */
export const FILE_FORMATS = [
  'powershell_csv',
  'eac_report_csv',
  'graph_json',
  'graph_ndjson',
  'legacy_ndjson',
] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** Cultures whose date format Windows PowerShell 5.1's Export-Csv may have written. */
export const DATE_CULTURES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'nl-NL', 'ja-JP'] as const;
export type DateCulture = (typeof DATE_CULTURES)[number];
export const DEFAULT_DATE_CULTURE: DateCulture = 'en-US';

function oneOf<T extends string>(values: readonly T[], name: string) {
  return new t.Type<T, T, unknown>(
    name,
    (u): u is T => typeof u === 'string' && (values as readonly string[]).includes(u),
    (u, c) =>
      typeof u === 'string' && (values as readonly string[]).includes(u)
        ? t.success(u as T)
        : t.failure(u, c, `must be one of ${values.join(', ')}`),
    t.identity
  );
}

export const fileFormatCodec = oneOf(FILE_FORMATS, 'FileFormat');
export const dateCultureCodec = oneOf(DATE_CULTURES, 'DateCulture');

/** An IANA time zone name the runtime knows, e.g. Europe/Berlin. */
export function isValidTimeZone(name: string): boolean {
  if (!name.includes('/') && name !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneCodec = new t.Type<string, string, unknown>(
  'TimeZone',
  (u): u is string => typeof u === 'string' && isValidTimeZone(u),
  (u, c) =>
    typeof u === 'string' && isValidTimeZone(u)
      ? t.success(u)
      : t.failure(u, c, 'must be an IANA time zone name such as Europe/Berlin or UTC'),
  t.identity
);

const isDomain = (entry: string): boolean => domainCodec.is(entry);

/** `contoso.com,fabrikam.com` in a query string; every entry must be a domain name. */
export const domainListCodec = new t.Type<string[], string, unknown>(
  'DomainList',
  (u): u is string[] => Array.isArray(u) && u.every((entry) => domainCodec.is(entry)),
  (u, c) => {
    const allowed = `at most ${MAX_LOCAL_DOMAINS} domains separated by commas`;
    if (typeof u !== 'string') return t.failure(u, c, `must be ${allowed}`);
    const domains = u
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0);
    if (domains.length > MAX_LOCAL_DOMAINS) return t.failure(u, c, `must be ${allowed}`);
    const wrong = domains.find((entry) => !isDomain(entry));
    return wrong === undefined
      ? t.success(domains)
      : t.failure(u, c, `${quoteText(wrong, 60)} is not a domain name like contoso.com`);
  },
  (domains) => domains.join(',')
);

const booleanStringCodec = new t.Type<boolean, string, unknown>(
  'BooleanString',
  (u): u is boolean => typeof u === 'boolean',
  (u, c) =>
    u === 'true' || u === 'false'
      ? t.success(u === 'true')
      : t.failure(u, c, 'must be true or false'),
  String
);

/**
 * Local domains, namespace and subdomain matching come from `connectionId`'s connection unless
 * given here; without either, direction stays unset and the namespace is `default`.
 */
export const importFileQueryCodec = t.partial({
  format: fileFormatCodec,
  timezone: timeZoneCodec,
  dateCulture: dateCultureCodec,
  localDomains: domainListCodec,
  connectionId: connectionIdCodec,
  namespace: namespaceCodec,
  matchSubdomains: booleanStringCodec,
});
export type ImportFileQuery = t.TypeOf<typeof importFileQueryCodec>;

/** A row that was not stored: its line in the file (where the row starts) and why. */
export interface RejectedRow {
  line: number;
  reason: string;
}

export interface FileImportSummary {
  format: FileFormat;
  /** Rows read: stored, already present and rejected (one per recipient in an EAC report). */
  rows: number;
  documentsCreated: number;
  /** Rows whose document was already there: imported before, or collected from Graph. */
  alreadyPresent: number;
  rejectedCount: number;
  /** The first rejected rows (at most MAX_REJECTED_SAMPLES), in file order. */
  rejected: RejectedRow[];
  dataStream: string;
}

export type ImportFileResponse = FileImportSummary;

export const MAX_REJECTED_SAMPLES = 100;
