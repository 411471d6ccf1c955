import type { Logger } from '@kbn/core/server';
import type { ConcreteTaskInstance, RunContext, RunResult } from '@kbn/task-manager-plugin/server';
import type { Clock } from '../lib/collector/clock';
import type { ElasticsearchReachability } from '../services/elasticsearch_reachability';

/** A run ends well before Task Manager's timeout, returning its progress, and continues at once. */
const RUN_SHARE_OF_TIMEOUT = 0.8;

/** When a run claimed at `claimedAt` must have ended, its result handed to Task Manager. */
export const runDeadline = (claimedAt: number, timeoutMs: number) =>
  claimedAt + timeoutMs * RUN_SHARE_OF_TIMEOUT;

interface RunnerServices {
  clock: Clock;
  logger: Logger;
  reachability: ElasticsearchReachability;
}

type Outcome = { ok: true; result: RunResult } | { ok: false; error: unknown };

/**
 * Task Manager writes a run's result to Elasticsearch as soon as the run returns; while
 * Elasticsearch cannot be reached that write fails, the result is lost and the task stays
 * `running` until its retryAt (task_running/task_runner.ts @ 006b838e, processResult). So a run
 * that ends while Elasticsearch does not answer waits for it, until its deadline at most.
 */
async function whenRecordable(
  { logger, reachability }: RunnerServices,
  deadline: number,
  signal: AbortSignal
): Promise<void> {
  // A cancelled run's result is discarded by Task Manager anyway.
  if (signal.aborted) return;
  const first = await reachability.probe();
  if (first.answered && first.status < 500) return;
  const reason = first.answered ? `it answers with HTTP ${first.status}` : first.reason;
  logger.warn(
    `Elasticsearch cannot record the run's result (${reason}): waiting for it until ${new Date(deadline).toISOString()}`
  );
  try {
    if (await reachability.waitUntilAnswering(deadline, signal)) {
      logger.info(`Elasticsearch answers again: recording the run's result`);
    } else {
      logger.warn(`Elasticsearch did not answer by the run's deadline: its result is lost`);
    }
  } catch {
    // Cancelled while waiting.
  }
}

/**
 * A task runner whose run gets an abort signal (Task Manager's, whichever form this Kibana hands
 * over, or cancel()) and a deadline inside the task's timeout, counted from the claim; its result
 * is handed back once Elasticsearch can record it.
 */
export function createCancellableRunner<Services extends RunnerServices>(
  getServices: () => Promise<Services>,
  timeoutMs: number,
  run: (
    services: Services,
    task: ConcreteTaskInstance,
    signal: AbortSignal,
    deadline: number
  ) => Promise<RunResult>
) {
  return ({ taskInstance, abortController, signal }: RunContext) => {
    const controller = new AbortController();
    (signal ?? abortController?.signal)?.addEventListener('abort', () => controller.abort(), {
      once: true,
    });
    return {
      run: async () => {
        const services = await getServices();
        const claimedAt = taskInstance.startedAt?.getTime() ?? services.clock.now();
        const deadline = runDeadline(claimedAt, timeoutMs);
        const outcome: Outcome = await run(
          services,
          taskInstance,
          controller.signal,
          deadline
        ).then(
          (result) => ({ ok: true, result }),
          (error: unknown) => ({ ok: false, error })
        );
        await whenRecordable(services, deadline, controller.signal);
        if (!outcome.ok) throw outcome.error;
        return outcome.result;
      },
      cancel: async () => controller.abort(new Error('Task Manager cancelled the run')),
    };
  };
}
