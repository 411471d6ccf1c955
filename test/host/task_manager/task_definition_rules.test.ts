/*
 * The host refuses what Task Manager 9.5 refuses at registerTaskDefinitions, with its texts, and
 * accepts what it accepts. Expected texts are copied from Kibana (elastic/kibana):
 *   x-pack/platform/plugins/shared/task_manager/server/task_type_dictionary.ts @ 3107e092
 *   x-pack/platform/plugins/shared/task_manager/server/task_type_dictionary.test.ts @ 0467ecaf
 *   x-pack/platform/plugins/shared/task_manager/server/task.ts @ 020a4251
 *   src/platform/packages/shared/kbn-config-schema/src/types/object_type.ts @ 027ff216
 */
import type { TaskDefinitionRegistry } from '@kbn/task-manager-plugin/server';
import { createLogger, createLogSink } from '../logging/host_logger';
import { TaskTypeDictionary } from './task_type_dictionary';

const createTaskRunner = () => ({ run: async () => undefined });
const definition = (extra: Record<string, unknown> = {}) => ({
  title: 'T',
  createTaskRunner,
  ...extra,
});
const registry = (definitions: Record<string, Record<string, unknown>>) =>
  definitions as unknown as TaskDefinitionRegistry;

function setup() {
  const sink = createLogSink('fatal', () => undefined);
  const dictionary = new TaskTypeDictionary(createLogger(sink, 'taskManager'));
  const errors = () => sink.lines.filter((line) => line.level === 'error').map((l) => l.message);
  return { dictionary, errors };
}

/** The message the schema refuses a single definition with (logged, not thrown). */
function sanitizeError(extra: Record<string, unknown>, type = 'foo') {
  const { dictionary, errors } = setup();
  dictionary.registerTaskDefinitions(registry({ [type]: definition(extra) }));
  expect(dictionary.getAllTypes()).toEqual([]);
  return errors();
}

function accepts(extra: Record<string, unknown>, type = 'foo') {
  const { dictionary, errors } = setup();
  dictionary.registerTaskDefinitions(registry({ [type]: definition(extra) }));
  expect(errors()).toEqual([]);
  return dictionary.getRegistered(type);
}

describe('registerTaskDefinitions: the checks that throw, in their order', () => {
  it('refuses a type registered by an earlier call', () => {
    const { dictionary } = setup();
    dictionary.registerTaskDefinitions(registry({ foo: definition() }));
    expect(() => dictionary.registerTaskDefinitions(registry({ foo: definition() }))).toThrow(
      new Error('Task foo is already defined!')
    );
  });

  it('refuses a type with a comma, and no other naming rule applies', () => {
    expect(() =>
      setup().dictionary.registerTaskDefinitions(registry({ 'abc,def': definition() }))
    ).toThrow(new Error('Task type "abc,def" cannot contain a comma.'));
    expect(accepts({}, 'exchangeMessageTrace:collect-v2_x').type).toBe(
      'exchangeMessageTrace:collect-v2_x'
    );
  });

  it.each(['sampleTaskRemovedType', 'reports:monitor', 'search_sessions_monitor'])(
    'refuses the removed type %s',
    (type) => {
      expect(() =>
        setup().dictionary.registerTaskDefinitions(registry({ [type]: definition() }))
      ).toThrow(new Error(`Task ${type} has been removed from registration!`));
    }
  );

  it('refuses maxConcurrency, even 0, on a type not on the allow-list', () => {
    for (const maxConcurrency of [2, 0]) {
      expect(() =>
        setup().dictionary.registerTaskDefinitions(
          registry({ foo2: definition({ maxConcurrency }) })
        )
      ).toThrow(new Error("maxConcurrency setting isn't allowed for task type: foo2"));
    }
  });

  it('accepts maxConcurrency on an allow-listed type', () => {
    expect(accepts({ maxConcurrency: 1 }, 'report:execute').maxConcurrency).toBe(1);
  });

  it('refuses a shared-concurrency pair that differs in maxConcurrency or cost', () => {
    const { dictionary } = setup();
    dictionary.registerTaskDefinitions(
      registry({ 'report:execute': definition({ maxConcurrency: 1, cost: 10 }) })
    );
    expect(() =>
      dictionary.registerTaskDefinitions(
        registry({ 'report:execute-scheduled': definition({ maxConcurrency: 2, cost: 10 }) })
      )
    ).toThrow(
      new Error(
        'Task type "report:execute-scheduled" shares concurrency limits with report:execute but has a different maxConcurrency.'
      )
    );
    expect(() =>
      dictionary.registerTaskDefinitions(
        registry({ 'report:execute-scheduled': definition({ maxConcurrency: 1 }) })
      )
    ).toThrow(
      new Error(
        'Task type "report:execute-scheduled" shares concurrency limits with report:execute but has a different cost.'
      )
    );
    dictionary.registerTaskDefinitions(
      registry({ 'report:execute-scheduled': definition({ maxConcurrency: 1, cost: 10 }) })
    );
    expect(dictionary.getAllTypes()).toEqual(['report:execute', 'report:execute-scheduled']);
  });

  it('checks every type against one rule before the next: a later duplicate beats an earlier comma', () => {
    const { dictionary } = setup();
    dictionary.registerTaskDefinitions(registry({ foo: definition() }));
    expect(() =>
      dictionary.registerTaskDefinitions(registry({ 'a,b': definition(), foo: definition() }))
    ).toThrow(new Error('Task foo is already defined!'));
  });

  it('throws for maxConcurrency before the schema is consulted', () => {
    expect(() =>
      setup().dictionary.registerTaskDefinitions(
        registry({ foo: definition({ maxConcurrency: 1, timeout: '15 days' }) })
      )
    ).toThrow(new Error("maxConcurrency setting isn't allowed for task type: foo"));
  });
});

