/*
 * What Task Manager accepts in registerTaskDefinitions, with its own error texts.
 * Kibana sources (repo elastic/kibana, x-pack/platform/plugins/shared/task_manager/server/):
 *   task_type_dictionary.ts @ 3107e092 (checks and their order, REMOVED_TYPES, shared concurrency)
 *   constants.ts @ 15a50b77 (CONCURRENCY_ALLOW_LIST_BY_TASK_TYPE)
 *   task.ts @ 020a4251 (taskDefinitionSchema, DEFAULT_TIMEOUT, TaskPriority, TaskCost)
 * and @kbn/config-schema (src/platform/packages/shared/kbn-config-schema/src/types/object_type.ts
 * @ 027ff216) for the messages of the schema's own checks.
 */
import type {
  TaskDefinitionRegistry,
  TaskRegisterDefinition,
} from '@kbn/task-manager-plugin/server';
import { isInterval } from './intervals';

// task.ts @ 020a4251
const DEFAULT_TIMEOUT = '5m';
const TASK_PRIORITY = { Low: 1, NormalLongRunning: 40, Normal: 50 };
const TASK_COST = { Tiny: 1, Normal: 2, Large: 4, ExtraLarge: 10 };
const DEFAULT_COST = TASK_COST.Normal;

// task_type_dictionary.ts @ 3107e092
export const REMOVED_TYPES: readonly string[] = [
  'sampleTaskRemovedType',
  'alerting:siem.signals',
  'search_sessions_monitor',
  'search_sessions_cleanup',
  'search_sessions_expire',
  'cleanup_failed_action_executions',
  'reports:monitor',
  'obs-ai-assistant:knowledge-base-migration',
];

// constants.ts @ 15a50b77, without the types only Task Manager's own tests register.
const CONCURRENCY_ALLOW_LIST_BY_TASK_TYPE: readonly string[] = [
  'report:execute',
  'report:execute-scheduled',
  'ad_hoc_run-backfill',
];

// task_type_dictionary.ts @ 3107e092 (SHARED_CONCURRENCY_TASKS, test pair omitted)
const SHARED_CONCURRENCY_TASKS: ReadonlyArray<readonly string[]> = [
  ['report:execute', 'report:execute-scheduled'],
];

/** A definition as Task Manager keeps it: its type, and the schema's defaults filled in. */
export type TaskDefinition = TaskRegisterDefinition & {
  type: string;
  timeout: string;
  cost: number;
};

/**
 * The checks registerTaskDefinitions throws for, in its order: every type is checked against one
 * rule before any is checked against the next. `registered` holds the earlier calls' definitions.
 * Kibana: task_type_dictionary.ts @ 3107e092 registerTaskDefinitions
 */
export function assertRegistrable(
  definitions: TaskDefinitionRegistry,
  registered: ReadonlyMap<string, TaskDefinition>
): void {
  const types = Object.keys(definitions);
  const duplicate = types.find((type) => registered.has(type));
  if (duplicate) throw new Error(`Task ${duplicate} is already defined!`);

  const withComma = types.find((type) => type.includes(','));
  if (withComma) throw new Error(`Task type "${withComma}" cannot contain a comma.`);

  const removed = types.find((type) => REMOVED_TYPES.includes(type));
  if (removed) throw new Error(`Task ${removed} has been removed from registration!`);

  for (const type of types) {
    const { maxConcurrency, cost } = definitions[type]!;
    if (maxConcurrency === undefined) continue;
    if (!CONCURRENCY_ALLOW_LIST_BY_TASK_TYPE.includes(type)) {
      throw new Error(`maxConcurrency setting isn't allowed for task type: ${type}`);
    }
    assertSameSharedConcurrency(type, maxConcurrency, cost, registered);
  }
}

// Kibana compares the raw cost with the other type's stored one, so an omitted cost differs from 2.
function assertSameSharedConcurrency(
  type: string,
  maxConcurrency: number,
  cost: number | undefined,
  registered: ReadonlyMap<string, TaskDefinition>
) {
  const shared = SHARED_CONCURRENCY_TASKS.find((group) => group.includes(type)) ?? [];
  for (const other of shared.filter((candidate) => candidate !== type)) {
    const otherDefinition = registered.get(other);
    if (otherDefinition && otherDefinition.maxConcurrency !== maxConcurrency) {
      throw new Error(
        `Task type "${type}" shares concurrency limits with ${other} but has a different maxConcurrency.`
      );
    }
    if (otherDefinition && otherDefinition.cost !== cost) {
      throw new Error(
        `Task type "${type}" shares concurrency limits with ${other} but has a different cost.`
      );
    }
  }
}

/**
 * taskDefinitionSchema.validate({ type, ...definition }) for every definition, all before any is
 * kept (sanitizeTaskDefinitions). Throws the first failure's message; the caller logs it.
 */
