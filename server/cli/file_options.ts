import {
  dateCultureCodec,
  fileFormatCodec,
  isValidTimeZone,
  DATE_CULTURES,
  FILE_FORMATS,
} from '../../common/http_api/files';
import { DEFAULT_DATASET, DEFAULT_NAMESPACE } from '../lib/data_stream/data_stream_name';
import type { MessageTraceMappingOptions } from '../lib/ecs/message_trace_document';
import type { FileParseOptions } from '../lib/files/types';
import { listFlag, stringFlag, UsageError, type ParsedArgs } from './parse_args';

/** Flags `convert` and `import` share: how to read the files and how to map their rows. */
export const FILE_FLAGS = [
  'format',
  'timezone',
  'date-culture',
  'local-domains',
  'match-subdomains',
  'tenant-id',
  'dataset',
  'namespace',
];

export function fileParseOptions(args: ParsedArgs): FileParseOptions {
  const format = stringFlag(args, 'format');
  const timeZone = stringFlag(args, 'timezone');
  const dateCulture = stringFlag(args, 'date-culture');
  if (format !== undefined && !fileFormatCodec.is(format)) {
    throw new UsageError(`--format is one of ${FILE_FORMATS.join(', ')}`);
  }
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
    throw new UsageError(`--timezone "${timeZone}" is not an IANA time zone such as Europe/Berlin`);
  }
  if (dateCulture !== undefined && !dateCultureCodec.is(dateCulture)) {
    throw new UsageError(`--date-culture is one of ${DATE_CULTURES.join(', ')}`);
  }
  return { format, timeZone, dateCulture };
}

export function fileMappingOptions(
  args: ParsedArgs
): Required<Pick<MessageTraceMappingOptions, 'dataset' | 'namespace'>> &
  MessageTraceMappingOptions {
  return {
    localDomains: listFlag(args, 'local-domains'),
    matchSubdomains: args.flags.get('match-subdomains') === true,
    dataset: stringFlag(args, 'dataset') ?? DEFAULT_DATASET,
    namespace: stringFlag(args, 'namespace') ?? DEFAULT_NAMESPACE,
    tenantId: stringFlag(args, 'tenant-id'),
  };
}

/** `-` reads standard input, so an export can be piped in (`zcat x.csv.gz | … convert -`). */
export function fileArguments(args: ParsedArgs): string[] {
  if (args.positional.length === 0) throw new UsageError('Name at least one FILE (or - for stdin)');
  return args.positional;
}
