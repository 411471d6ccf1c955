import type { HttpStart } from '@kbn/core/public';
import { FILES_IMPORT_API_PATH, type FileImportSummary } from '../../common/http_api/files';
import { installFakeUploads } from '../test_support/fake_uploads';
import { UploadCancelledError, UploadError, uploadExportFile } from './files_api';
import { statusCodeOf } from './http_errors';

/** Kibana's base path in a space: what `core.http` would put before every path. */
const http = { basePath: { prepend: (path: string) => `/kbn/s/ops${path}` } } as HttpStart;
const file = new File(['x'.repeat(1000)], 'trace.csv');
const SUMMARY: FileImportSummary = {
  format: 'powershell_csv',
  rows: 3,
  documentsCreated: 2,
  alreadyPresent: 0,
  rejectedCount: 1,
  rejected: [{ line: 4, reason: 'id is missing' }],
  dataStream: 'logs-microsoft_exchange_online_message_trace.log-default',
};

describe('uploadExportFile', () => {
  let fake: ReturnType<typeof installFakeUploads>;
  beforeEach(() => (fake = installFakeUploads()));
  afterEach(() => fake.restore());

  it('posts the file itself through the base path, with Kibana’s headers and the options encoded', async () => {
    const progress: number[] = [];
    const answer = uploadExportFile(
      http,
      file,
      { format: 'powershell_csv', localDomains: ['contoso.com', 'fabrikam.com'], timezone: 'UTC' },
      { onProgress: ({ loaded, total }) => progress.push(loaded / total) }
    );
    const [upload] = fake.uploads;
    expect(upload!.method).toBe('POST');
    const url = new URL(upload!.url, 'http://kibana');
    expect(url.pathname).toBe(`/kbn/s/ops${FILES_IMPORT_API_PATH}`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: 'powershell_csv',
      localDomains: 'contoso.com,fabrikam.com',
      timezone: 'UTC',
    });
    expect(upload!.headers).toEqual({
      'kbn-xsrf': 'true',
      'x-elastic-internal-origin': 'Kibana',
      'content-type': 'application/octet-stream',
    });
    expect(upload!.body).toBe(file);

    upload!.progress(400);
    upload!.respond(200, SUMMARY);
    await expect(answer).resolves.toEqual(SUMMARY);
    expect(progress).toEqual([0.4, 1]);
  });

  it('fails with the status and Kibana’s message, as core.http errors do', async () => {
    const answer = uploadExportFile(http, file, {}, {});
    fake.uploads[0]!.respond(413, {
      statusCode: 413,
      error: 'Request Entity Too Large',
      message: 'Payload content length greater than maximum allowed: 500',
    });
    const failure = await answer.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UploadError);
    expect(statusCodeOf(failure)).toBe(413);
    expect((failure as Error).message).toBe(
      'Payload content length greater than maximum allowed: 500'
    );
  });

  it('stops the request when its signal aborts', async () => {
    const controller = new AbortController();
    const answer = uploadExportFile(http, file, {}, { signal: controller.signal });
    controller.abort();
    await expect(answer).rejects.toBeInstanceOf(UploadCancelledError);
    expect(fake.uploads[0]!.aborted).toBe(true);
  });
});
