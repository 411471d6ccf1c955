import * as t from 'io-ts';
import { isRight } from 'fp-ts/Either';
import { fileFormatCodec } from '../../common/http_api/files';
import type { FileCursor } from '../lib/files/path_import';

export const FILE_IMPORT_TASK_STATE_VERSION = 1;

const fileCursorCodec: t.Type<FileCursor> = t.intersection([
  t.type({
    path: t.string,
    offset: t.number,
    lines: t.number,
    headerBytes: t.number,
    headerLines: t.number,
    fingerprint: t.string,
    fingerprintBytes: t.number,
    size: t.number,
    mtimeMs: t.number,
    whole: t.boolean,
  }),
  t.partial({ format: fileFormatCodec, error: t.string }),
]);

/** What the last run did, for whoever looks at the task. */
const lastRunCodec = t.type({
  at: t.string,
  filesRead: t.number,
  rows: t.number,
  documentsCreated: t.number,
  alreadyPresent: t.number,
  rejectedCount: t.number,
  rejected: t.array(t.type({ path: t.string, line: t.number, reason: t.string })),
  errors: t.array(t.type({ path: t.string, message: t.string })),
});

const stateV1 = t.intersection([
  t.type({
    version: t.literal(1),
    /** By `device:inode`, so a rotated file keeps its cursor under its new name. */
    files: t.record(t.string, fileCursorCodec),
  }),
  t.partial({ lastRun: lastRunCodec }),
]);

export type FileImportTaskState = t.TypeOf<typeof stateV1>;
export type FileImportRun = t.TypeOf<typeof lastRunCodec>;

export const emptyFileImportState = (): FileImportTaskState => ({
  version: FILE_IMPORT_TASK_STATE_VERSION,
  files: {},
});

/** A state this version cannot read starts over: files are read again, which adds nothing. */
export function readFileImportState(raw: Record<string, unknown>): FileImportTaskState {
  const decoded = stateV1.decode(raw);
  return isRight(decoded) ? decoded.right : emptyFileImportState();
}
