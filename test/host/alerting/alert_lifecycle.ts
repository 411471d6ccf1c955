import { randomUUID } from 'node:crypto';

/*
 * Which alerts are new, ongoing and recovered after a run, with their flapping, as Kibana's task
 * runner decides it. AL = x-pack/platform/plugins/shared/alerting/ in elastic/kibana:
 * AL/server/lib/process_alerts.ts @ 55cbab20ad, lib/flapping/set_flapping_history_and_tracked_alerts.ts
 * @ 731b1b646f, lib/flapping/flapping_utils.ts @ 9a5ff2abc0, lib/flapping/
 * delay_recovered_flapping_alerts.ts @ 2fd1ed8709; the task state's shape is
 * kbn-alerting-state-types task_state/v1/schema.ts @ 7de2e616d3.
 */

export interface FlappingSettings {
  enabled: boolean;
  lookBackWindow: number;
  statusChangeThreshold: number;
}

// AL/common/rules_settings.ts @ 0ed8726146
export const DEFAULT_FLAPPING_SETTINGS: FlappingSettings = {
  enabled: true,
  lookBackWindow: 20,
  statusChangeThreshold: 4,
};

export interface AlertMeta {
  uuid: string;
  flappingHistory: boolean[];
  flapping: boolean;
  pendingRecoveredCount: number;
  activeCount: number;
  lastScheduledActions?: {
    group: string;
    date: string;
    actions?: Record<string, { date: string }>;
  };
}

export interface TrackedAlert {
  meta: AlertMeta;
  state: Record<string, unknown>;
}

export interface ReportedAlert {
  uuid: string;
  actionGroup: string;
  state?: Record<string, unknown>;
  context: Record<string, unknown>;
  payload?: Record<string, unknown>;
}

export type AlertStatus = 'new' | 'ongoing' | 'recovered';

export interface ProcessedAlert {
  id: string;
  status: AlertStatus;
  actionGroup: string;
  context: Record<string, unknown>;
  payload?: Record<string, unknown>;
  meta: AlertMeta;
  state: Record<string, unknown>;
}

export interface ProcessedAlerts {
  /** New and ongoing, including flapping ones whose recovery is held. */
  active: ProcessedAlert[];
  recovered: ProcessedAlert[];
  /** Tracked for the next run: `alertInstances` and `alertRecoveredInstances` of the task state. */
  alertInstances: Record<string, TrackedAlert>;
  alertRecoveredInstances: Record<string, TrackedAlert>;
}

// flapping_utils.ts: `true` marks a change of status; the history keeps the last lookBackWindow.
function withHistory(history: boolean[], changed: boolean, settings: FlappingSettings) {
  return [...history, changed].slice(-settings.lookBackWindow);
}

function isFlapping(settings: FlappingSettings, history: boolean[], currentlyFlapping: boolean) {
  const changes = history.filter(Boolean).length;
  if (currentlyFlapping) {
    return !(history.length >= settings.lookBackWindow && changes === 0);
  }
  return changes >= settings.statusChangeThreshold;
}

function durationUs(start: unknown, now: Date) {
  const started = typeof start === 'string' ? Date.parse(start) : now.getTime();
  return String((now.getTime() - started) * 1000);
}

/** The uuid a reported alert gets: its own while it stays active, a new one for a new span. */
export function uuidFor(id: string, previous: Record<string, TrackedAlert>) {
  return previous[id]?.meta.uuid ?? randomUUID();
}

export function processAlerts(options: {
  reported: ReadonlyMap<string, ReportedAlert>;
  previous: Record<string, TrackedAlert>;
  previousRecovered: Record<string, TrackedAlert>;
  startedAt: Date;
  flapping: FlappingSettings;
  recoveryActionGroup: string;
  /** Alert limit reached: nothing recovers this run (process_alerts.ts). */
  limitReached: boolean;
  autoRecoverAlerts: boolean;
}): ProcessedAlerts {
  const { reported, previous, previousRecovered, startedAt, flapping } = options;
  const now = startedAt.toISOString();
  const active: ProcessedAlert[] = [];
  const recovered: ProcessedAlert[] = [];
  for (const [id, alert] of reported) {
    const tracked = previous[id];
    const history = tracked?.meta.flappingHistory ?? previousRecovered[id]?.meta.flappingHistory;
    const wasFlapping = tracked?.meta.flapping ?? previousRecovered[id]?.meta.flapping ?? false;
    const flappingHistory = flapping.enabled
      ? withHistory(history ?? [], tracked === undefined, flapping)
      : [];
    const start = tracked ? (tracked.state.start as string) : now;
    active.push({
      id,
      status: tracked ? 'ongoing' : 'new',
      actionGroup: alert.actionGroup,
      context: alert.context,
      payload: alert.payload,
      meta: {
        ...tracked?.meta,
        uuid: alert.uuid,
        flappingHistory,
        flapping: flapping.enabled && isFlapping(flapping, flappingHistory, wasFlapping),
        pendingRecoveredCount: 0,
        activeCount: (tracked?.meta.activeCount ?? 0) + 1,
      },
      state: {
        ...(alert.state && Object.keys(alert.state).length > 0 ? alert.state : tracked?.state),
        start,
        duration: tracked ? durationUs(start, startedAt) : '0',
      },
    });
  }
  const recovering =
    options.limitReached || !options.autoRecoverAlerts ? [] : Object.keys(previous);
  for (const id of recovering.filter((tracked) => !reported.has(tracked))) {
    const tracked = previous[id]!;
    const flappingHistory = flapping.enabled
      ? withHistory(tracked.meta.flappingHistory, true, flapping)
      : [];
    const nowFlapping =
      flapping.enabled && isFlapping(flapping, flappingHistory, tracked.meta.flapping);
    const pendingRecoveredCount = tracked.meta.pendingRecoveredCount + 1;
    // delay_recovered_flapping_alerts.ts: a flapping alert stays active with its last group
    // until it has been quiet for statusChangeThreshold runs.
    if (nowFlapping && pendingRecoveredCount < flapping.statusChangeThreshold) {
      const group = tracked.meta.lastScheduledActions?.group ?? options.recoveryActionGroup;
      active.push({
        id,
        status: 'ongoing',
        actionGroup: group,
        context: {},
        meta: { ...tracked.meta, flappingHistory, flapping: true, pendingRecoveredCount },
        state: { ...tracked.state, duration: durationUs(tracked.state.start, startedAt) },
      });
      continue;
    }
    recovered.push({
      id,
      status: 'recovered',
      actionGroup: options.recoveryActionGroup,
      context: {},
      meta: { ...tracked.meta, flappingHistory, flapping: nowFlapping, pendingRecoveredCount: 0 },
      state: { ...tracked.state, duration: durationUs(tracked.state.start, startedAt), end: now },
    });
  }
  if (options.limitReached) {
    for (const [id, tracked] of Object.entries(previous)) {
      if (!reported.has(id))
        active.push({
          id,
          status: 'ongoing',
          actionGroup: tracked.meta.lastScheduledActions?.group ?? '',
          context: {},
          meta: tracked.meta,
          state: tracked.state,
        });
    }
  }
  return {
    active,
    recovered,
    alertInstances: Object.fromEntries(active.map((a) => [a.id, { meta: a.meta, state: a.state }])),
    alertRecoveredInstances: Object.fromEntries(
      recovered
        .filter(() => flapping.enabled)
        .map((alert) => [alert.id, { meta: alert.meta, state: alert.state }])
    ),
  };
}
