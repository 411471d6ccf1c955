import * as t from 'io-ts';

const sample = t.type({ reason: t.string, row: t.string });
const failedSample = t.type({ id: t.string, reason: t.string });

/** How a connection's collection is doing, as its task records it and the settings page shows it. */
export const connectionStatusCodec = t.partial({
  lastRunAt: t.string,
  lastSuccessAt: t.string,
  /** Everything received up to here has been read once. */
  collectedUntil: t.string,
  caughtUp: t.boolean,
  documentsLastRun: t.number,
  documentsTotal: t.number,
  rowsRejectedLastRun: t.number,
  rowsRejectedTotal: t.number,
  documentsFailedLastRun: t.number,
  windowsDone: t.number,
  windowsLeft: t.number,
  budgetUsed: t.number,
  budgetLimit: t.number,
  lastError: t.type({ kind: t.string, message: t.string, at: t.string }),
  rejectedSamples: t.array(sample),
  failedSamples: t.array(failedSample),
});

export type ConnectionStatus = t.TypeOf<typeof connectionStatusCodec>;
