import type { Client } from '@elastic/elasticsearch';
import type { ConcreteTaskInstance, TaskInstance } from '@kbn/task-manager-plugin/server';

/** Task Manager stores params and state as JSON strings, so their shape never touches the mapping. */
interface TaskDocument {
  type: 'task';
  task: {
    taskType: string;
    params: string;
    state: string;
    schedule?: { interval: string };
    runAt: string;
    scheduledAt: string;
    startedAt: string | null;
    retryAt: string | null;
    attempts: number;
    status: ConcreteTaskInstance['status'];
    ownerId: string | null;
    enabled: boolean;
    timeoutOverride?: string;
  };
}

export interface StoredTask {
  instance: ConcreteTaskInstance;
  seqNo: number;
  primaryTerm: number;
}

export class TaskNotFoundError extends Error {
  readonly output = { statusCode: 404 };
  constructor(id: string) {
    super(`Saved object [task/${id}] not found`);
  }
}

export class TaskConflictError extends Error {
  readonly output = { statusCode: 409 };
  constructor(id: string) {
    super(`Saved object [task/${id}] conflict`);
  }
}

const docId = (id: string) => `task:${id}`;
const date = (value: string | null) => (value ? new Date(value) : null);
const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);
const statusOf = (error: unknown) => (error as { meta?: { statusCode?: number } }).meta?.statusCode;

function toInstance(id: string, doc: TaskDocument): ConcreteTaskInstance {
  const task = doc.task;
  return {
    id,
    taskType: task.taskType,
    params: JSON.parse(task.params),
    state: JSON.parse(task.state),
    schedule: task.schedule,
    runAt: new Date(task.runAt),
    scheduledAt: new Date(task.scheduledAt),
    startedAt: date(task.startedAt),
    retryAt: date(task.retryAt),
    attempts: task.attempts,
    status: task.status,
    ownerId: task.ownerId,
    enabled: task.enabled,
    timeoutOverride: task.timeoutOverride,
  } as ConcreteTaskInstance;
}

function toDocument(instance: ConcreteTaskInstance): TaskDocument {
  return {
    type: 'task',
    task: {
      taskType: instance.taskType,
      params: JSON.stringify(instance.params ?? {}),
      state: JSON.stringify(instance.state ?? {}),
      ...(instance.schedule ? { schedule: instance.schedule as { interval: string } } : {}),
      runAt: instance.runAt.toISOString(),
      scheduledAt: instance.scheduledAt.toISOString(),
      startedAt: iso(instance.startedAt),
      retryAt: iso(instance.retryAt),
      attempts: instance.attempts,
      status: instance.status,
      ownerId: instance.ownerId,
      enabled: instance.enabled !== false,
      ...(instance.timeoutOverride ? { timeoutOverride: instance.timeoutOverride } : {}),
    },
  };
}

/** The stored form of the given fields; fields left undefined are not written. */
function toPartialDocument(fields: Partial<ConcreteTaskInstance>): Partial<TaskDocument['task']> {
  const stored: Record<keyof TaskDocument['task'], unknown> = {
    taskType: fields.taskType,
    params: fields.params && JSON.stringify(fields.params),
    state: fields.state && JSON.stringify(fields.state),
    schedule: fields.schedule,
    runAt: fields.runAt && fields.runAt.toISOString(),
    scheduledAt: fields.scheduledAt && fields.scheduledAt.toISOString(),
    startedAt: fields.startedAt === undefined ? undefined : iso(fields.startedAt),
    retryAt: fields.retryAt === undefined ? undefined : iso(fields.retryAt),
    attempts: fields.attempts,
    status: fields.status,
    ownerId: fields.ownerId,
    enabled: fields.enabled,
    timeoutOverride: fields.timeoutOverride,
  };
  return Object.fromEntries(
    Object.entries(stored).filter(([, value]) => value !== undefined)
  ) as Partial<TaskDocument['task']>;
}

export function newInstance(task: TaskInstance & { id: string }, now: Date): ConcreteTaskInstance {
  return {
    ...task,
    params: task.params ?? {},
    state: task.state ?? {},
    runAt: task.runAt ?? now,
    scheduledAt: now,
    startedAt: null,
    retryAt: null,
    attempts: 0,
    status: 'idle',
    ownerId: null,
    enabled: task.enabled !== false,
  } as ConcreteTaskInstance;
}

/** Tasks in a real index, claimed with optimistic concurrency as Task Manager does. */
export class TaskStore {
  constructor(
    private readonly client: Client,
    private readonly index: string
  ) {}

