import type { Client, estypes } from '@elastic/elasticsearch';
import type { CollectorCheckpoint } from '../../common/collector_checkpoint';
import { canonicalStatus } from '../../common/graph/message_trace';
import type { GraphEmulator } from '../graph_emulator';

/** One (trace id, recipient, status) observation, spelled the same way on both sides. */
export const observationKey = (id: string, recipient: string, status: string) =>
  `${id.toLowerCase()}|${recipient.toLowerCase()}|${canonicalStatus(status)}`;

interface StoredFields {
  microsoft: {
    online_message_trace: { MessageTraceId: string; RecipientAddress: string; Status: string };
  };
}

/** Every document of the data stream, as observation keys (duplicates kept, to be counted). */
export async function storedObservations(es: Client, dataStream: string): Promise<string[]> {
  await es.indices.refresh({ index: dataStream, ignore_unavailable: true });
  if (!(await es.indices.exists({ index: dataStream }))) return [];
  // A point in time with _shard_doc pages every backing index once, however many there are.
  const { id } = await es.openPointInTime({ index: dataStream, keep_alive: '1m' });
  const keys: string[] = [];
  let searchAfter: estypes.SortResults | undefined;
  try {
    for (;;) {
      const page = await es.search<StoredFields>({
        pit: { id, keep_alive: '1m' },
        size: 5000,
        sort: [{ _shard_doc: 'asc' }],
        _source: [
          'microsoft.online_message_trace.MessageTraceId',
          'microsoft.online_message_trace.RecipientAddress',
          'microsoft.online_message_trace.Status',
        ],
        ...(searchAfter ? { search_after: searchAfter } : {}),
      });
      const hits = page.hits.hits;
      for (const hit of hits) {
        const raw = hit._source!.microsoft.online_message_trace;
        keys.push(observationKey(raw.MessageTraceId, raw.RecipientAddress, raw.Status));
      }
      if (hits.length < 5000) return keys;
      searchAfter = hits[hits.length - 1]!.sort;
    }
  } finally {
    await es.closePointInTime({ id });
  }
}

/**
 * Missing, unexpected and duplicate observations of what was stored, against the truth. A row is
 * unexpected only if it is not in `mayHold` either (default: the truth itself).
 */
export function compareObservations(
  truth: Iterable<string>,
  stored: string[],
  mayHold: Iterable<string> = truth
) {
  const expected = new Set(truth);
  const allowed = new Set(mayHold);
  for (const key of expected) allowed.add(key);
  const unique = new Set(stored);
  return {
    expected: expected.size,
    stored: stored.length,
    missing: [...expected].filter((key) => !unique.has(key)),
    unexpected: [...unique].filter((key) => !allowed.has(key)),
    duplicates: stored.length - unique.size,
  };
}

/**
 * What the data stream holds for the span a collector read, against what the emulator served in it.
 * `earliestStart`: where an earlier run that stopped before saving its checkpoint may have begun
 * (its lookback counted from its own start, earlier than the checkpoint's); rows it wrote from
 * there are real rows, not unexpected ones, though the checkpoint's span does not require them.
 */
export async function compareWithTruth(options: {
  es: Client;
  emulator: GraphEmulator;
  tenantId: string;
  dataStream: string;
  checkpoint: CollectorCheckpoint;
  earliestStart?: number;
}) {
  const at = Date.now();
  const truthFrom = (start: number) =>
    options.emulator
      .truthObservations(options.tenantId, { start, end: options.checkpoint.collectedUntil, at })
      .map((row) => observationKey(row.id, row.recipientAddress, row.status));
  const truth = truthFrom(options.checkpoint.backfillStart);
  const mayHold =
    options.earliestStart !== undefined && options.earliestStart < options.checkpoint.backfillStart
      ? truthFrom(options.earliestStart)
      : truth;
  return compareObservations(
    truth,
    await storedObservations(options.es, options.dataStream),
    mayHold
  );
}
