import * as t from 'io-ts';

/** A window being read; `nextLink` is the page to fetch next, exactly as Graph returned it. */
export const collectorPassCodec = t.intersection([
  t.type({
    kind: t.union([t.literal('collect'), t.literal('reread')]),
    start: t.number,
    end: t.number,
  }),
  t.partial({ nextLink: t.string }),
]);

export type CollectorPass = t.TypeOf<typeof collectorPassCodec>;

/**
 * Where collection stands: everything received in [backfillStart, collectedUntil] has been read
 * once; `pass` is the window in progress. Times are epoch milliseconds.
 */
export const collectorCheckpointCodec = t.intersection([
  t.type({ backfillStart: t.number, collectedUntil: t.number }),
  t.partial({ pass: collectorPassCodec, lastRereadAt: t.number }),
]);

export type CollectorCheckpoint = t.TypeOf<typeof collectorCheckpointCodec>;
