import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { FILE_IMPORT_TASK_ID } from '../../server/tasks/file_import_task';
import type { FileImportTaskState } from '../../server/tasks/file_import_task_state';
import { exchangeMessageTracePlugin } from '../host/exchange_message_trace_plugin';
import type { KibanaHost } from '../host/kibana_host';
import { esUrl, startTestHost, waitFor } from '../host/test_support';

describe('importing configured files in a secured cluster', () => {
  const es = new Client({ node: esUrl() });
  const folder = mkdtempSync(path.join(tmpdir(), 'emt-secured-files-'));
  const namespace = `securedfiles_${Date.now()}`;
  let host: KibanaHost;

  beforeAll(async () => {
    writeFileSync(
      path.join(folder, 'trace.csv'),
      '"Received","RecipientAddress","Status","MessageTraceId","SenderAddress"\r\n' +
        '"2026-11-21T10:00:00Z","a@contoso.com","Delivered","00000000-0000-4000-8000-000000000001","x@fabrikam.com"\r\n'
    );
    host = await startTestHost({
      plugins: [exchangeMessageTracePlugin()],
      config: {
        exchange_message_trace: {
          files: {
            paths: [`${folder}/*.csv`],
            namespace,
            localDomains: ['contoso.com'],
            interval: '1s',
          },
        },
      },
    });
  });

  afterAll(async () => {
    await host.stop();
    await es.close();
  });

  it('never writes as Kibana: without files.connectionId it says what to set and imports nothing', async () => {
    const state = await waitFor(
      async () => {
        // The plugin schedules the task once it has started.
        const task = await host
          .taskManagerStart()
          .get(FILE_IMPORT_TASK_ID)
          .catch(() => undefined);
        const current = task?.state as FileImportTaskState | undefined;
        return (current?.lastRun?.errors.length ?? 0) > 0 ? current : undefined;
      },
      { timeoutMs: 30_000, what: 'the file import task to report' }
    );
    expect(state.lastRun!.errors[0]!.message).toContain(
      'set exchange_message_trace.files.connectionId'
    );
    expect(state.lastRun!.documentsCreated).toBe(0);
    expect(
      await es.indices.exists({
        index: `logs-microsoft_exchange_online_message_trace.log-${namespace}`,
      })
    ).toBe(false);
  });
});
