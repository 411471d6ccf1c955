import { Client } from '@elastic/elasticsearch';
import { DAY_MS } from '../../common/time';
import { GraphEmulator, type FaultSpec } from '../graph_emulator';
import { Rng } from '../graph_emulator/random';
import { esUrl } from '../host/test_support';
import {
  addSettledTenant,
  CHAOS_SECRET,
  collectArgs,
  freshStateDir,
  readCliCheckpoint,
  SECRET_ENV,
} from './chaos_tenant';
import { runCli, type CliOutcome } from './cli_process';
import { EsFaultProxy } from './es_fault_proxy';
import { compareWithTruth } from './observations';

const RUNS = 30;
const MAX_ATTEMPTS = 15;

/**
 * Graph faults a run meets: transient ones the collector must ride out without losing a row. Each
 * seed draws three kinds besides the steady 5xx, so the 30 runs cover them all in various orders
 * while a run stays short (every fault costs a backoff).
 */
function injectGraphFaults(emulator: GraphEmulator, tenantId: string, rng: Rng) {
  const status = rng.pick([500, 502, 503, 504] as const);
  emulator.faults.inject({ kind: 'serverError', status, probability: 0.05, tenantId });
  const kinds: FaultSpec[] = [
    { kind: 'throttle', retryAfterSeconds: 1, count: rng.int(1, 3), tenantId },
    { kind: 'hang', delayMs: 2500, count: 1, tenantId },
    { kind: 'truncatedBody', count: 1, tenantId },
    { kind: 'truncatedBody', abortConnection: true, count: 1, tenantId },
    { kind: 'malformedJson', count: 1, tenantId },
  ];
  for (let drawn = 0; drawn < 3; drawn++) {
    emulator.faults.inject(kinds.splice(rng.int(0, kinds.length - 1), 1)[0]!);
  }
}

/**
 * Every run asks Elasticsearch for this much before it writes anything: the look-ups of the two
 * component templates and the index template, the GeoIP check (collect_command.ts), then the first
 * page's look-up of the ids it already holds (bulk_writer.ts).
 */
const REQUESTS_BEFORE_THE_FIRST_WRITE = 5;

/**
 * Where a run is killed: at a request it is waiting for, never answered. Before the last kill no
 * row is written, so the next run has the same requests to make and meets its kill point too.
 * The last kill may also land on the first write, before or after Elasticsearch carried it out
 * (the restarted run must then neither lose those rows nor write them twice), unless a run that
 * failed on its own may have written rows already, leaving the next one perhaps nothing to write.
 */
function killPoint(
  rng: Rng,
  { lastKill, rowsMayBeWritten }: { lastKill: boolean; rowsMayBeWritten: boolean }
): Parameters<EsFaultProxy['killAt']> {
  const beforeWriting = { bulkOnly: false, afterWrite: false };
  if (!lastKill || rowsMayBeWritten || rng.chance(1 / 3))
    return [rng.int(1, REQUESTS_BEFORE_THE_FIRST_WRITE), beforeWriting];
  return [1, { bulkOnly: true, afterWrite: rng.chance(0.5) }];
}

describe('exactness under chaos: Graph faults, bulk rejections, the collector killed and restarted', () => {
  let emulator: GraphEmulator;
  const es = new Client({ node: esUrl() });

  beforeAll(async () => {
    emulator = await GraphEmulator.start();
  });

  afterAll(async () => {
    await emulator.stop();
    await es.close();
  });

  // Runs mostly wait out backoffs, so five at a time (jest's maxConcurrency) share the machine well.
  it.concurrent.each(Array.from({ length: RUNS }, (_, index) => index + 1))(
    'seed %i: 0 missing, 0 duplicate',
    async (seed) => {
      const rng = Rng.from(seed, 'chaos');
      const now = Date.now();
      const tenantId = addSettledTenant(emulator, seed, rng.int(250, 700), now);
      injectGraphFaults(emulator, tenantId, rng);
      const proxy = await new EsFaultProxy(esUrl(), {
        rejectingRequests: 0.3,
        itemRejection: 0.15,
        requestFailure: 0.05,
        random: () => rng.next(),
      }).start();
      const namespace = `chaos${seed}_${now}`;
      const stateDir = freshStateDir();
      const args = collectArgs({
        emulator,
        tenantId,
        esUrl: proxy.url,
        namespace,
        stateDir,
        extra: [
          '--lookback',
          '1d',
          '--page-size',
          String(rng.int(300, 800)),
          '--budget',
          '100',
          '--request-timeout',
          '2s',
        ],
      });
      const outcomes: CliOutcome[] = [];
      const killedAt: string[] = [];
      const missedKills: number[] = [];
      try {
        let killsLeft = rng.int(1, 3);
        let rowsMayBeWritten = false;
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
          const where = { lastKill: killsLeft === 1, rowsMayBeWritten };
          const kill =
            killsLeft > 0
              ? proxy.killAt(...killPoint(rng, where)).then((at) => killedAt.push(at))
              : undefined;
          const outcome = await runCli(args, {
            env: { [SECRET_ENV]: CHAOS_SECRET },
            killWhen: kill,
          });
          proxy.disarm();
          outcomes.push(outcome);
          if (outcome.killed) killsLeft -= 1;
          // Finished without meeting its kill point: the kill was planned where no run can miss it.
          else if (kill && outcome.code === 0) missedKills.push(attempt);
          else if (outcome.code !== 0) rowsMayBeWritten = true;
          if (outcome.code === 0) break;
        }
      } finally {
        await proxy.stop();
      }
      const last = outcomes[outcomes.length - 1]!;
      expect({ code: last.code, stderr: last.stderr.slice(-2000) }).toMatchObject({ code: 0 });
      expect(missedKills).toEqual([]);
      expect(killedAt).toHaveLength(outcomes.filter((outcome) => outcome.killed).length);

      const dataStream = `logs-microsoft_exchange_online_message_trace.log-${namespace}`;
      const result = await compareWithTruth({
        es,
        emulator,
        tenantId,
        dataStream,
        checkpoint: readCliCheckpoint(stateDir, tenantId, namespace),
        // A run killed after its first write, before its checkpoint, began its day of lookback
        // earlier than the run that finished: no run began before this.
        earliestStart: now - DAY_MS,
      });
      // A few of the keys themselves, so that a failure says which observations and when.
      expect({
        missing: result.missing.slice(0, 5),
        unexpected: result.unexpected.slice(0, 5),
        duplicates: result.duplicates,
      }).toEqual({
        missing: [],
        unexpected: [],
        duplicates: 0,
      });
      expect(result.expected).toBeGreaterThan(100);
    },
    // Restarts and backoff: a slow seed may need more than the integration default.
    150_000
  );
});
