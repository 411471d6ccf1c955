import type { ElasticsearchClient, Logger } from '@kbn/core/server';
import type { ConcreteTaskInstance, RunContext } from '@kbn/task-manager-plugin/server';
import { ELASTICSEARCH_UNREACHABLE_ERROR_KIND } from '../../common/http_api/connections';
import { sleepingClock } from '../../test/clock/sleeping_clock';
import { ElasticsearchReachability } from '../services/elasticsearch_reachability';
import { createCollectTaskRunner, type CollectTaskServices } from './collect_task_runner';
import { COLLECT_TASK_STATE_VERSION } from './collect_task_state';

const CLAIMED_AT = Date.parse('2026-03-01T10:00:00.000Z');
const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9200'), { name: 'ConnectionError' });

/** Elasticsearch as the probe meets it: down for the next `downFor` pings, then answering. */
function reachabilityOf(downFor: number, clock: CollectTaskServices['clock']) {
  let pings = 0;
  const client = {
    ping: async () => {
      pings += 1;
      if (pings <= downFor) throw refused();
      return { statusCode: 200 };
    },
    cluster: { health: async () => ({ status: 'yellow', timed_out: false }) },
  } as unknown as ElasticsearchClient;
  return new ElasticsearchReachability(client, clock);
}

/** The state the run starts from: an earlier run's progress and status. */
const previousState = {
  version: COLLECT_TASK_STATE_VERSION,
  tenantId: 'tenant-a',
  checkpoint: { backfillStart: 1_000, collectedUntil: 5_000 },
  status: { lastSuccessAt: '2026-03-01T09:55:00.000Z', documentsTotal: 42, caughtUp: true },
};

/** A run whose read of its connection fails with `readError`, with Elasticsearch down for `downFor` pings. */
async function runUnreadable(readError: Error, downFor: number) {
  const { clock } = sleepingClock(CLAIMED_AT);
  const lines: string[] = [];
  const log = (line: string) => void lines.push(line);
  const services = {
    connections: { getWithSecrets: async () => Promise.reject(readError) },
    clock,
    logger: { info: log, warn: log, error: log, debug: log } as unknown as Logger,
    reachability: reachabilityOf(downFor, clock),
  } as unknown as CollectTaskServices;
  const task = {
    id: 'exchangeMessageTrace:collect:c1',
    params: { connectionId: 'c1' },
    state: previousState,
    startedAt: new Date(CLAIMED_AT),
  } as unknown as ConcreteTaskInstance;
  const runner = createCollectTaskRunner(async () => services, 600_000);
  const result = await runner({ taskInstance: task } as unknown as RunContext).run();
  return { result, lines };
}

describe('a collection run that cannot read its connection', () => {
  it('while Elasticsearch is down, records the outage as the failed run, keeping the progress', async () => {
    const { result, lines } = await runUnreadable(refused(), 2);
    expect(result).toEqual({
      state: {
        ...previousState,
        status: {
          ...previousState.status,
          lastRunAt: '2026-03-01T10:00:00.000Z',
          caughtUp: false,
          lastError: {
            kind: ELASTICSEARCH_UNREACHABLE_ERROR_KIND,
            message: 'connect ECONNREFUSED 127.0.0.1:9200',
            at: '2026-03-01T10:00:00.000Z',
          },
        },
      },
    });
    expect(lines[0]).toBe(
      'Collection for connection c1 failed: its settings could not be read: connect ECONNREFUSED 127.0.0.1:9200'
    );
  });

  it('while Elasticsearch answers, records the error as an internal failure', async () => {
    const { result } = await runUnreadable(new Error('Unable to decrypt attribute "secrets"'), 0);
    expect((result as { state: typeof previousState }).state.status).toEqual({
      ...previousState.status,
      lastRunAt: '2026-03-01T10:00:00.000Z',
      caughtUp: false,
      lastError: {
        kind: 'internal',
        message: 'Unable to decrypt attribute "secrets"',
        at: '2026-03-01T10:00:00.000Z',
      },
    });
  });
});
