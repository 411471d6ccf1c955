import { MAX_WINDOW_MS } from '../graph/graph_client';
import {
  DEFAULT_WINDOW_SETTINGS,
  initialCheckpoint,
  MAX_LOOKBACK_MS,
  nextPass,
  retentionFloor,
  windowsLeft,
  withPageRead,
} from './windows';

const DAY = 86_400_000;
const now = Date.parse('2026-11-24T12:00:00Z');
const settings = { ...DEFAULT_WINDOW_SETTINGS, lookbackMs: 25 * DAY };

describe('collection windows', () => {
  it('backfills the lookback in back-to-back windows of at most 10 days', () => {
    let checkpoint = initialCheckpoint(now, settings);
    expect(checkpoint.collectedUntil).toBe(now - 25 * DAY);
    const windows = [];
    for (
      let pass = nextPass(checkpoint, now, settings);
      pass?.kind === 'collect';
      pass = nextPass(checkpoint, now, settings)
    ) {
      windows.push(pass);
      checkpoint = withPageRead(checkpoint, pass, undefined, now);
    }
    expect(windows.map((w) => [w.start, w.end])).toEqual([
      [now - 25 * DAY, now - 15 * DAY],
      [now - 15 * DAY, now - 5 * DAY],
      [now - 5 * DAY, now],
    ]);
    expect(windows.every((w) => w.end - w.start <= MAX_WINDOW_MS)).toBe(true);
    expect(checkpoint.collectedUntil).toBe(now);
  });

  it('keeps the window in progress with its next link until its last page', () => {
    const checkpoint = initialCheckpoint(now, settings);
    const pass = nextPass(checkpoint, now, settings)!;
    const midWindow = withPageRead(checkpoint, pass, 'https://graph/next', now);
    expect(nextPass(midWindow, now + 1000, settings)).toEqual({
      ...pass,
      nextLink: 'https://graph/next',
    });
    expect(midWindow.collectedUntil).toBe(checkpoint.collectedUntil);
    expect(windowsLeft(midWindow, now)).toBe(3);
  });

  it('re-reads the trailing span when caught up and due, then waits for new data', () => {
    const caughtUp = { backfillStart: now - 25 * DAY, collectedUntil: now };
    const reread = nextPass(caughtUp, now + 1000, settings);
    expect(reread).toEqual({ kind: 'reread', start: now - DAY, end: now });
    const done = withPageRead(caughtUp, reread!, undefined, now + 2000);
    expect(done.lastRereadAt).toBe(now + 2000);
    expect(nextPass(done, now + 3000, settings)).toBeUndefined();
    expect(nextPass(done, now + 5 * 60_000, settings)).toEqual({
      kind: 'collect',
      start: now,
      end: now + 5 * 60_000,
    });
    expect(
      nextPass({ ...done, collectedUntil: now + 31 * 60_000 }, now + 31 * 60_000, settings)?.kind
    ).toBe('reread');
  });

  it('never asks for data older than Graph keeps (90 days)', () => {
    const checkpoint = initialCheckpoint(now, { ...settings, lookbackMs: 365 * DAY });
    expect(checkpoint.backfillStart).toBeGreaterThan(now - MAX_LOOKBACK_MS);
    const stale = { backfillStart: now - 200 * DAY, collectedUntil: now - 200 * DAY };
    expect(nextPass(stale, now, settings)!.start).toBeGreaterThan(now - MAX_LOOKBACK_MS);
  });

  it('with stopAt, reads in windows up to the bound and no further, and is caught up there', () => {
    const start = now - 30 * DAY;
    const stopAt = now - 12 * DAY - 30_000;
    const bounded = { ...settings, stopAt, rereadMs: 0 };
    let checkpoint = { backfillStart: start, collectedUntil: start };
    const windows = [];
    for (
      let pass = nextPass(checkpoint, now, bounded);
      pass;
      pass = nextPass(checkpoint, now, bounded)
    ) {
      windows.push([pass.start, pass.end]);
      checkpoint = withPageRead(checkpoint, pass, undefined, now);
    }
    expect(windows).toEqual([
      [start, start + 10 * DAY],
      [start + 10 * DAY, stopAt],
    ]);
    expect(checkpoint.collectedUntil).toBe(stopAt);
  });

  it('reads a bound within the settle time, which a regular run would leave for later', () => {
    const checkpoint = { backfillStart: now - DAY, collectedUntil: now - 20_000 };
    expect(nextPass(checkpoint, now, { ...settings, rereadMs: 0 })).toBeUndefined();
    expect(nextPass(checkpoint, now, { ...settings, rereadMs: 0, stopAt: now - 5000 })).toEqual({
      kind: 'collect',
      start: now - 20_000,
      end: now - 5000,
    });
  });

  it('never reads past now, even with a bound in the future', () => {
    const checkpoint = { backfillStart: now - DAY, collectedUntil: now - DAY };
    expect(nextPass(checkpoint, now, { ...settings, stopAt: now + DAY })!.end).toBe(now);
  });

  it('starts a bounded read that has aged out at the retention floor', () => {
    const checkpoint = { backfillStart: now - 100 * DAY, collectedUntil: now - 100 * DAY };
    const pass = nextPass(checkpoint, now, { ...settings, stopAt: now - 85 * DAY });
    expect(pass).toEqual({ kind: 'collect', start: retentionFloor(now), end: now - 85 * DAY });
    expect(nextPass(checkpoint, now, { ...settings, stopAt: now - 95 * DAY, rereadMs: 0 })).toBe(
      undefined
    );
  });

  it('asks Graph for whole seconds only, so a checkpoint holds exactly the span that was read', () => {
    // Graph's filter takes YYYY-MM-DDThh:mm:ssZ: a start of 12:00:00.750 would be sent as 12:00:00.
    const late = Date.parse('2026-11-24T12:00:00.750Z');
    const fresh = initialCheckpoint(late, { ...settings, lookbackMs: 2 * DAY });
    expect(fresh).toEqual({
      backfillStart: Date.parse('2026-11-22T12:00:00Z'),
      collectedUntil: Date.parse('2026-11-22T12:00:00Z'),
    });
    expect(nextPass(fresh, late, settings)).toEqual({
      kind: 'collect',
      start: Date.parse('2026-11-22T12:00:00Z'),
      end: Date.parse('2026-11-24T12:00:00Z'),
    });
    expect(retentionFloor(late)).toBe(Date.parse('2026-08-26T13:00:01Z'));
    // A checkpoint saved before windows were whole seconds.
    const saved = { backfillStart: now - DAY / 2 + 250, collectedUntil: now - 2 * 60_000 + 400 };
    expect(nextPass(saved, late, settings)).toEqual({
      kind: 'collect',
      start: now - 2 * 60_000,
      end: now,
    });
    expect(nextPass({ ...saved, collectedUntil: now + 400 }, late, settings)).toEqual({
      kind: 'reread',
      start: now - DAY / 2,
      end: now,
    });
  });
});
