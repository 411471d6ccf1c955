import { BudgetConflict, type BudgetStore } from './request_budget';

export interface InMemoryBudgetStore extends BudgetStore {
  readonly times: number[];
  /** Who made each of `times`, where the taker says. */
  readonly requesters: string[] | undefined;
  /** Saves refused because another taker saved first. */
  readonly conflicts: number;
}

/** A versioned store in memory: for a single process, and for tests of several takers sharing one. */
export function inMemoryBudgetStore(initial: number[] = []): InMemoryBudgetStore {
  let times = [...initial];
  let requesters: string[] | undefined;
  let version = initial.length > 0 ? 1 : 0;
  let conflicts = 0;
  return {
    get times() {
      return [...times];
    },
    get requesters() {
      return requesters && [...requesters];
    },
    get conflicts() {
      return conflicts;
    },
    load: async () => ({
      requestTimes: [...times],
      ...(requesters ? { requesters: [...requesters] } : {}),
      ...(version > 0 ? { version: String(version) } : {}),
    }),
    save: async (next, expected, nextRequesters) => {
      if (expected !== (version > 0 ? String(version) : undefined)) {
        conflicts++;
        throw new BudgetConflict();
      }
      times = [...next];
      requesters = nextRequesters && [...nextRequesters];
      version++;
    },
  };
}
