import type { Clock } from '../../server/lib/collector/clock';

/** Time that passes only when the code under test sleeps, and says how long it slept. */
export function sleepingClock(startsAt = 0) {
  let now = startsAt;
  const slept: number[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
  return { clock, slept };
}
