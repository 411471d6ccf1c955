import type { Client } from '@elastic/elasticsearch';
import { RequestBudget, type BudgetStore } from '../../lib/budget/request_budget';
import type { Clock } from '../../lib/collector/clock';
import { collect } from '../../lib/collector/collect';
import { createCollectorDeps, WriteIncompleteError } from '../../lib/collector/collector_pipeline';
import type { PageSlotSource } from '../../lib/collector/page_slots';
import { initialCheckpoint } from '../../lib/collector/windows';
import { dataStreamName, DEFAULT_DATASET } from '../../lib/data_stream/data_stream_name';
import type { NamespaceTemplates } from '../../lib/data_stream/namespace_templates';
import { GraphError } from '../../lib/graph/graph_error';
import type { GraphEndpoints } from '../../lib/graph/graph_hosts';
import { TokenProvider } from '../../lib/graph/token_provider';
import { errorStatus } from '../../lib/writer/es_errors';
import type { JsonLogger } from './json_logger';
import type { ServiceTenant } from './service_config';
import { stateBudgetStore } from './state_index';
import { LeaseLost, TenantLease } from './tenant_lease';
import { TenantStatus } from './tenant_status';

export interface TenantCollectorServices {
  client: Client;
  stateIndex: string;
  instanceId: string;
  leaseMs: number;
  endpoints: GraphEndpoints;
  namespaceTemplates: NamespaceTemplates;
  ingestPipeline: string;
  logger: JsonLogger;
  clock: Clock;
  /** Shared by every tenant of the process: how many hold a page at once. */
  pageSlots: PageSlotSource;
}

/** Waiting longer than this for the budget ends a pass; the tenant waits, then goes on. */
const MAX_BUDGET_WAIT_MS = 30_000;
const FIRST_RETRY_MS = 5_000;

/**
 * The collection budget, but no new request once the service is stopping: a wait for a free slot
 * ends at once, while the page already requested is still stored and its checkpoint saved.
 */
class StoppableBudget extends RequestBudget {
  constructor(
    store: BudgetStore,
    clock: Clock,
    limit: number,
    private readonly stopping: AbortSignal,
    private readonly onRequest: () => void
  ) {
    super(store, clock, limit);
  }

  override async acquire(signal?: AbortSignal, maxWaitMs?: number): Promise<void> {
    await super.acquire(
      AbortSignal.any(signal ? [signal, this.stopping] : [this.stopping]),
      maxWaitMs
    );
    this.onRequest();
  }
}

/**
 * One tenant of the service: takes its lease, collects with the same engine as the Kibana task
 * (windows, budget, trailing re-read, ids), waits for the interval and goes on, until stopped.
 */
export class TenantCollector {
  readonly status: TenantStatus;
  private readonly stopping = new AbortController();
  /** Aborts what is in flight; only when a stop's grace runs out. */
  private readonly halt = new AbortController();
  private running: Promise<void> | undefined;
  private failures = 0;

  constructor(
    readonly tenant: ServiceTenant,
    private readonly services: TenantCollectorServices
  ) {
    this.status = new TenantStatus(tenant.name, tenant.tenantId, tenant.namespace, tenant.budget);
  }

  start() {
    this.running ??= this.loop();
  }

  /** Ends the current page and saves its checkpoint; what is still running after `graceMs` is cut. */
  async stop(graceMs: number): Promise<void> {
    this.stopping.abort(new Error('The service is stopping'));
    const cut = setTimeout(() => this.halt.abort(new Error('Stopped')), graceMs);
    try {
      await this.running;
    } finally {
      clearTimeout(cut);
    }
  }

  private log(message: string, fields: Record<string, unknown> = {}) {
    this.services.logger.info(message, { tenant: this.tenant.name, ...fields });
  }

  private async pause(ms: number) {
    await this.services.clock.sleep(ms, this.stopping.signal).catch(() => undefined);
  }

  private async loop() {
    const { services, tenant } = this;
    const lease = new TenantLease(
      services.client,
      services.stateIndex,
      tenant,
      services.instanceId,
      services.leaseMs,
      services.clock
    );
    const engine = this.engine(lease);
    let renewal: NodeJS.Timeout | undefined;
    const stopRenewal = () => clearInterval(renewal);
    try {
      while (!this.stopping.signal.aborted) {
        if (!lease.held()) {
          stopRenewal();
          if (!(await this.acquire(lease))) {
            await this.pause(services.leaseMs / 4);
            continue;
          }
          renewal = setInterval(() => void this.renew(lease), services.leaseMs / 4);
        }
        await this.pause(await this.collectOnce(lease, engine));
      }
    } finally {
      stopRenewal();
      await lease.release().catch((error: Error) =>
        services.logger.warn('Could not hand the tenant back', {
          tenant: tenant.name,
          error: error.message,
        })
      );
      this.log('Tenant stopped');
    }
  }

  private async acquire(lease: TenantLease): Promise<boolean> {
    try {
      if (await lease.tryAcquire()) {
        this.log('Lease taken', { instance: this.services.instanceId });
        return true;
      }
      const holder = lease.holder();
      this.status.set(
        'standby',
        `held by ${holder?.holder} until ${new Date(holder?.until ?? 0).toISOString()}`
      );
    } catch (error) {
      this.fail(error);
    }
    return false;
  }

