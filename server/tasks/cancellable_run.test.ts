import type { ElasticsearchClient, Logger } from '@kbn/core/server';
import type { ConcreteTaskInstance, RunContext } from '@kbn/task-manager-plugin/server';
import { sleepingClock } from '../../test/clock/sleeping_clock';
import { ElasticsearchReachability } from '../services/elasticsearch_reachability';
import { createCancellableRunner, runDeadline } from './cancellable_run';

const TIMEOUT_MS = 10_000;
const CLAIMED_AT = 1_000;
const DEADLINE = runDeadline(CLAIMED_AT, TIMEOUT_MS);

/** Elasticsearch as the probe meets it: down for the next `downFor` pings, then answering. */
function elasticsearch(downFor: number) {
  let pings = 0;
  const client = {
    ping: async () => {
      pings += 1;
      if (pings <= downFor) {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9200'), {
          name: 'ConnectionError',
        });
      }
      return { statusCode: 200 };
    },
    cluster: { health: async () => ({ status: 'yellow', timed_out: false }) },
  } as unknown as ElasticsearchClient;
  return { client, pings: () => pings };
}

function servicesFor(downFor: number, endsAt: number) {
  const { clock, slept } = sleepingClock(endsAt);
  const lines: string[] = [];
  const log = (line: string) => void lines.push(line);
  const logger = { info: log, warn: log, error: log, debug: log } as unknown as Logger;
  const es = elasticsearch(downFor);
  const services = { clock, logger, reachability: new ElasticsearchReachability(es.client, clock) };
  return { services, slept, lines, pings: es.pings };
}

const task = { id: 't', startedAt: new Date(CLAIMED_AT), state: {} } as ConcreteTaskInstance;

function runWith(
  services: ReturnType<typeof servicesFor>['services'],
  run: () => Promise<{ state: Record<string, unknown> }>,
  controller = new AbortController()
) {
  const runner = createCancellableRunner(async () => services, TIMEOUT_MS, run);
  return runner({ taskInstance: task, signal: controller.signal } as unknown as RunContext).run();
}

describe('a cancellable run whose result Elasticsearch must record', () => {
  it('is handed the deadline counted from the claim', async () => {
    const { services } = servicesFor(0, 5_000);
    const seen: number[] = [];
    const runner = createCancellableRunner(
      async () => services,
      TIMEOUT_MS,
      async (...args) => {
        seen.push(args[3]);
        return { state: {} };
      }
    );
    await runner({ taskInstance: task } as unknown as RunContext).run();
    expect(seen).toEqual([CLAIMED_AT + 8_000]);
  });

  it('returns at once when Elasticsearch answers', async () => {
    const { services, slept, pings, lines } = servicesFor(0, 5_000);
    await expect(runWith(services, async () => ({ state: { n: 1 } }))).resolves.toEqual({
      state: { n: 1 },
    });
    expect({ pings: pings(), slept, lines }).toEqual({ pings: 1, slept: [], lines: [] });
  });

  it('ended while Elasticsearch could not be reached, returns its result once it answers again', async () => {
    const { services, slept, lines } = servicesFor(3, 5_000);
    await expect(runWith(services, async () => ({ state: { n: 2 } }))).resolves.toEqual({
      state: { n: 2 },
    });
    // The first probe saw it down, the wait asked three more times.
    expect(slept).toEqual([1000, 1000]);
    expect(lines).toEqual([
      `Elasticsearch cannot record the run's result (it refuses connections): waiting for it until ${new Date(DEADLINE).toISOString()}`,
      `Elasticsearch answers again: recording the run's result`,
    ]);
  });

  it('throws its error once Elasticsearch answers again, so Task Manager can record the failure', async () => {
    const { services, slept } = servicesFor(2, 5_000);
    await expect(
      runWith(services, async () => {
        throw new Error('Graph said no');
      })
    ).rejects.toThrow('Graph said no');
    expect(slept).toEqual([1000]);
  });

  it('waits no longer than its deadline', async () => {
    const { services, slept, lines } = servicesFor(Infinity, 5_000);
    await expect(runWith(services, async () => ({ state: {} }))).resolves.toEqual({ state: {} });
    expect(slept.reduce((sum, ms) => sum + ms, 0)).toBe(DEADLINE - 5_000);
    expect(lines[1]).toBe(`Elasticsearch did not answer by the run's deadline: its result is lost`);
  });

  it('does not wait when Task Manager cancelled it', async () => {
    const { services, pings } = servicesFor(Infinity, 5_000);
    const controller = new AbortController();
    const result = runWith(
      services,
      async () => {
        controller.abort();
        return { state: {} };
      },
      controller
    );
    await expect(result).resolves.toEqual({ state: {} });
    expect(pings()).toBe(0);
  });
});
