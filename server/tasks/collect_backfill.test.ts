import { backfillProgress, currentBackfill } from './collect_backfill';
import type { BackfillState } from './collect_task_state';

const request = {
  start: '2026-11-01T00:00:00.000Z',
  end: '2026-11-05T00:00:00.000Z',
  requestedAt: '2026-11-20T10:00:00.000Z',
};
const halfway: BackfillState = {
  ...request,
  checkpoint: {
    backfillStart: Date.parse(request.start),
    collectedUntil: Date.parse('2026-11-03T00:00:00Z'),
  },
  documents: 120,
  done: false,
};

describe('backfill progress', () => {
  it('continues the backfill the task tracks while the connection asks for the same one', () => {
    expect(currentBackfill(request, halfway)).toBe(halfway);
    expect(backfillProgress(request, halfway)).toEqual({
      ...request,
      readUntil: '2026-11-03T00:00:00.000Z',
      documents: 120,
      done: false,
    });
  });

  it('replaces an unfinished backfill with a new request, starting at its start', () => {
    const next = {
      ...request,
      start: '2026-10-01T00:00:00.000Z',
      requestedAt: '2026-11-21T00:00:00.000Z',
    };
    expect(currentBackfill(next, halfway)).toEqual({
      ...next,
      checkpoint: {
        backfillStart: Date.parse(next.start),
        collectedUntil: Date.parse(next.start),
      },
      documents: 0,
      done: false,
    });
    expect(backfillProgress(next, halfway)).toMatchObject({ readUntil: next.start, documents: 0 });
  });

  it('shows a finished backfill as read to its end, and nothing without a request', () => {
    const done = { ...halfway, done: true, finishedAt: '2026-11-20T10:05:00.000Z' };
    expect(backfillProgress(request, done)).toMatchObject({ readUntil: request.end, done: true });
    expect(backfillProgress(undefined, done)).toBeUndefined();
  });
});
