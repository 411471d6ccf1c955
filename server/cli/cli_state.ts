import path from 'node:path';
import * as t from 'io-ts';
import { isRight } from 'fp-ts/Either';
import {
  collectorCheckpointCodec,
  type CollectorCheckpoint,
} from '../../common/collector_checkpoint';
import type { BudgetStore } from '../lib/budget/request_budget';
import { readJsonFile, writeJsonFile } from '../lib/collector/json_file';

/** The command line keeps its checkpoint and the tenant's budget in files, one folder per tenant. */
export function cliStatePaths(stateDir: string, tenantId: string, namespace: string) {
  const tenantDir = path.join(stateDir, tenantId.toLowerCase().replace(/[^a-z0-9.-]/g, '_'));
  return {
    checkpoint: path.join(tenantDir, `${namespace}.checkpoint.json`),
    budget: path.join(tenantDir, 'budget.json'),
  };
}

export async function readCheckpoint(file: string): Promise<CollectorCheckpoint | undefined> {
  const stored = await readJsonFile(file);
  if (stored === undefined) return undefined;
  const decoded = collectorCheckpointCodec.decode(stored);
  if (!isRight(decoded)) throw new Error(`${file} is not a checkpoint this version understands`);
  return decoded.right;
}

/**
 * One command line per state folder, as its unlocked checkpoint file already requires: nobody else
 * writes the budget file meanwhile, so a save needs no version.
 */
export function fileBudgetStore(file: string): BudgetStore {
  return {
    load: async () => {
      const stored = t.array(t.number).decode(await readJsonFile(file));
      return { requestTimes: isRight(stored) ? stored.right : [] };
    },
    save: (requestTimes) => writeJsonFile(file, requestTimes),
  };
}
