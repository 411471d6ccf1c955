import type { Client } from '@elastic/elasticsearch';
import { BudgetConflict, type BudgetStore } from '../../lib/budget/request_budget';
import { errorStatus, isNotFound } from '../../lib/writer/es_errors';

/**
 * The service's own index: one document per tenant and namespace (its lease and checkpoint, see
 * tenant_lease.ts) and one per tenant ID (its Graph request budget). Hidden, so Discover and
 * `logs-*` patterns leave it alone; not dot-prefixed, as Elasticsearch reserves those names for
 * system indices and an API key may hold privileges on it by name (docs/SERVICE.md).
 */
export async function ensureStateIndex(client: Client, index: string): Promise<void> {
  // Created without asking first: checking would need one more privilege (view_index_metadata).
  try {
    await client.indices.create({
      index,
      settings: { hidden: true, number_of_shards: 1, auto_expand_replicas: '0-1' },
      mappings: {
        dynamic: false,
        properties: {
          kind: { type: 'keyword' },
          name: { type: 'keyword' },
          tenantId: { type: 'keyword' },
          namespace: { type: 'keyword' },
          holder: { type: 'keyword' },
          leaseExpiresAt: { type: 'date', format: 'epoch_millis' },
        },
      },
    });
  } catch (error) {
    // An earlier start, or another instance, created it.
    if (errorStatus(error) !== 400 || !String(error).includes('resource_already_exists'))
      throw error;
  }
}

/** A document as read, with the numbers an optimistic write must name to replace exactly it. */
export interface VersionedDocument<T> {
  source: T;
  seqNo: number;
  primaryTerm: number;
}

export async function readVersioned<T>(
  client: Client,
  index: string,
  id: string
): Promise<VersionedDocument<T> | undefined> {
  try {
    const found = await client.get<T>({ index, id });
    return { source: found._source!, seqNo: found._seq_no!, primaryTerm: found._primary_term! };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Thrown when the document changed since it was read (or was created meanwhile). */
export class StateConflict extends Error {}

/**
 * Writes over the copy of `expected` (or creates the document when there was none), refusing with
 * StateConflict when someone else wrote since: the heart of leases and shared budgets.
 */
export async function writeVersioned<T>(
  client: Client,
  index: string,
  id: string,
  document: T,
  expected: Pick<VersionedDocument<T>, 'seqNo' | 'primaryTerm'> | undefined
): Promise<Pick<VersionedDocument<T>, 'seqNo' | 'primaryTerm'>> {
  try {
    const written = await client.index({
      index,
      id,
      document,
      ...(expected
        ? { if_seq_no: expected.seqNo, if_primary_term: expected.primaryTerm }
        : { op_type: 'create' as const }),
    });
    return { seqNo: written._seq_no!, primaryTerm: written._primary_term! };
  } catch (error) {
    if (errorStatus(error) === 409) throw new StateConflict(`${id} changed since it was read`);
    throw error;
  }
}

interface BudgetDocument {
  kind: 'budget';
  tenantId: string;
  requestTimes: number[];
}

/**
 * A tenant's request times in the state index, shared by every instance and every entry of that
 * tenant: each save names the copy it read, so two instances never both take the last slot.
 */
export function stateBudgetStore(client: Client, index: string, tenantId: string): BudgetStore {
  const id = `budget:${tenantId}`;
  return {
    async load() {
      const stored = await readVersioned<BudgetDocument>(client, index, id);
      if (!stored) return { requestTimes: [] };
      return {
        requestTimes: stored.source.requestTimes,
        version: JSON.stringify([stored.seqNo, stored.primaryTerm]),
      };
    },
    async save(requestTimes, version) {
      const [seqNo, primaryTerm] = version ? (JSON.parse(version) as [number, number]) : [];
      const expected = version ? { seqNo: seqNo!, primaryTerm: primaryTerm! } : undefined;
      try {
        await writeVersioned<BudgetDocument>(
          client,
          index,
          id,
          { kind: 'budget', tenantId, requestTimes },
          expected
        );
      } catch (error) {
        if (error instanceof StateConflict) throw new BudgetConflict();
        throw error;
      }
    },
  };
}
