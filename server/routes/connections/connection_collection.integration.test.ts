import { Client } from '@elastic/elasticsearch';
import type { CollectorCheckpoint } from '../../../common/collector_checkpoint';
import { connectionPath, type ConnectionView } from '../../../common/http_api/connections';
import { addSettledTenant } from '../../../test/collector/chaos_tenant';
import {
  compareWithTruth,
  observationKey,
  storedObservations,
} from '../../../test/collector/observations';
import type { GraphEmulator } from '../../../test/graph_emulator';
import {
  collectTaskOf,
  connectionRequest,
  createConnection,
  settledTask,
  startEmulatedGraphHost,
  viewOf,
} from '../../../test/host/emulated_graph_host';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { callRoute, esUrl, waitFor } from '../../../test/host/test_support';
import type { CollectTaskState } from '../../tasks/collect_task_state';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const stateOf = (task: { state: Record<string, unknown> }) => task.state as CollectTaskState;
const dataStreamOf = (view: ConnectionView) =>
  `logs-microsoft_exchange_online_message_trace.log-${view.settings.namespace}`;

describe('connection routes: running and backfilling collection', () => {
  let emulator: GraphEmulator;
  let host: KibanaHost;
  const es = new Client({ node: esUrl() });

  beforeAll(async () => {
    ({ host, emulator } = await startEmulatedGraphHost());
  });

  afterAll(async () => {
    await host.stop();
    await emulator.stop();
    await es.close();
  });

  const run = (id: string) =>
    callRoute(host, 'POST', connectionPath(id, '_run'), { user: 'mail_admin' });
  /** What the connection's data stream holds for the span read, against the emulator's truth. */
  const againstTruth = (tenantId: string, view: ConnectionView, checkpoint: CollectorCheckpoint) =>
    compareWithTruth({ es, emulator, tenantId, dataStream: dataStreamOf(view), checkpoint });

  it('refuses a run while one is in progress, runs now on request, and counts the documents', async () => {
    const tenantId = addSettledTenant(emulator, 8201, 200, Date.now());
    // The first page of message traces takes a while, so the first run is seen in progress.
    emulator.faults.inject({ kind: 'hang', delayMs: 3000, tenantId });
    const created = await createConnection(host, connectionRequest(tenantId));
    await waitFor(async () => (await collectTaskOf(host, created.id)).status === 'running', {
      what: 'the first run to start',
    });
    expect((await viewOf(host, created.id)).task).toEqual({ health: 'running' });
    expect(await run(created.id)).toMatchObject({
      status: 409,
      body: { message: 'A run of this connection is in progress: wait for it to finish' },
    });

    const first = await settledTask(host, created.id, (t) => stateOf(t).status.caughtUp === true);
    expect(await run(created.id)).toEqual({ status: 200, body: { id: first.id } });
    const second = await settledTask(
      host,
      created.id,
      (t) => stateOf(t).status.lastRunAt !== stateOf(first).status.lastRunAt,
      'the requested run'
    );
    const result = await againstTruth(tenantId, created, stateOf(second).checkpoint!);
    expect(result).toMatchObject({ missing: [], unexpected: [], duplicates: 0 });
    const view = await viewOf(host, created.id);
    expect(view.status.documentsTotal).toBe(result.stored);
    expect(view.status.lastRunAt).toBe(stateOf(second).status.lastRunAt);
    expect(view.task.health).toBe('idle');

    const disabled = await callRoute(host, 'PUT', connectionPath(created.id), {
      user: 'mail_admin',
      body: connectionRequest(tenantId, { namespace: created.settings.namespace, enabled: false }),
    });
    expect(disabled.status).toBe(200);
    expect(await run(created.id)).toMatchObject({
      status: 409,
      body: { message: 'The connection is disabled: enable it to run it' },
    });
  });

  it('ends a run at its next page when the connection is disabled, keeping its progress, and resumes exactly once enabled', async () => {
    const tenantId = addSettledTenant(emulator, 8203, 100, Date.now());
    // Thirty days are three ten-day windows of one page each; the first two pages take a while.
    emulator.faults.inject({ kind: 'hang', delayMs: 4000, count: 2, tenantId });
    const request = connectionRequest(tenantId, { lookbackDays: 30 });
    const created = await createConnection(host, request);
    const stream = dataStreamOf(created);
    const save = (enabled: boolean) =>
      callRoute(host, 'PUT', connectionPath(created.id), {
        user: 'mail_admin',
        body: { ...request, enabled },
      });
    // The first write creates the data stream, whose shard may still be starting when first seen.
    const stored = () =>
      storedObservations(es, stream).then(
        (keys) => keys.length,
        () => 0
      );
    await waitFor(async () => (await stored()) > 0 || undefined, {
      timeoutMs: 30_000,
      intervalMs: 200,
      what: 'the first page to be stored',
    });

    // Disabled while the run waits for its second page.
    const disabled = await save(false);
    expect(disabled.status).toBe(200);
    expect(disabled.body.task).toEqual({ health: 'disabled' });
    expect((await collectTaskOf(host, created.id)).status).toBe('running');
    expect(await run(created.id)).toMatchObject({
      status: 409,
      body: { message: 'The connection is disabled: enable it to run it' },
    });
    // Long before Task Manager's retryAt (5 minutes here) would free a run whose result was lost.
    const stopped = await waitFor(
      async () => {
        const task = await collectTaskOf(host, created.id);
        return task.status === 'idle' && !task.enabled ? task : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 200, what: 'the run to end and the task to disable itself' }
    );
    const kept = stateOf(stopped);
    const { backfillStart } = kept.checkpoint!;
    // The first window was stored before the disable; the page that arrived after it was not.
    expect(kept.checkpoint).toEqual({ backfillStart, collectedUntil: backfillStart + 10 * DAY });
    expect(backfillStart).toBeLessThan(Date.now() - 29 * DAY);
    const firstWindow = await againstTruth(tenantId, created, kept.checkpoint!);
    expect(firstWindow).toMatchObject({ missing: [], unexpected: [], duplicates: 0 });
    expect(kept.status).toMatchObject({
      documentsTotal: firstWindow.stored,
      caughtUp: false,
      windowsDone: 1,
    });
    expect(kept.status.lastError).toBeUndefined();
    expect(emulator.requests.messageTraceCalls(tenantId)).toHaveLength(2);
    expect(await viewOf(host, created.id)).toMatchObject({
      status: { documentsTotal: firstWindow.stored },
      task: { health: 'disabled' },
    });

    expect((await save(true)).status).toBe(200);
    const resumed = await settledTask(
      host,
      created.id,
      (task) => task.enabled === true && stateOf(task).status.caughtUp === true,
      'collection to catch up once enabled'
    );
    expect(stateOf(resumed).checkpoint!.backfillStart).toBe(backfillStart);
    const result = await againstTruth(tenantId, created, stateOf(resumed).checkpoint!);
    expect(result).toMatchObject({ missing: [], unexpected: [], duplicates: 0 });
    expect(stateOf(resumed).status.documentsTotal).toBe(result.stored);
  });

  it('ends a run at its next page when the connection is re-authorised, and goes on at once with the new key', async () => {
    const tenantId = addSettledTenant(emulator, 8204, 100, Date.now());
    emulator.faults.inject({ kind: 'hang', delayMs: 4000, count: 2, tenantId });
    const created = await createConnection(host, connectionRequest(tenantId, { lookbackDays: 30 }));
    const stream = dataStreamOf(created);
    await waitFor(
      async () =>
        (await storedObservations(es, stream).then(
          (keys) => keys.length,
          () => 0
        )) > 0 || undefined,
      { timeoutMs: 30_000, intervalMs: 200, what: 'the first page to be stored' }
    );
    // A new key while the run waits for its second page: the run's own key is now invalidated.
    const authorized = await callRoute(host, 'POST', connectionPath(created.id, '_authorize'), {
      user: 'mail_admin',
    });
    expect(authorized.status).toBe(200);
    expect((await collectTaskOf(host, created.id)).status).toBe('running');
    // Without ending there, the page would be written with the invalidated key, the run would
    // fail asking to re-authorise, and nothing would run again before the next interval.
    const caughtUp = await settledTask(
      host,
      created.id,
      (task) => stateOf(task).status.caughtUp === true,
      'collection to catch up with the new key'
    );
    expect(stateOf(caughtUp).status.lastError).toBeUndefined();
    const result = await againstTruth(tenantId, created, stateOf(caughtUp).checkpoint!);
    expect(result).toMatchObject({ missing: [], unexpected: [], duplicates: 0 });
  });

  it('backfills an older range after the regular collection, each document exactly once', async () => {
    const tenantId = addSettledTenant(emulator, 8202, 200, Date.now());
    const created = await createConnection(host, connectionRequest(tenantId));
    const first = await settledTask(host, created.id, (t) => stateOf(t).status.caughtUp === true);
    const collectedFrom = stateOf(first).checkpoint!.backfillStart;
    const regularDocuments = stateOf(first).status.documentsTotal!;
    // A day before the regular collection, overlapping its first hour (which adds nothing).
    const start = new Date(collectedFrom - 24 * HOUR).toISOString();
    const end = new Date(collectedFrom + HOUR).toISOString();

    const response = await callRoute(host, 'POST', connectionPath(created.id, '_backfill'), {
      user: 'mail_admin',
      body: { start, end },
    });
    expect(response.status).toBe(200);
    expect(response.body.backfill).toMatchObject({ start, end, done: false });

    const view = await waitFor(
      async () => {
        const current = await viewOf(host, created.id);
        return current.backfill?.done ? current : undefined;
      },
      { timeoutMs: 45_000, intervalMs: 200, what: 'the backfill to finish' }
    );
    const backfilled = emulator
      .truthObservations(tenantId, { start: Date.parse(start), end: collectedFrom, at: Date.now() })
      .map((row) => observationKey(row.id, row.recipientAddress, row.status));
    expect(backfilled.length).toBeGreaterThan(0);
    expect(view.backfill).toEqual({
      start,
      end,
      requestedAt: response.body.backfill.requestedAt,
      readUntil: end,
      documents: new Set(backfilled).size,
      done: true,
      finishedAt: expect.any(String),
    });

    const task = await settledTask(host, created.id, () => true);
    const result = await againstTruth(tenantId, created, {
      backfillStart: Date.parse(start),
      collectedUntil: stateOf(task).checkpoint!.collectedUntil,
    });
    expect(result).toMatchObject({ missing: [], unexpected: [], duplicates: 0 });
    expect(result.stored).toBe(stateOf(task).status.documentsTotal! + view.backfill!.documents);
    expect(stateOf(task).status.documentsTotal).toBeGreaterThanOrEqual(regularDocuments);

    // The same range again reads it all and adds nothing.
    const again = await callRoute(host, 'POST', connectionPath(created.id, '_backfill'), {
      user: 'mail_admin',
      body: { start, end },
    });
    expect(again.body.backfill.requestedAt).not.toBe(response.body.backfill.requestedAt);
    const repeated = await waitFor(
      async () => {
        const current = await viewOf(host, created.id);
        return current.backfill?.done ? current : undefined;
      },
      { timeoutMs: 45_000, intervalMs: 200, what: 'the repeated backfill to finish' }
    );
    expect(repeated.backfill).toMatchObject({ documents: 0, readUntil: end, done: true });
    expect((await storedObservations(es, dataStreamOf(created))).length).toBe(result.stored);
  });
});