  private async renew(lease: TenantLease) {
    try {
      await lease.renew();
    } catch (error) {
      if (error instanceof LeaseLost) {
        this.status.set('standby', error.message);
        this.log('Lease lost', { error: error.message });
      } else {
        this.services.logger.warn('Could not renew the lease', {
          tenant: this.tenant.name,
          error: (error as Error).message,
        });
      }
    }
  }

  private fail(error: unknown) {
    this.failures += 1;
    const reason = this.services.logger.redact((error as Error).message);
    const kind =
      error instanceof GraphError
        ? error.kind
        : errorStatus(error) !== undefined || error instanceof WriteIncompleteError
          ? 'elasticsearch'
          : 'internal';
    this.status.set('failing', reason, kind);
    this.services.logger.error('Collection failed', {
      tenant: this.tenant.name,
      error: reason,
      kind,
    });
  }

  /** The engine for this tenant, as the Kibana task builds it, writing its checkpoint through the lease. */
  private engine(lease: TenantLease) {
    const { services, tenant, status } = this;
    const clock = services.clock;
    const dataStream = dataStreamName(DEFAULT_DATASET, tenant.namespace);
    const budget = new StoppableBudget(
      stateBudgetStore(services.client, services.stateIndex, tenant.tenantId),
      clock,
      tenant.budget,
      this.stopping.signal,
      () => (status.graphRequests += 1)
    );
    const deps = createCollectorDeps({
      endpoints: services.endpoints,
      tokens: new TokenProvider({
        tenantId: tenant.tenantId,
        clientId: tenant.clientId,
        credential: tenant.credential,
        endpoints: services.endpoints,
        timeoutMs: 30_000,
      }),
      budget,
      clock,
      elasticsearch: services.client,
      dataStream,
      mapping: {
        localDomains: tenant.localDomains,
        matchSubdomains: tenant.matchSubdomains,
        dataset: DEFAULT_DATASET,
        namespace: tenant.namespace,
        tenantId: tenant.tenantId,
      },
      ingestPipeline: services.ingestPipeline,
      pageSize: tenant.pageSize,
      maxBudgetWaitMs: () => MAX_BUDGET_WAIT_MS,
      saveCheckpoint: (checkpoint) => lease.saveCheckpoint(checkpoint),
      onGraphRetry: (error, delayMs) => {
        if (error.kind === 'throttled') status.throttledResponses += 1;
        services.logger.warn('Microsoft Graph request retried', {
          tenant: tenant.name,
          error: error.message,
          retryInSeconds: Math.round(delayMs / 1000),
        });
      },
    });
    return { deps, budget };
  }

  /** One pass of the engine; returns how long to wait before the next. */
  private async collectOnce(
    lease: TenantLease,
    { deps, budget }: ReturnType<TenantCollector['engine']>
  ): Promise<number> {
    const { services, tenant, status } = this;
    const clock = services.clock;
    const start = lease.checkpoint() ?? initialCheckpoint(clock.now(), tenant.settings);
    status.collectedUntil = start.collectedUntil;
    status.set('collecting');
    const before = { documents: status.documents, rejected: status.rejectedRows };
    try {
      await services.namespaceTemplates.ensure(tenant.namespace);
      const { summary, checkpoint } = await collect(deps, start, tenant.settings, {
        signal: this.halt.signal,
        stillWanted: async () => lease.held(),
        // A tenant waiting for its turn stops waiting when the service stops; its lease is renewed
        // meanwhile by its own timer, which no slot holds up.
        pageSlots: {
          acquire: (signal) =>
            services.pageSlots.acquire(
              AbortSignal.any(signal ? [signal, this.stopping.signal] : [this.stopping.signal])
            ),
        },
        onPage: (progress, at) => {
          status.documents = before.documents + progress.documentsCreated;
          status.rejectedRows = before.rejected + progress.rowsRejected;
          status.collectedUntil = at.collectedUntil;
          this.log('Page stored', {
            instance: services.instanceId,
            documents: progress.documentsCreated,
            collectedUntil: new Date(at.collectedUntil).toISOString(),
          });
        },
      });
      status.budgetUsed = await budget.used();
      this.failures = 0;
      if (summary.caughtUp) {
        status.lastSuccessAt = clock.now();
        status.set('caught up');
        this.log('Caught up', {
          documents: summary.documentsCreated,
          collectedUntil: new Date(checkpoint.collectedUntil).toISOString(),
        });
        return tenant.intervalMs;
      }
      if (summary.budgetAvailableAt !== undefined) {
        status.set(
          'waiting for budget',
          `until ${new Date(summary.budgetAvailableAt).toISOString()}`
        );
        return summary.budgetAvailableAt - clock.now();
      }
      return 0;
    } catch (error) {
      if (this.stopping.signal.aborted) return 0;
      if (error instanceof LeaseLost) {
        this.status.set('standby', error.message);
        this.log('Lease lost', { error: error.message });
        return 0;
      }
      this.fail(error);
      return Math.min(tenant.intervalMs, FIRST_RETRY_MS * 2 ** (this.failures - 1));
    }
  }
}
