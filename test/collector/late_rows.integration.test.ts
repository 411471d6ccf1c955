import { Client } from '@elastic/elasticsearch';
import { collect } from '../../server/lib/collector/collect';
import { DEFAULT_WINDOW_SETTINGS, initialCheckpoint } from '../../server/lib/collector/windows';
import { DrivenClock, GraphEmulator } from '../graph_emulator';
import { tenantSpec } from '../graph_emulator/test_support';
import { esUrl } from '../host/test_support';
import { emulatedCollectorDeps } from './emulated_collector';
import { observationKey, storedObservations } from './observations';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const start = Date.parse('2026-11-24T08:00:00Z');
const id = (n: number) => `1b2d3f40-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('rows that arrive late and statuses that change', () => {
  const es = new Client({ node: esUrl() });

  afterAll(async () => {
    await es.close();
  });

  it('re-reads the trailing window: a late row and a pending → delivered change both land, nothing twice', async () => {
    const clock = new DrivenClock(start, { autoAdvance: true });
    const emulator = await GraphEmulator.start({ clock });
    emulator.addTenant(
      tenantSpec({}, [
        {
          id: id(1),
          receivedDateTime: new Date(start - 2 * HOUR).toISOString(),
          recipientAddress: 'a@contoso.com',
        },
        {
          id: id(2),
          receivedDateTime: new Date(start - HOUR).toISOString(),
          recipientAddress: 'b@contoso.com',
          timeline: [
            { status: 'pending', from: start - HOUR },
            { status: 'delivered', from: start + 20 * MINUTE },
          ],
        },
        // Received before the first run, visible to Graph only 40 minutes later.
        {
          id: id(3),
          receivedDateTime: new Date(start - 30 * MINUTE).toISOString(),
          recipientAddress: 'c@contoso.com',
          availableAt: start + 10 * MINUTE,
        },
      ])
    );
    const namespace = `late${Date.now()}`;
    const dataStream = `logs-microsoft_exchange_online_message_trace.log-${namespace}`;
    const deps = emulatedCollectorDeps({ emulator, clock, es, namespace });
    const settings = { ...DEFAULT_WINDOW_SETTINGS, lookbackMs: 3 * HOUR };
    try {
      const first = await collect(deps, initialCheckpoint(start, settings), settings);
      expect((await storedObservations(es, dataStream)).sort()).toEqual(
        [
          observationKey(id(1), 'a@contoso.com', 'delivered'),
          observationKey(id(2), 'b@contoso.com', 'pending'),
        ].sort()
      );

      clock.advance(31 * MINUTE);
      const second = await collect(deps, first.checkpoint, settings);
      expect(second.summary.caughtUp).toBe(true);
      expect((await storedObservations(es, dataStream)).sort()).toEqual(
        [
          observationKey(id(1), 'a@contoso.com', 'delivered'),
          observationKey(id(2), 'b@contoso.com', 'pending'),
          observationKey(id(2), 'b@contoso.com', 'delivered'),
          observationKey(id(3), 'c@contoso.com', 'delivered'),
        ].sort()
      );
      expect(second.summary.documentsCreated).toBe(2);
    } finally {
      await emulator.stop();
    }
  });
});
