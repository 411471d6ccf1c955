import type { Logger } from '@kbn/core/server';
import type { TaskDefinitionRegistry } from '@kbn/task-manager-plugin/server';
import {
  assertRegistrable,
  sanitizeTaskDefinitions,
  type TaskDefinition,
} from './task_definition_rules';

/**
 * The registered task types. A definition the schema refuses is not thrown but logged, and then
 * none of that call's types is registered: Kibana starts, and scheduling those types fails later.
 * Kibana: x-pack/platform/plugins/shared/task_manager/server/task_type_dictionary.ts @ 3107e092
 */
export class TaskTypeDictionary {
  private readonly definitions = new Map<string, TaskDefinition>();

  constructor(private readonly logger: Logger) {}

  registerTaskDefinitions(definitions: TaskDefinitionRegistry) {
    assertRegistrable(definitions, this.definitions);
    try {
      for (const definition of sanitizeTaskDefinitions(definitions)) {
        this.definitions.set(definition.type, definition);
      }
    } catch (error) {
      this.logger.error(`Could not sanitize task definitions: ${(error as Error).message}`);
    }
  }

  getAllTypes() {
    return [...this.definitions.keys()];
  }

  ensureHas(type: string) {
    if (!this.definitions.has(type)) {
      throw new Error(
        `Unsupported task type "${type}". Supported types are ${this.getAllTypes().join(', ')}`
      );
    }
  }

  /** The definition of a type that must be registered (ensureHas's error otherwise). */
  getRegistered(type: string): TaskDefinition {
    this.ensureHas(type);
    return this.definitions.get(type)!;
  }
}
