import { Client } from '@elastic/elasticsearch';
import { gzipSync } from 'node:zlib';
import { FILES_IMPORT_API_PATH } from '../../../common/http_api/files';
import {
  countDocuments,
  generatedTraceId,
  gzipBomb,
  messageTraceIndex,
  POWERSHELL7_HEADER,
  powerShell7Row,
  uploadFile,
  watchGunzips,
} from '../../../test/files/upload_support';
import { exchangeMessageTracePlugin } from '../../../test/host/exchange_message_trace_plugin';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { esUrl, startTestHost, waitFor } from '../../../test/host/test_support';

describe(`POST ${FILES_IMPORT_API_PATH}: what one upload may cost`, () => {
  const es = new Client({ node: esUrl() });
  const run = Date.now();

  afterAll(() => es.close());

  const refusedWith = (message: string) => ({
    status: 413,
    body: { statusCode: 413, error: 'Payload Too Large', message },
  });

  async function documentsWithTraceIds(namespace: string, traceIds: string[]) {
    const found = await es.search<{ email: { local_id: string } }>({
      index: messageTraceIndex(namespace),
      size: traceIds.length,
      query: { terms: { 'email.local_id': traceIds } },
    });
    return found.hits.hits.map((hit) => hit._source!.email.local_id).sort();
  }

  describe('with small limits', () => {
    const MAX_BYTES = 2_000_000;
    const MAX_ROWS = 2_500;
    let host: KibanaHost;

    beforeAll(async () => {
      host = await startTestHost({
        plugins: [exchangeMessageTracePlugin()],
        config: {
          exchange_message_trace: {
            files: { maxUploadBytes: MAX_BYTES, maxUploadRows: MAX_ROWS },
          },
        },
      });
    });

    afterAll(() => host.stop());

    it('refuses a gzip bomb once it has gunzipped the limit, not all it expands to', async () => {
      const namespace = `upload_bomb_${run}`;
      const bomb = gzipBomb(1_300_000);
      expect(bomb.bytes.length).toBeLessThan(MAX_BYTES);
      expect(bomb.decompressedBytes).toBeGreaterThan(300_000_000);

      const gunzips = watchGunzips();
      const outcome = await uploadFile(host, bomb.bytes, { namespace }).finally(gunzips.restore);

      // The rows wholly within the limit's bytes, after the header line; all one document.
      const rows = Math.floor((MAX_BYTES - POWERSHELL7_HEADER.length) / bomb.row.length);
      expect(rows).toBeLessThan(MAX_ROWS);
      expect(outcome).toEqual(
        refusedWith(
          `The file is larger than ${MAX_BYTES} bytes once decompressed, the limit set in kibana.yml (exchange_message_trace.files.maxUploadBytes). ` +
            `The ${rows} rows before it, the last starting at line ${rows + 1}, were read: ` +
            `1 created, ${rows - 1} already present, 0 rejected. Nothing after that row was written.`
        )
      );
      expect(await countDocuments(es, namespace)).toBe(1);
      // The work done: the limit and what zlib had buffered, of the 300 MB it would have made.
      const { gunzips: count, compressedRead, gunzipped } = gunzips.totals();
      process.stdout.write(
        `gzip bomb: ${compressedRead} of ${bomb.bytes.length} bytes gunzipped into ${gunzipped} of ${bomb.decompressedBytes}\n`
      );
      expect(count).toBe(1);
      expect(gunzipped).toBeGreaterThanOrEqual(MAX_BYTES);
      expect(gunzipped).toBeLessThanOrEqual(MAX_BYTES + 64 * 1024);
      expect(compressedRead).toBeLessThan(bomb.bytes.length / 20);
    });

    it('refuses the rows past the row limit, writing exactly the rows before it', async () => {
      const namespace = `upload_rows_${run}`;
      const lines = Array.from({ length: MAX_ROWS + 300 }, (_, index) => powerShell7Row(index));
      // Line 11 of the file: a row without its trace id, rejected.
      lines[9] = lines[9]!.replace(generatedTraceId(9), '');
      const file = Buffer.from(POWERSHELL7_HEADER + lines.join(''));
      expect(file.length).toBeLessThan(MAX_BYTES);
      const outcome = await uploadFile(host, file, { namespace });
      expect(outcome).toEqual(
        refusedWith(
          `The file has more than ${MAX_ROWS} rows, the limit set in kibana.yml (exchange_message_trace.files.maxUploadRows). ` +
            `The ${MAX_ROWS} rows before it, the last starting at line ${MAX_ROWS + 1}, were read: ` +
            `${MAX_ROWS - 1} created, 0 already present, 1 rejected. Nothing after that row was written.`
        )
      );
      expect(await countDocuments(es, namespace)).toBe(MAX_ROWS - 1);
      const [last, next] = [generatedTraceId(MAX_ROWS - 1), generatedTraceId(MAX_ROWS)];
      expect(await documentsWithTraceIds(namespace, [last, next])).toEqual([last]);
    });
  });

  describe('when the client goes away', () => {
    const ROWS = 40_000;
    /** Rows per bulk request of an import (importFile's chunkSize). */
    const CHUNK_ROWS = 1000;
    let host: KibanaHost;

    beforeAll(async () => {
      host = await startTestHost({ plugins: [exchangeMessageTracePlugin()] });
    });

    afterAll(() => host.stop());

    it('stops importing within a second: the rows stop growing', async () => {
      const namespace = `upload_abort_${run}`;
      const rows = Array.from({ length: ROWS }, (_, index) => powerShell7Row(index));
      // Small once gzipped, so the whole body is read at once and only the abort can stop it.
      const body = gzipSync(POWERSHELL7_HEADER + rows.join(''));
      expect(body.length).toBeLessThan(400_000);
      const client = new AbortController();
      const upload = uploadFile(host, body, { namespace }, { signal: client.signal }).catch(
        (error: Error) => error.name
      );
      await waitFor(async () => (await countDocuments(es, namespace)) > 0, {
        what: 'the first documents',
      });

      client.abort();
      const abortedAt = Date.now();
      expect(await upload).toBe('AbortError');
      const stopped = await waitFor(
        () =>
          host.logSink.lines.find((line) =>
            line.message.startsWith("An upload's client went away; its import stopped after")
          ),
        { timeoutMs: 1000, intervalMs: 10, what: 'the import to stop' }
      );
      expect(Date.now() - abortedAt).toBeLessThan(1000);
      const created = Number(/\((\d+) documents created\)/.exec(stopped.message)?.[1]);

      // A bulk request Elasticsearch had taken before the abort still completes there.
      await es.tasks.list({ actions: 'indices:data/write/bulk*', wait_for_completion: true });
      const afterStop = await countDocuments(es, namespace);
      expect(afterStop).toBeGreaterThanOrEqual(created);
      expect(afterStop).toBeLessThanOrEqual(created + CHUNK_ROWS);
      expect(afterStop).toBeLessThan(ROWS);

      // Another upload of two chunks, to the end: an import still going would write meanwhile.
      const pacer = gzipSync(POWERSHELL7_HEADER + rows.slice(0, 2 * CHUNK_ROWS).join(''));
      const paced = await uploadFile(host, pacer, { namespace: `upload_pacer_${run}` });
      expect(paced.body).toMatchObject({ documentsCreated: 2 * CHUNK_ROWS });
      expect(await countDocuments(es, namespace)).toBe(afterStop);
      process.stdout.write(`aborted upload: ${stopped.message}; ${afterStop} documents\n`);
    });
  });
});
