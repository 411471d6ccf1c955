/*
 * retryAt and retry delays per Kibana's
 * x-pack/platform/plugins/shared/task_manager/server/lib/get_retry_at.ts @ 50d695cd.
 */
import type { ConcreteTaskInstance } from '@kbn/task-manager-plugin/server';
import { calculateDelayBasedOnAttempts, getRetryAt, getTimeout } from './get_retry_at';

const now = new Date('2026-11-24T12:00:00Z');
const after = (ms: number) => new Date(now.getTime() + ms);
const MINUTE = 60_000;
const task = (overrides: Partial<ConcreteTaskInstance> = {}) =>
  ({ id: 't', taskType: 'x', attempts: 0, ...overrides }) as ConcreteTaskInstance;

describe('getRetryAt, when a task is claimed', () => {
  const noDelay = () => 0;

  it('gives a recurring task the later of its interval and its timeout, the timeout at most 5m', () => {
    const every = (interval: string) => task({ schedule: { interval } });
    expect(getRetryAt(every('1h'), '10m', now, noDelay)).toEqual(after(60 * MINUTE));
    expect(getRetryAt(every('1m'), '10m', now, noDelay)).toEqual(after(5 * MINUTE));
    expect(getRetryAt(every('1m'), '2m', now, noDelay)).toEqual(after(2 * MINUTE));
    expect(getRetryAt(every('5m'), '5m', now, noDelay)).toEqual(after(5 * MINUTE));
  });

  it('gives a one-off task the delay of its coming attempt plus its timeout, at most 5m', () => {
    const delay = jest.fn((attempts: number) => attempts * 1000);
    expect(getRetryAt(task({ attempts: 2 }), '1m', now, delay)).toEqual(after(3000 + MINUTE));
    expect(delay).toHaveBeenCalledWith(3);
    expect(getRetryAt(task(), '1h', now, calculateDelayBasedOnAttempts)).toEqual(
      after(30_000 + 5 * MINUTE)
    );
  });
});

describe('getTimeout', () => {
  it('lets a one-off task override its type timeout, not a recurring one', () => {
    expect(getTimeout(task({ timeoutOverride: '1h' }), '5m')).toBe('1h');
    expect(getTimeout(task({ timeoutOverride: '1h', schedule: { interval: '1m' } }), '5m')).toBe(
      '5m'
    );
  });
});

describe('calculateDelayBasedOnAttempts', () => {
  afterEach(() => jest.restoreAllMocks());

  it('waits 30 s after the first attempt', () => {
    expect(calculateDelayBasedOnAttempts(1)).toBe(30_000);
  });

  it('then up to 5m · 2^(attempts-2), at most an hour, chosen at random', () => {
    jest.spyOn(Math, 'random').mockReturnValue(1 - 1e-12);
    expect(calculateDelayBasedOnAttempts(2)).toBe(5 * MINUTE);
    expect(calculateDelayBasedOnAttempts(4)).toBe(20 * MINUTE);
    expect(calculateDelayBasedOnAttempts(10)).toBe(60 * MINUTE);
    jest.spyOn(Math, 'random').mockReturnValue(0);
    expect(calculateDelayBasedOnAttempts(4)).toBe(0);
  });
});
