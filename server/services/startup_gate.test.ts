import { createLogger, createLogSink } from '../../test/host/logging/host_logger';
import { StartupGate, ServiceUnavailableError } from './startup_gate';

const logger = () => {
  const sink = createLogSink('debug', () => undefined);
  return {
    lines: sink.lines,
    logger: createLogger(sink, 'plugins.exchangeMessageTrace.startup'),
  };
};

describe('StartupGate', () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-12-02T10:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  const clock = { now: () => Date.now() };

  it('serves once the start succeeds', async () => {
    const gate = new StartupGate(async () => 'services', { clock, logger: logger().logger });
    gate.open();
    await expect(gate.services()).resolves.toBe('services');
    expect(gate.reason()).toBeUndefined();
  });

  it('answers a caller within its wait while a start hangs, saying it is starting', async () => {
    const gate = new StartupGate(() => new Promise<string>(() => undefined), {
      clock,
      logger: logger().logger,
      waitMs: 500,
    });
    gate.open();
    const answer = gate.services();
    jest.advanceTimersByTime(500);
    await expect(answer).rejects.toThrow(
      new ServiceUnavailableError(
        'Exchange Message Trace is starting: installing its Elasticsearch templates (attempt 1)'
      )
    );
  });

  it('retries a failed start with doubling delays and serves once it succeeds, without a restart', async () => {
    const failures = ['connect ECONNREFUSED 127.0.0.1:9200', 'still down'];
    let attempts = 0;
    const { lines, logger: log } = logger();
    const gate = new StartupGate(
      async () => {
        attempts += 1;
        const failure = failures.shift();
        if (failure) throw new Error(failure);
        return 'services';
      },
      { clock, logger: log, retryDelayMs: 1000, maxRetryDelayMs: 60_000 }
    );
    gate.open();
    await jest.advanceTimersByTimeAsync(0);
    await expect(gate.services()).rejects.toThrow(
      'Exchange Message Trace could not install its Elasticsearch templates (attempt 1): ' +
        'connect ECONNREFUSED 127.0.0.1:9200. It tries again at 2026-12-02T10:00:01.000Z.'
    );
    await jest.advanceTimersByTimeAsync(1000);
    expect(attempts).toBe(2);
    expect(gate.reason()).toBe(
      'Exchange Message Trace could not install its Elasticsearch templates (attempt 2): ' +
        'still down. It tries again at 2026-12-02T10:00:03.000Z.'
    );
    await jest.advanceTimersByTimeAsync(1999);
    expect(attempts).toBe(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(attempts).toBe(3);
    await expect(gate.services()).resolves.toBe('services');
    expect(lines.map((line) => line.message)).toEqual([
      'Starting failed (attempt 1): connect ECONNREFUSED 127.0.0.1:9200; trying again in 1 s',
      'Starting failed (attempt 2): still down; trying again in 2 s',
      'Started after 3 attempts',
    ]);
  });

  it('caps the retry delay', async () => {
    let attempts = 0;
    const gate = new StartupGate(
      async () => {
        attempts += 1;
        throw new Error('refused');
      },
      { clock, logger: logger().logger, retryDelayMs: 1000, maxRetryDelayMs: 4000 }
    );
    gate.open();
    await jest.advanceTimersByTimeAsync(1000 + 2000 + 4000 + 4000);
    expect(attempts).toBe(5);
    gate.stop();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(attempts).toBe(5);
  });
});
