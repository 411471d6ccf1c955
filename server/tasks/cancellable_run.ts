import type { ConcreteTaskInstance, RunContext, RunResult } from '@kbn/task-manager-plugin/server';
import type { Clock } from '../lib/collector/clock';

/** A run ends well before Task Manager's timeout, returning its progress, and continues at once. */
const RUN_SHARE_OF_TIMEOUT = 0.8;

/**
 * A task runner whose run gets an abort signal (Task Manager's, whichever form this Kibana hands
 * over, or cancel()) and a deadline inside the task's timeout.
 */
export function createCancellableRunner<Services extends { clock: Clock }>(
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
        const deadline = services.clock.now() + timeoutMs * RUN_SHARE_OF_TIMEOUT;
        return run(services, taskInstance, controller.signal, deadline);
      },
      cancel: async () => controller.abort(new Error('Task Manager cancelled the run')),
    };
  };
}
