/** What a tenant's collector is doing, as /healthz shows it. */
export type TenantState =
  | 'starting'
  | 'standby'
  | 'collecting'
  | 'caught up'
  | 'waiting for budget'
  | 'failing';

/** A tenant's state and counters since this process started, for /healthz and /metrics. */
export class TenantStatus {
  state: TenantState = 'starting';
  /** Why the tenant is failing, or who holds it while on standby. */
  reason: string | undefined;
  /** What kind of failure, in a word (a Graph failure kind, `elasticsearch` or `internal`). */
  failureKind: string | undefined;
  collectedUntil: number | undefined;
  lastSuccessAt: number | undefined;
  documents = 0;
  rejectedRows = 0;
  graphRequests = 0;
  throttledResponses = 0;
  budgetUsed = 0;

  constructor(
    readonly name: string,
    readonly tenantId: string,
    readonly namespace: string,
    readonly budgetLimit: number
  ) {}

  set(state: TenantState, reason?: string, failureKind?: string) {
    this.state = state;
    this.reason = reason;
    this.failureKind = failureKind;
  }

  /** How far collection is behind now: unknown until a checkpoint was read. */
  lagSeconds(now: number): number | undefined {
    return this.collectedUntil === undefined
      ? undefined
      : Math.max(0, Math.round((now - this.collectedUntil) / 1000));
  }

  toJSON(now = Date.now()) {
    return {
      name: this.name,
      tenantId: this.tenantId,
      namespace: this.namespace,
      state: this.state,
      ...(this.reason ? { reason: this.reason } : {}),
      ...(this.failureKind ? { failureKind: this.failureKind } : {}),
      lagSeconds: this.lagSeconds(now) ?? null,
      collectedUntil: this.collectedUntil ? new Date(this.collectedUntil).toISOString() : null,
      lastSuccess: this.lastSuccessAt ? new Date(this.lastSuccessAt).toISOString() : null,
      documents: this.documents,
      rejectedRows: this.rejectedRows,
      graphRequests: this.graphRequests,
      throttledResponses: this.throttledResponses,
      budgetUsed: this.budgetUsed,
      budgetLimit: this.budgetLimit,
    };
  }
}

const escapeLabel = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

const METRICS: Array<{
  name: string;
  type: 'gauge' | 'counter';
  help: string;
  value: (status: TenantStatus, now: number) => number | undefined;
  kindLabel?: true;
}> = [
  {
    name: 'exchange_message_trace_lag_seconds',
    type: 'gauge',
    help: 'How far behind now collection has read',
    value: (status, now) => status.lagSeconds(now),
  },
  {
    name: 'exchange_message_trace_documents_total',
    type: 'counter',
    help: 'Documents stored',
    value: (status) => status.documents,
  },
  {
    name: 'exchange_message_trace_rejected_rows_total',
    type: 'counter',
    help: 'Rows Microsoft Graph sent that could not be read',
    value: (status) => status.rejectedRows,
  },
  {
    name: 'exchange_message_trace_graph_requests_total',
    type: 'counter',
    help: 'Message trace requests sent to Microsoft Graph',
    value: (status) => status.graphRequests,
  },
  {
    name: 'exchange_message_trace_graph_throttled_total',
    type: 'counter',
    help: 'Responses 429 (throttled) from Microsoft Graph',
    value: (status) => status.throttledResponses,
  },
  {
    name: 'exchange_message_trace_budget_used',
    type: 'gauge',
    help: 'Requests in the last 5 minutes, of the budget',
    value: (status) => status.budgetUsed,
  },
  {
    name: 'exchange_message_trace_budget_limit',
    type: 'gauge',
    help: 'The request budget per 5 minutes',
    value: (status) => status.budgetLimit,
  },
  {
    name: 'exchange_message_trace_last_success_timestamp_seconds',
    type: 'gauge',
    help: 'When collection last caught up (Unix time)',
    value: (status) => (status.lastSuccessAt ? Math.floor(status.lastSuccessAt / 1000) : undefined),
  },
  {
    name: 'exchange_message_trace_failing',
    type: 'gauge',
    help: '1 while the tenant is failing (the reason is in /healthz)',
    value: (status) => (status.state === 'failing' ? 1 : 0),
    kindLabel: true,
  },
  {
    name: 'exchange_message_trace_held',
    type: 'gauge',
    help: '1 while this instance collects the tenant',
    value: (status) => (status.state === 'standby' || status.state === 'starting' ? 0 : 1),
  },
];

/** The Prometheus text exposition format (version 0.0.4), one series per tenant. */
export function prometheusText(statuses: readonly TenantStatus[], now = Date.now()): string {
  const lines: string[] = [];
  for (const metric of METRICS) {
    lines.push(`# HELP ${metric.name} ${metric.help}`, `# TYPE ${metric.name} ${metric.type}`);
    for (const status of statuses) {
      const value = metric.value(status, now);
      if (value === undefined) continue;
      const kind =
        metric.kindLabel && status.failureKind ? `,kind="${escapeLabel(status.failureKind)}"` : '';
      const labels = `tenant="${escapeLabel(status.name)}",namespace="${escapeLabel(status.namespace)}"${kind}`;
      lines.push(`${metric.name}{${labels}} ${value}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
