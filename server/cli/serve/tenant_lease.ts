import type { Client } from '@elastic/elasticsearch';
import type { CollectorCheckpoint } from '../../../common/collector_checkpoint';
import type { Clock } from '../../lib/collector/clock';
import {
  readVersioned,
  StateConflict,
  writeVersioned,
  type VersionedDocument,
} from './state_index';

/** A tenant's lease and checkpoint: one document, so only the lease holder can move the checkpoint. */
export interface TenantStateDocument {
  kind: 'tenant';
  name: string;
  tenantId: string;
  namespace: string;
  /** The instance collecting the tenant; none after a clean stop. */
  holder: string | null;
  leaseExpiresAt: number;
  checkpoint?: CollectorCheckpoint;
}

/** Another instance holds the lease now: this one must stop writing for the tenant at once. */
export class LeaseLost extends Error {}

export const tenantStateId = (tenantId: string, namespace: string) =>
  `tenant:${tenantId}:${namespace}`;

/**
 * Who collects a tenant when several instances share a config. Every write (taking, renewing,
 * saving a checkpoint, releasing) names the copy this instance last wrote (`if_seq_no`,
 * `if_primary_term`), so once another instance has taken over, the next write here fails and this
 * instance stops; a checkpoint can never be moved by an instance that no longer holds the tenant.
 * Holders' clocks must agree to well within the lease (NTP), as expiry is a wall-clock time.
 */
export class TenantLease {
  private version: Pick<VersionedDocument<unknown>, 'seqNo' | 'primaryTerm'> | undefined;
  private document: TenantStateDocument | undefined;
  /** Writes go one at a time: each needs the version the previous one produced. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: Client,
    private readonly index: string,
    private readonly tenant: { name: string; tenantId: string; namespace: string },
    private readonly instanceId: string,
    private readonly durationMs: number,
    private readonly clock: Clock
  ) {}

  private get id() {
    return tenantStateId(this.tenant.tenantId, this.tenant.namespace);
  }

  /** Held, with a third of the lease to spare: enough to store a page before anyone may take over. */
  held(): boolean {
    return (
      this.document?.holder === this.instanceId &&
      this.document.leaseExpiresAt - this.durationMs / 3 > this.clock.now()
    );
  }

  checkpoint(): CollectorCheckpoint | undefined {
    return this.document?.checkpoint;
  }

  /** Who holds the tenant and until when, as last read. */
  holder(): { holder: string | null; until: number } | undefined {
    return this.document && { holder: this.document.holder, until: this.document.leaseExpiresAt };
  }

  /** Takes the lease when it is free, expired or already ours; false when another instance holds it. */
  async tryAcquire(): Promise<boolean> {
    const stored = await readVersioned<TenantStateDocument>(this.client, this.index, this.id);
    this.document = stored?.source;
    const now = this.clock.now();
    if (stored && stored.source.holder !== this.instanceId && stored.source.holder !== null) {
      if (stored.source.leaseExpiresAt > now) return false;
    }
    try {
      await this.write(
        { ...stored?.source, ...this.tenant, kind: 'tenant', holder: this.instanceId },
        stored
      );
      return true;
    } catch (error) {
      if (error instanceof LeaseLost) return false;
      throw error;
    }
  }

  /** Extends the lease; throws LeaseLost when another instance took it meanwhile. */
  renew(): Promise<void> {
    return this.serialised(() => this.writeHeld({}));
  }

  saveCheckpoint(checkpoint: CollectorCheckpoint): Promise<void> {
    return this.serialised(() => this.writeHeld({ checkpoint }));
  }

  private writeHeld(change: Partial<TenantStateDocument>): Promise<void> {
    if (this.document?.holder !== this.instanceId || !this.version) {
      return Promise.reject(new LeaseLost(`Tenant ${this.tenant.name} is not held here`));
    }
    return this.write({ ...this.document, ...change }, this.version);
  }

  /** Hands the tenant back at a clean stop, so another instance may take it at once. */
  async release(): Promise<void> {
    if (this.document?.holder !== this.instanceId) return;
    await this.serialised(async () => {
      await writeVersioned(
        this.client,
        this.index,
        this.id,
        { ...this.document!, holder: null, leaseExpiresAt: 0 },
        this.version
      ).catch((error: unknown) => {
        if (!(error instanceof StateConflict)) throw error;
      });
      this.document = { ...this.document!, holder: null };
    });
  }

  private serialised(write: () => Promise<void>): Promise<void> {
    const turn = this.writes.then(write);
    this.writes = turn.catch(() => undefined);
    return turn;
  }

  private async write(
    document: Omit<TenantStateDocument, 'leaseExpiresAt'>,
    expected: Pick<VersionedDocument<unknown>, 'seqNo' | 'primaryTerm'> | undefined
  ): Promise<void> {
    const next = { ...document, leaseExpiresAt: this.clock.now() + this.durationMs };
    try {
      this.version = await writeVersioned(this.client, this.index, this.id, next, expected);
      this.document = next;
    } catch (error) {
      if (!(error instanceof StateConflict)) throw error;
      this.document = undefined;
      this.version = undefined;
      throw new LeaseLost(
        `Another instance took over tenant ${this.tenant.name} (${this.tenant.namespace})`
      );
    }
  }
}
