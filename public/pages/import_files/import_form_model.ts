import { domainCodec } from '../../../common/connection';
import {
  DEFAULT_DATE_CULTURE,
  isValidTimeZone,
  type DateCulture,
  type FileFormat,
  type ImportFileQuery,
} from '../../../common/http_api/files';

/** The format select's first choice: the server recognises the file by its first bytes. */
export const DETECT_FORMAT = '';

export interface ImportFormValues {
  files: File[];
  format: FileFormat | typeof DETECT_FORMAT;
  timezone: string;
  dateCulture: DateCulture;
  /** A connection whose local domains, namespace and organization the documents get; '' for none. */
  connectionId: string;
  /** Typed local domains, used when no connection is chosen. */
  localDomains: string[];
}

export const INITIAL_IMPORT_FORM: ImportFormValues = {
  files: [],
  format: DETECT_FORMAT,
  timezone: 'UTC',
  dateCulture: DEFAULT_DATE_CULTURE,
  connectionId: '',
  localDomains: [],
};

export type ImportFormErrors = Partial<Record<'files' | 'timezone' | 'localDomains', string>>;

/** What stops the import, in the server's own words where it has them (common/http_api/files.ts). */
export function importFormErrors(values: ImportFormValues): ImportFormErrors {
  const errors: ImportFormErrors = {};
  if (values.files.length === 0) errors.files = 'Choose one or more files';
  if (!isValidTimeZone(values.timezone.trim())) {
    errors.timezone = 'Must be an IANA time zone name such as Europe/Berlin or UTC';
  }
  const wrongDomain = values.connectionId
    ? undefined
    : values.localDomains.find((domain) => !domainCodec.is(domain));
  if (wrongDomain !== undefined) {
    errors.localDomains = `"${wrongDomain}" is not a domain name like contoso.com`;
  }
  return errors;
}

/** The import's query parameters; a chosen connection brings its own local domains. */
export function importQueryOf(values: ImportFormValues): ImportFileQuery {
  return {
    ...(values.format === DETECT_FORMAT ? {} : { format: values.format }),
    timezone: values.timezone.trim(),
    dateCulture: values.dateCulture,
    ...(values.connectionId ? { connectionId: values.connectionId } : {}),
    ...(!values.connectionId && values.localDomains.length > 0
      ? { localDomains: values.localDomains }
      : {}),
  };
}
