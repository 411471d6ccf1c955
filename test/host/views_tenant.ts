import { Client } from '@elastic/elasticsearch';
import type { ConnectionView } from '../../common/http_api/connections';
import { connectionPath } from '../../common/http_api/connections';
import { DEFAULT_DATASET, dataStreamName } from '../../server/lib/data_stream/data_stream_name';
import type { CollectTaskState } from '../../server/tasks/collect_task_state';
import { CHAOS_CLIENT_ID, CHAOS_SECRET, tenantIdFor } from '../collector/chaos_tenant';
import { SyntheticTenant, type GraphEmulator, type TruthObservation } from '../graph_emulator';
import { PhasedRowSource } from '../graph_emulator/phased_source';
import { connectionRequest, createConnection, settledTask, viewOf } from './emulated_graph_host';
import type { KibanaHost } from './kibana_host';
import { callRoute, esUrl, waitFor } from './test_support';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const VIEWS_LOCAL_DOMAINS = ['contoso.com', 'contoso.co.uk'];
/** The suspicious senders period: the 3 days up to the anchor's story, then 4 days of baseline. */
export const PERIOD_DAYS = 3;
export const BASELINE_DAYS = 4;
const LOOKBACK_DAYS = 11;

/**
 * The planted senders mail on weekdays and the partner switches networks 36 hours before the
 * anchor, so the anchor is the current hour from Tuesday to Friday (UTC) and otherwise the last
 * Friday evening: the period then always holds weekday mail from each of them.
 */
export function storyAnchor(nowMs: number): number {
  const hour = Math.floor(nowMs / HOUR) * HOUR;
  const weekday = new Date(hour).getUTCDay();
  if (weekday >= 2 && weekday <= 5) return hour;
  const daysSinceFriday = (weekday + 2) % 7;
  const friday = Math.floor(nowMs / DAY) * DAY - daysSinceFriday * DAY;
  return friday + 20 * HOUR;
}

export interface ViewsTenant {
  tenantId: string;
  synthetic: SyntheticTenant;
  source: PhasedRowSource;
  connection: ConnectionView;
  /** What the collector read, first in the rows' first statuses, then again after they settled. */
  collected: { startMs: number; endMs: number };
  anchorMs: number;
}

/**
 * The emulator's synthetic tenant collected by our plugin through a connection (as the settings
 * page saves it): read once in the rows' first statuses, then settled and backfilled again over
 * the same range, so rows whose status changed are stored twice and views must count them once.
 */
export async function collectViewsTenant(
  host: KibanaHost,
  emulator: GraphEmulator,
  {
    seed,
    rowsPerDay = 1500,
    historyDays,
  }: {
    seed: number;
    rowsPerDay?: number;
    /** A young tenant: no mail before this many days ago (else the collector's whole lookback). */
    historyDays?: number;
  }
): Promise<ViewsTenant> {
  const anchorMs = storyAnchor(Date.now());
  const synthetic = new SyntheticTenant({
    seed,
    rowsPerDay,
    anchorMs,
    localDomains: VIEWS_LOCAL_DOMAINS,
    lateArrivals: false,
    ...(historyDays !== undefined ? { historyStartMs: Date.now() - historyDays * DAY } : {}),
  });
  const source = new PhasedRowSource(synthetic);
  const tenantId = tenantIdFor(seed);
  emulator.addTenant({
    tenantId,
    apps: [{ clientId: CHAOS_CLIENT_ID, secrets: [{ value: CHAOS_SECRET }] }],
    source,
  });
  const connection = await createConnection(
    host,
    connectionRequest(tenantId, {
      name: 'Contoso (synthetic)',
      localDomains: VIEWS_LOCAL_DOMAINS,
      lookbackDays: LOOKBACK_DAYS,
      namespace: `views${seed}_${Date.now()}`,
    })
  );
  const stateOf = (task: { state: Record<string, unknown> }) => task.state as CollectTaskState;
  const first = await settledTask(host, connection.id, (t) => stateOf(t).status.caughtUp === true);
  const checkpoint = stateOf(first).checkpoint!;
  source.settle();
  const backfill = await callRoute(host, 'POST', connectionPath(connection.id, '_backfill'), {
    user: 'mail_admin',
    body: {
      start: new Date(checkpoint.backfillStart).toISOString(),
      end: new Date(checkpoint.collectedUntil).toISOString(),
    },
  });
  if (backfill.status !== 200) throw new Error(`backfill: ${JSON.stringify(backfill.body)}`);
  await waitFor(async () => (await viewOf(host, connection.id)).backfill?.done, {
    timeoutMs: 120_000,
    intervalMs: 250,
    what: 'the backfill of the settled tenant',
  });
  // The collector leaves refreshing to the index's schedule; a view asked at once must see it all.
  const es = new Client({ node: esUrl() });
  await es.indices.refresh({
    index: dataStreamName(DEFAULT_DATASET, connection.settings.namespace),
  });
  await es.close();
  return {
    tenantId,
    synthetic,
    source,
    connection,
    collected: { startMs: checkpoint.backfillStart, endMs: checkpoint.collectedUntil },
    anchorMs,
  };
}

/** What the emulator says the rows of [start, end] are now: one status per row. */
export function truthOf(
  emulator: GraphEmulator,
  tenant: ViewsTenant,
  range: { startMs: number; endMs: number }
): TruthObservation[] {
  return emulator.truthObservations(tenant.tenantId, {
    start: range.startMs,
    end: range.endMs,
    at: Date.now(),
  });
}
