import { backfillRangeProblems } from './backfill_range';
import { MAX_LOOKBACK_MS, retentionFloor } from './windows';

const HOUR = 3_600_000;
const now = Date.parse('2026-11-24T12:00:00Z');

describe('backfill range', () => {
  it('accepts a past range within the retention', () => {
    expect(backfillRangeProblems(now - 80 * 24 * HOUR, now - HOUR, now)).toEqual([]);
    expect(backfillRangeProblems(retentionFloor(now), now, now)).toEqual([]);
  });

  it('refuses a start beyond the retention, with the earliest start allowed', () => {
    expect(backfillRangeProblems(now - MAX_LOOKBACK_MS, now - HOUR, now)).toEqual([
      `start: must be within Microsoft's 90-day retention, no earlier than ${new Date(retentionFloor(now)).toISOString()}`,
    ]);
  });

  it('refuses an end in the future and an empty or reversed range', () => {
    expect(backfillRangeProblems(now - HOUR, now + 1, now)).toEqual([
      'end: must not be in the future',
    ]);
    expect(backfillRangeProblems(now - HOUR, now - HOUR, now)).toEqual([
      'start: must be before end',
    ]);
    expect(backfillRangeProblems(now - HOUR, now - 2 * HOUR, now)).toEqual([
      'start: must be before end',
    ]);
  });
});
