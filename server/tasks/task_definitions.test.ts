import type {
  TaskDefinitionRegistry,
  TaskManagerSetupContract,
} from '@kbn/task-manager-plugin/server';
import { createLogger, createLogSink } from '../../test/host/logging/host_logger';
import { TaskTypeDictionary } from '../../test/host/task_manager/task_type_dictionary';
import { COLLECT_TASK_TYPE, registerCollectTaskDefinition } from './collect_task';
import { FILE_IMPORT_TASK_TYPE, registerFileImportTaskDefinition } from './file_import_task';

const unused = () => Promise.reject(new Error('no run in this test'));

/** Registers the plugin's task definitions with the functions its setup calls. */
function registerPluginTasks(taskManager: TaskManagerSetupContract) {
  registerCollectTaskDefinition({ taskManager, getServices: unused });
  registerFileImportTaskDefinition({
    taskManager,
    getServices: unused,
    config: { paths: [], localDomains: [], namespace: 'default', interval: '5m' },
  });
}

/** Task Manager's registry under the host's copy of its rules, collecting what it logs. */
function taskManagerRegistry() {
  const sink = createLogSink('fatal', () => undefined);
  const dictionary = new TaskTypeDictionary(createLogger(sink, 'plugins.taskManager'));
  const loggedErrors = () => sink.lines.filter((line) => line.level === 'error');
  return { dictionary, loggedErrors };
}

describe("the plugin's task definitions under Task Manager's registration rules", () => {
  it('register without a throw or a logged error', () => {
    const { dictionary, loggedErrors } = taskManagerRegistry();
    registerPluginTasks(dictionary);
    expect(loggedErrors()).toEqual([]);
    expect(dictionary.getAllTypes()).toEqual([COLLECT_TASK_TYPE, FILE_IMPORT_TASK_TYPE]);
    expect(dictionary.getRegistered(COLLECT_TASK_TYPE)).toMatchObject({ timeout: '10m', cost: 2 });
    expect(dictionary.getRegistered(FILE_IMPORT_TASK_TYPE)).toMatchObject({
      timeout: '1h',
      cost: 4,
    });
  });

  it('would stop Kibana from starting with maxConcurrency on either type', () => {
    const definitions: TaskDefinitionRegistry = {};
    registerPluginTasks({
      registerTaskDefinitions: (registry) => Object.assign(definitions, registry),
    });
    for (const [type, definition] of Object.entries(definitions)) {
      const { dictionary } = taskManagerRegistry();
      expect(() =>
        dictionary.registerTaskDefinitions({ [type]: { ...definition, maxConcurrency: 1 } })
      ).toThrow(new Error(`maxConcurrency setting isn't allowed for task type: ${type}`));
    }
  });
});
