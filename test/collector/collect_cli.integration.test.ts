import { Client } from '@elastic/elasticsearch';
import { GraphEmulator } from '../graph_emulator';
import { esUrl } from '../host/test_support';
import {
  addSettledTenant,
  CHAOS_SECRET,
  collectArgs,
  freshStateDir,
  readCliCheckpoint,
  SECRET_ENV,
} from './chaos_tenant';
import { runCli } from './cli_process';
import { compareWithTruth } from './observations';

describe('exchange-message-trace collect --once', () => {
  let emulator: GraphEmulator;
  const es = new Client({ node: esUrl() });

  beforeAll(async () => {
    emulator = await GraphEmulator.start();
  });

  afterAll(async () => {
    await emulator.stop();
    await es.close();
  });

  /** A settled tenant of its own, and the command line's flags and state to collect it. */
  function scenario(seed: number, rowsPerDay: number, name: string, extra: string[]) {
    const now = Date.now();
    const tenantId = addSettledTenant(emulator, seed, rowsPerDay, now);
    const stateDir = freshStateDir();
    const namespace = `${name}${now}`;
    const dataStream = `logs-microsoft_exchange_online_message_trace.log-${namespace}`;
    const args = collectArgs({ emulator, tenantId, esUrl: esUrl(), namespace, stateDir, extra });
    const compare = () =>
      compareWithTruth({
        es,
        emulator,
        tenantId,
        dataStream,
        checkpoint: readCliCheckpoint(stateDir, tenantId, namespace),
      });
    return { tenantId, dataStream, args, compare, env: { [SECRET_ENV]: CHAOS_SECRET } };
  }

  it('collects the lookback into the data stream, prints its summary, and adds nothing when run again', async () => {
    const { dataStream, args, compare, env } = scenario(9001, 800, 'cli', [
      '--lookback',
      '1d',
      '--page-size',
      '200',
    ]);

    const first = await runCli(args, { env });
    expect(first.stderr).not.toContain(CHAOS_SECRET);
    expect(first.code).toBe(0);
    expect(first.summary).toMatchObject({
      dataStream,
      rejected: 0,
      failed: 0,
      windows: 1,
      caughtUp: true,
    });
    const result = await compare();
    expect(result).toMatchObject({ missing: [], unexpected: [], duplicates: 0 });
    expect(result.expected).toBeGreaterThan(300);
    expect(first.summary!.documents).toBe(result.expected);

    const second = await runCli(args, { env });
    expect(second.code).toBe(0);
    expect(second.summary).toMatchObject({ documents: 0 });
    expect(await compare()).toMatchObject({ missing: [], unexpected: [], duplicates: 0 });
  });

  it('reports malformed rows with the reason and keeps the rows around them', async () => {
    const { tenantId, args, compare, env } = scenario(9002, 400, 'malformed', ['--lookback', '1d']);
    emulator.faults.inject({ kind: 'malformedRows', rowsPerPage: 2, count: 1, tenantId });
    const outcome = await runCli(args, { env });
    expect(outcome.code).toBe(0);
    const served = emulator.faults.malformedRows.filter((report) =>
      report.path.includes('messageTraces')
    );
    expect(served.length).toBe(2);
    expect(outcome.summary).toMatchObject({ rejected: 2, failed: 0 });
    expect((outcome.summary!.rejectedSamples as Array<{ reason: string }>)[0]!.reason).toMatch(
      /expected|must/
    );
    // The trailing re-read serves those rows intact, so in the end nothing is missing.
    const result = await compare();
    expect(result).toMatchObject({ missing: [], unexpected: [], duplicates: 0 });
  });

  it('refuses plain http hosts and says what is missing', async () => {
    const outcome = await runCli([
      'collect',
      '--tenant-id',
      't',
      '--client-id',
      'c',
      '--client-secret-env',
      'NOPE',
      '--es-url',
      esUrl(),
      '--graph-url',
      'http://127.0.0.1:1',
      '--once',
    ]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('Graph URL must be an https URL');
  });
});