  async ensureIndex() {
    if (await this.client.indices.exists({ index: this.index })) return;
    await this.client.indices.create(
      {
        index: this.index,
        mappings: {
          dynamic: false,
          properties: {
            type: { type: 'keyword' },
            task: {
              properties: {
                taskType: { type: 'keyword' },
                status: { type: 'keyword' },
                runAt: { type: 'date' },
                retryAt: { type: 'date' },
                enabled: { type: 'boolean' },
                params: { type: 'text', index: false },
                state: { type: 'text', index: false },
              },
            },
          },
        },
      },
      { ignore: [400] }
    );
  }

  async create(instance: ConcreteTaskInstance) {
    try {
      await this.client.create({
        index: this.index,
        id: docId(instance.id),
        document: toDocument(instance),
        refresh: true,
      });
    } catch (error) {
      if (statusOf(error) === 409) throw new TaskConflictError(instance.id);
      throw error;
    }
  }

  async get(id: string): Promise<StoredTask> {
    const result = await this.client.get<TaskDocument>(
      { index: this.index, id: docId(id) },
      { ignore: [404] }
    );
    if (!result.found || !result._source) throw new TaskNotFoundError(id);
    return {
      instance: toInstance(id, result._source),
      seqNo: result._seq_no!,
      primaryTerm: result._primary_term!,
    };
  }

  /**
   * Writes only if nobody changed the task since it was read: the task as now stored, or
   * undefined when someone did.
   */
  async replace(
    stored: StoredTask,
    instance: ConcreteTaskInstance
  ): Promise<StoredTask | undefined> {
    try {
      const result = await this.client.index({
        index: this.index,
        id: docId(instance.id),
        document: toDocument(instance),
        if_seq_no: stored.seqNo,
        if_primary_term: stored.primaryTerm,
        refresh: true,
      });
      return { instance, seqNo: result._seq_no!, primaryTerm: result._primary_term! };
    } catch (error) {
      if (statusOf(error) === 409) return undefined;
      throw error;
    }
  }

  /**
   * Task Manager's partialUpdate: the given fields only, and only onto the version read; a write
   * since (409) or a removal (404) leaves the task as it is.
   * Kibana: x-pack/platform/plugins/shared/task_manager/server/task_store.ts @ 0098ca24 bulkPartialUpdate
   */
  async partialUpdate(
    stored: StoredTask,
    fields: Partial<ConcreteTaskInstance>
  ): Promise<'updated' | 'conflict' | 'not_found'> {
    try {
      await this.client.update({
        index: this.index,
        id: docId(stored.instance.id),
        doc: { task: toPartialDocument(fields) },
        if_seq_no: stored.seqNo,
        if_primary_term: stored.primaryTerm,
        refresh: true,
      });
      return 'updated';
    } catch (error) {
      if (statusOf(error) === 409) return 'conflict';
      if (statusOf(error) === 404) return 'not_found';
      throw error;
    }
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.client.delete(
      { index: this.index, id: docId(id), refresh: true },
      { ignore: [404] }
    );
    return result.result === 'deleted';
  }

  async search(query: object, size: number, sort?: object[]): Promise<StoredTask[]> {
    const result = await this.client.search<TaskDocument>({
      index: this.index,
      query,
      size,
      sort: (sort ?? [{ 'task.runAt': { order: 'asc' } }]) as never,
      seq_no_primary_term: true,
    });
    return result.hits.hits.map((hit) => ({
      instance: toInstance(hit._id!.slice('task:'.length), hit._source!),
      seqNo: hit._seq_no!,
      primaryTerm: hit._primary_term!,
    }));
  }

  /** Due tasks, and tasks whose claim outlived its timeout (their runner died with the process). */
  async findDue(taskTypes: string[], now: Date, size: number) {
    if (size <= 0 || taskTypes.length === 0) return [];
    return this.search(
      {
        bool: {
          filter: [{ terms: { 'task.taskType': taskTypes } }, { term: { 'task.enabled': true } }],
          should: [
            {
              bool: {
                filter: [
                  { term: { 'task.status': 'idle' } },
                  { range: { 'task.runAt': { lte: now.toISOString() } } },
                ],
              },
            },
            {
              bool: {
                filter: [
                  { terms: { 'task.status': ['running', 'claiming'] } },
                  { range: { 'task.retryAt': { lte: now.toISOString() } } },
                ],
              },
            },
          ],
          minimum_should_match: 1,
        },
      },
      size
    );
  }
}
