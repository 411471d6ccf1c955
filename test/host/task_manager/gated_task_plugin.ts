import type {
  RunContext,
  RunResult,
  TaskManagerSetupContract,
} from '@kbn/task-manager-plugin/server';
import type { HostedPlugin } from '../host_plugin';

/** Runs that outlive nothing in a test: five minutes. */
export const GATED_TASK_TYPE = 'hostTest:gated';
/** Runs that expire a second after they start. */
export const SHORT_GATED_TASK_TYPE = 'hostTest:gatedShort';

type Ending = RunResult | undefined | { throw: Error };

interface OpenRun {
  state: Record<string, unknown>;
  cancelled: boolean;
  end(ending: Ending): void;
}

/**
 * Tasks whose runs end only when a test says how: they ignore cancel(), so a test can let a run
 * end after it expired or after something else wrote to its task.
 */
export class RunGate {
  private readonly open = new Map<string, OpenRun>();

  /** The open run of a task, once it started. */
  run(taskId: string): Omit<OpenRun, 'end'> | undefined {
    return this.open.get(taskId);
  }

  end(taskId: string, ending: Ending) {
    const run = this.open.get(taskId);
    if (!run) throw new Error(`No open run of task ${taskId}`);
    this.open.delete(taskId);
    run.end(ending);
  }

  endAll() {
    for (const taskId of [...this.open.keys()]) this.end(taskId, undefined);
  }

  createTaskRunner = ({ taskInstance }: RunContext) => {
    const run = async () =>
      new Promise<RunResult | undefined>((resolve, reject) => {
        this.open.set(taskInstance.id, {
          state: taskInstance.state,
          cancelled: false,
          end: (ending) => (ending && 'throw' in ending ? reject(ending.throw) : resolve(ending)),
        });
      });
    const cancel = async () => {
      const open = this.open.get(taskInstance.id);
      if (open) open.cancelled = true;
    };
    return { run, cancel };
  };
}

export function gatedTaskPlugin(gate: RunGate): HostedPlugin {
  return {
    id: 'gatedTasks',
    configPath: 'gatedTasks',
    requiredPlugins: ['taskManager'],
    optionalPlugins: [],
    load: async () => ({
      plugin: () => ({
        setup(_core: unknown, plugins: { taskManager: TaskManagerSetupContract }) {
          plugins.taskManager.registerTaskDefinitions({
            [GATED_TASK_TYPE]: {
              title: 'Gated',
              timeout: '5m',
              createTaskRunner: gate.createTaskRunner,
            },
            [SHORT_GATED_TASK_TYPE]: {
              title: 'Gated, short',
              timeout: '1s',
              maxAttempts: 1,
              createTaskRunner: gate.createTaskRunner,
            },
          });
        },
        start() {},
      }),
    }),
  };
}