export function sanitizeTaskDefinitions(definitions: TaskDefinitionRegistry): TaskDefinition[] {
  return Object.entries(definitions).map(([type, definition]) =>
    validateTaskDefinition({ type, ...definition })
  );
}

type Check = (value: unknown, path: string) => void;

function fail(path: string, message: string): never {
  throw new Error(path ? `[${path}]: ${message}` : message);
}

// type-detect's names, as config-schema prints them: `number`, `null`, `Array`, `Object`.
function typeDetect(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return Object.prototype.toString.call(value).slice('[object '.length, -1);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeDetect(value) === 'Object';

const string: Check = (value, path) => {
  if (typeof value !== 'string') {
    fail(path, `expected value of type [string] but got [${typeDetect(value)}]`);
  }
};

const number =
  (min?: number): Check =>
  (value, path) => {
    if (typeof value !== 'number' || Number.isNaN(value)) {
      fail(path, `expected value of type [number] but got [${typeDetect(value)}]`);
    }
    if (min !== undefined && value < min) {
      fail(path, `Value must be equal to or greater than [${min}].`);
    }
  };

const any: Check = (value, path) => {
  if (value === undefined) fail(path, `expected value of type [any] but got [undefined]`);
};

const maybe =
  (check: Check): Check =>
  (value, path) => {
    if (value !== undefined) check(value, path);
  };

/*
 * Unknown keys fail with config-schema 9.5's text, after the known keys are checked. Joi skips
 * unknown keys whose value is a function (config-schema always passes `stripUnknown: { objects }`,
 * which is truthy: joi lib/types/keys.js), which is how `createTaskRunner` passes. Newer
 * config-schema rewrites reject every unknown key first, so the host lets `createTaskRunner`
 * alone through: no other function-valued key passes here.
 */
function object(
  keys: Record<string, Check>,
  allowedFunctions: readonly string[] = []
): (value: unknown, path: string) => Record<string, unknown> {
  return (value, path) => {
    if (!isPlainObject(value)) {
      fail(path, `expected a plain object value, but found [${typeDetect(value)}] instead.`);
    }
    const at = (key: string) => (path ? `${path}.${key}` : key);
    for (const [key, check] of Object.entries(keys)) check(value[key], at(key));
    for (const key of Object.keys(value)) {
      if (key in keys) continue;
      if (allowedFunctions.includes(key) && typeof value[key] === 'function') continue;
      fail(at(key), `Additional properties are not allowed ('${key}' was unexpected)`);
    }
    return value;
  };
}

const stateSchemaVersion = object({ schema: any, up: any });

const recordOfStateSchemas: Check = (value, path) => {
  if (!isPlainObject(value)) {
    fail(path, `expected value of type [object] but got [${typeDetect(value)}]`);
  }
  for (const [version, entry] of Object.entries(value)) {
    stateSchemaVersion(entry, `${path}.${version}`);
  }
};

// The keys in taskDefinitionSchema's order: the first failing one is the one reported.
const taskDefinitionObject = object(
  {
    type: string,
    title: maybe(string),
    priority: maybe(number()),
    cost: maybe(number()),
    description: maybe(string),
    timeout: maybe(string),
    maxAttempts: maybe(number(1)),
    maxConcurrency: maybe(number(0)),
    stateSchemaByVersion: maybe(recordOfStateSchemas),
    paramsSchema: () => undefined,
  },
  ['createTaskRunner']
);

const enumDescription = (values: Record<string, number>) =>
  Object.entries(values).map(([name, value]) => `${name} => ${value}`);

// taskDefinitionSchema's `validate`, which runs once every key passed.
function enumsAndTimeout({ timeout, priority, cost }: TaskDefinition): string | undefined {
  if (!isInterval(timeout)) {
    return `Invalid timeout "${timeout}". Timeout must be of the form "{number}{cadance}" where number is an integer. Example: 5m.`;
  }
  if (priority && !Object.values(TASK_PRIORITY).includes(priority)) {
    return `Invalid priority "${priority}". Priority must be one of ${enumDescription(TASK_PRIORITY)}`;
  }
  if (cost && !Object.values(TASK_COST).includes(cost)) {
    return `Invalid cost "${cost}". Cost must be one of ${enumDescription(TASK_COST)}`;
  }
}

function validateTaskDefinition(raw: Record<string, unknown>): TaskDefinition {
  taskDefinitionObject(raw, '');
  const definition = {
    ...raw,
    cost: raw.cost ?? DEFAULT_COST,
    timeout: raw.timeout ?? DEFAULT_TIMEOUT,
  } as TaskDefinition;
  const problem = enumsAndTimeout(definition);
  if (problem) fail('', problem);
  return definition;
}
