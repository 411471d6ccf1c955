import { retentionFloor } from './windows';

/**
 * Why a backfill of [start, end) cannot be read, one message per field; none when it can. Graph
 * serves 90 days back, less the margin collection keeps while a window is read.
 */
export function backfillRangeProblems(start: number, end: number, now: number): string[] {
  const problems: string[] = [];
  const floor = retentionFloor(now);
  if (start < floor) {
    problems.push(
      `start: must be within Microsoft's 90-day retention, no earlier than ${new Date(floor).toISOString()}`
    );
  }
  if (end > now) problems.push('end: must not be in the future');
  if (start >= end) problems.push('start: must be before end');
  return problems;
}