describe('registerTaskDefinitions: taskDefinitionSchema, logged and not thrown', () => {
  it('fills in the defaults: timeout 5m, cost Normal (2)', () => {
    expect(accepts({ description: 'd' })).toEqual({
      type: 'foo',
      title: 'T',
      description: 'd',
      createTaskRunner,
      timeout: '5m',
      cost: 2,
    });
  });

  it('registers none of a call with one invalid definition; earlier calls stay', () => {
    const { dictionary, errors } = setup();
    dictionary.registerTaskDefinitions(registry({ earlier: definition() }));
    dictionary.registerTaskDefinitions(
      registry({ good: definition(), bad: definition({ timeout: '15 days' }) })
    );
    expect(errors()).toEqual([
      'Could not sanitize task definitions: Invalid timeout "15 days". Timeout must be of the form "{number}{cadance}" where number is an integer. Example: 5m.',
    ]);
    expect(dictionary.getAllTypes()).toEqual(['earlier']);
    expect(() => dictionary.ensureHas('good')).toThrow(
      new Error('Unsupported task type "good". Supported types are earlier')
    );
  });

  it.each(['15 days', '1.5h', '0m', '5ms', '5M', '', 'm'])('refuses the timeout %j', (timeout) => {
    expect(sanitizeError({ timeout })).toEqual([
      `Could not sanitize task definitions: Invalid timeout "${timeout}". Timeout must be of the form "{number}{cadance}" where number is an integer. Example: 5m.`,
    ]);
  });

  it.each(['30s', '10m', '1h', '1d', '05m'])('accepts the timeout %j', (timeout) => {
    expect(accepts({ timeout }).timeout).toBe(timeout);
  });

  it.each([23, 100, -1])(
    'refuses the priority %j (9.5 knows Low, NormalLongRunning, Normal)',
    (priority) => {
      expect(sanitizeError({ priority })).toEqual([
        `Could not sanitize task definitions: Invalid priority "${priority}". Priority must be one of Low => 1,NormalLongRunning => 40,Normal => 50`,
      ]);
    }
  );

  it.each([0, 1, 40, 50])('accepts the priority %j', (priority) => {
    expect(accepts({ priority }).priority).toBe(priority);
  });

  it.each([23, 3])('refuses the cost %j', (cost) => {
    expect(sanitizeError({ cost })).toEqual([
      `Could not sanitize task definitions: Invalid cost "${cost}". Cost must be one of Tiny => 1,Normal => 2,Large => 4,ExtraLarge => 10`,
    ]);
  });

  it.each([0, 1, 2, 4, 10])('accepts the cost %j', (cost) => {
    expect(accepts({ cost }).cost).toBe(cost);
  });

  it('refuses maxAttempts under 1 and maxConcurrency under 0 with config-schema texts', () => {
    expect(sanitizeError({ maxAttempts: 0 })).toEqual([
      'Could not sanitize task definitions: [maxAttempts]: Value must be equal to or greater than [1].',
    ]);
    expect(sanitizeError({ maxConcurrency: -1 }, 'report:execute')).toEqual([
      'Could not sanitize task definitions: [maxConcurrency]: Value must be equal to or greater than [0].',
    ]);
    expect(accepts({ maxAttempts: 1 }).maxAttempts).toBe(1);
  });

  it('refuses values of the wrong type', () => {
    expect(sanitizeError({ title: 5 })).toEqual([
      'Could not sanitize task definitions: [title]: expected value of type [string] but got [number]',
    ]);
    expect(sanitizeError({ maxAttempts: '3x' })).toEqual([
      'Could not sanitize task definitions: [maxAttempts]: expected value of type [number] but got [string]',
    ]);
  });

  it('refuses unknown keys, such as indirectParamsSchema, after the known keys and before timeout', () => {
    expect(sanitizeError({ fail: 'extremely', timeout: '1.5h' })).toEqual([
      "Could not sanitize task definitions: [fail]: Additional properties are not allowed ('fail' was unexpected)",
    ]);
    expect(sanitizeError({ indirectParamsSchema: {} })).toEqual([
      "Could not sanitize task definitions: [indirectParamsSchema]: Additional properties are not allowed ('indirectParamsSchema' was unexpected)",
    ]);
    expect(sanitizeError({ fail: 'extremely', title: 5 })).toEqual([
      'Could not sanitize task definitions: [title]: expected value of type [string] but got [number]',
    ]);
  });

  // Stricter than 9.5's Joi, which lets any function-valued unknown key through (see the rules).
  it('lets createTaskRunner through as the only function-valued key the schema does not name', () => {
    expect(sanitizeError({ createTaskRuner: createTaskRunner })).toEqual([
      "Could not sanitize task definitions: [createTaskRuner]: Additional properties are not allowed ('createTaskRuner' was unexpected)",
    ]);
  });

  it('takes stateSchemaByVersion entries of exactly schema and up', () => {
    const up = (state: Record<string, unknown>) => state;
    expect(
      accepts({ stateSchemaByVersion: { 1: { schema: {}, up } } }).stateSchemaByVersion
    ).toEqual({ 1: { schema: {}, up } });
    expect(sanitizeError({ stateSchemaByVersion: { 1: { schema: {} } } })).toEqual([
      'Could not sanitize task definitions: [stateSchemaByVersion.1.up]: expected value of type [any] but got [undefined]',
    ]);
    expect(sanitizeError({ stateSchemaByVersion: { 1: { schema: {}, up, down: up } } })).toEqual([
      "Could not sanitize task definitions: [stateSchemaByVersion.1.down]: Additional properties are not allowed ('down' was unexpected)",
    ]);
  });
});
