import { Client } from '@elastic/elasticsearch';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { TaskManagerStartContract } from '@kbn/task-manager-plugin/server';
import { randomUUID } from 'node:crypto';
import { CONNECTION_DEFAULTS } from '../../common/connection';
import { CHAOS_CLIENT_ID, CHAOS_SECRET } from '../../test/collector/chaos_tenant';
import { FILE_FIXTURES, fixturePath } from '../../test/fixtures/files/fixture_files';
import { grantWriterKey } from '../../test/secured/writer_key';
import { CONNECTION_SAVED_OBJECT_TYPE } from '../saved_objects/connection_type';
import { exchangeMessageTracePlugin } from '../../test/host/exchange_message_trace_plugin';
import type { KibanaHost } from '../../test/host/kibana_host';
import { esUrl, startTestHost, waitFor } from '../../test/host/test_support';
import { FILE_IMPORT_TASK_ID } from './file_import_task';
import type { FileImportTaskState } from './file_import_task_state';

const HEADER = '"Received","RecipientAddress","Status","MessageTraceId","SenderAddress"\r\n';
const row = (n: number) =>
  `"2026-11-21T10:00:${String(n).padStart(2, '0')}Z","user${n}@contoso.com","Delivered","00000000-0000-4000-8000-${String(n).padStart(12, '0')}","x@fabrikam.com"\r\n`;

describe('the task importing configured paths', () => {
  const es = new Client({ node: esUrl() });
  const folder = mkdtempSync(path.join(tmpdir(), 'emt-task-'));
  const outside = mkdtempSync(path.join(tmpdir(), 'emt-outside-'));
  const namespace = `paths_${Date.now()}`;
  const dataStream = `logs-microsoft_exchange_online_message_trace.log-${namespace}`;
  // In a secured cluster files are written with a connection's API key, never as Kibana.
  const connectionId = randomUUID();
  let host: KibanaHost;
  let taskManager: TaskManagerStartContract;

  beforeAll(async () => {
    host = await startTestHost({
      plugins: [exchangeMessageTracePlugin()],
      config: {
        exchange_message_trace: {
          files: {
            paths: [`${folder}/*.csv*`, `${folder}/**/*.ndjson.gz`],
            connectionId,
            interval: '1s',
          },
        },
      },
    });
    taskManager = host.taskManagerStart();
    const now = new Date().toISOString();
    await host.savedObjects.repository([CONNECTION_SAVED_OBJECT_TYPE]).create(
      CONNECTION_SAVED_OBJECT_TYPE,
      {
        ...CONNECTION_DEFAULTS,
        name: 'Files',
        tenantId: 'contoso.onmicrosoft.com',
        clientId: CHAOS_CLIENT_ID,
        authMethod: 'secret',
        clientSecret: CHAOS_SECRET,
        localDomains: ['contoso.com'],
        namespace,
        enabled: false,
        ...(await grantWriterKey()),
        createdAt: now,
        updatedAt: now,
      },
      { id: connectionId }
    );
  });

  afterAll(async () => {
    await host.stop();
    await es.close();
  });

  async function documents(): Promise<Array<{ recipient: string; direction?: string }>> {
    if (!(await es.indices.exists({ index: dataStream }))) return [];
    // The task may have created the data stream a moment ago: its shard must start first.
    await es.cluster.health({ index: dataStream, wait_for_status: 'yellow', timeout: '10s' });
    await es.indices.refresh({ index: dataStream });
    const found = await es.search<{
      email: { to: { address: string[] }; direction?: string };
    }>({ index: dataStream, size: 100, sort: ['_doc'] });
    return found.hits.hits
      .map((hit) => ({
        recipient: hit._source!.email.to.address[0]!,
        direction: hit._source!.email.direction,
      }))
      .sort((a, b) => a.recipient.localeCompare(b.recipient));
  }

  async function settled(done: (state: FileImportTaskState) => boolean) {
    return waitFor(
      async () => {
        const task = await taskManager.get(FILE_IMPORT_TASK_ID);
        const state = task.state as FileImportTaskState;
        return task.status === 'idle' && done(state) ? state : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'the file import task' }
    );
  }

  const recipients = async () => (await documents()).map((document) => document.recipient);

  it('imports a new file, the rows appended to it, and both files after a rotation', async () => {
    const file = path.join(folder, 'trace.csv');
    writeFileSync(file, `${HEADER}${row(1)}${row(2)}`);
    writeFileSync(path.join(outside, 'elsewhere.csv'), `${HEADER}${row(9)}`);
    writeFileSync(path.join(folder, 'notes.txt'), `${HEADER}${row(8)}`);
    await waitFor(async () => ((await recipients()).length === 2 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the new file',
    });
    expect(await documents()).toEqual([
      { recipient: 'user1@contoso.com', direction: 'inbound' },
      { recipient: 'user2@contoso.com', direction: 'inbound' },
    ]);

    appendFileSync(file, row(3));
    await waitFor(async () => ((await recipients()).length === 3 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'the grown file',
    });

    // Rotation: a last row lands in the old file, which is renamed; a new file takes its name.
    appendFileSync(file, row(4));
    renameSync(file, `${file}.1`);
    writeFileSync(file, `${HEADER}${row(5)}`);
    await waitFor(async () => ((await recipients()).length === 5 ? true : undefined), {
      timeoutMs: 30_000,
      what: 'both files after the rotation',
    });
    const state = await settled((current) => Object.keys(current.files).length === 2);
    expect(
      Object.values(state.files)
        .map((cursor) => cursor.path)
        .sort()
    ).toEqual([file, `${file}.1`]);
    expect(await recipients()).toEqual([1, 2, 3, 4, 5].map((n) => `user${n}@contoso.com`));
  });

  it('reads a .gz export whole, once, and reports its rejected rows with their lines', async () => {
    mkdirSync(path.join(folder, 'archive'));
    writeFileSync(
      path.join(folder, 'archive', 'legacy.ndjson.gz'),
      gzipSync(readFileSync(fixturePath(FILE_FIXTURES.legacyNdjson)))
    );
    const state = await settled((current) => (current.lastRun?.rejectedCount ?? 0) > 0);
    expect(state.lastRun).toMatchObject({
      documentsCreated: 3,
      rejected: [
        {
          path: path.join(folder, 'archive', 'legacy.ndjson.gz'),
          line: 4,
          reason: 'status is missing',
        },
      ],
    });
    const afterwards = await settled((current) => current.lastRun?.filesRead === 0);
    expect(afterwards.lastRun?.documentsCreated).toBe(0);
    expect(await recipients()).toHaveLength(5 + 3);
  });
});
