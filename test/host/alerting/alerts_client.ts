import type { LegacyAlert } from '@kbn/alerting-plugin/server';
import { uuidFor, type ReportedAlert, type TrackedAlert } from './alert_lifecycle';

/*
 * `services.alertsClient` of a run, as Kibana's alerts client answers the executor.
 * AL = x-pack/platform/plugins/shared/alerting/server/: alerts_client/alerts_client.ts @ 027ff21606,
 * alert/alert.ts @ 023dbe9a57 (scheduling twice), alert/create_alert_factory.ts @ 32ceae4901
 * (after done(); the alert limit).
 */

// xpack.alerting.rules.run.alerts.max default (AL/server/config.ts @ 05e2b3cf1d)
export const DEFAULT_MAX_ALERTS = 1000;

type Data = Record<string, unknown>;

export class HostAlertsClient {
  readonly reported = new Map<string, ReportedAlert>();
  /** Context and payload the executor set for alerts that recover this run. */
  readonly recoveredData = new Map<string, { context?: Data; payload?: Data }>();
  private done = false;
  private limitRequested = false;
  private limitReported: boolean | undefined;

  constructor(
    private readonly options: {
      previous: Record<string, TrackedAlert>;
      startedAt: Date;
      maxAlerts: number;
      doesSetRecoveryContext: boolean;
      autoRecoverAlerts: boolean;
      /** The tracked alerts' documents, by alert uuid (`hit` of a recovered alert). */
      trackedDocuments: ReadonlyMap<string, Data>;
    }
  ) {}

  report(alert: { id: string; actionGroup: string; state?: Data; context?: Data; payload?: Data }) {
    if (this.done)
      throw new Error(`Can't create new alerts after calling done() in AlertsFactory.`);
    if (this.reported.has(alert.id)) {
      throw new Error('Alert instance execution has already been scheduled, cannot schedule twice');
    }
    if (this.reported.size >= this.options.maxAlerts) {
      throw new Error(`Rule reported more than ${this.options.maxAlerts} alerts.`);
    }
    const uuid = uuidFor(alert.id, this.options.previous);
    this.reported.set(alert.id, {
      uuid,
      actionGroup: alert.actionGroup,
      state: alert.state,
      context: alert.context ?? {},
      payload: alert.payload,
    });
    const start = this.options.previous[alert.id]?.state.start;
    return {
      uuid,
      start: typeof start === 'string' ? start : this.options.startedAt.toISOString(),
    };
  }

  isTrackedAlert(id: string) {
    return this.options.previous[id] !== undefined;
  }

  private recovering(id: string) {
    return this.options.previous[id] !== undefined && !this.reported.has(id);
  }

  setAlertData({ id, context, payload }: { id: string; context?: Data; payload?: Data }) {
    const reported = this.reported.get(id);
    if (reported) {
      if (context) reported.context = context;
      if (payload) reported.payload = { ...reported.payload, ...payload };
      return;
    }
    if (!this.recovering(id)) {
      throw new Error(
        `Cannot set alert data for alert ${id} because it has not been reported and it is not recovered.`
      );
    }
    const data = this.recoveredData.get(id) ?? {};
    this.recoveredData.set(id, {
      context: context ?? data.context,
      payload: payload ? { ...data.payload, ...payload } : data.payload,
    });
  }

  getAlertLimitValue() {
    this.limitRequested = true;
    return this.options.maxAlerts;
  }

  setAlertLimitReached(reached: boolean) {
    this.limitReported = reached;
  }

  get limitReached() {
    return this.limitReported === true;
  }

  getRecoveredAlerts(): Array<{ alert: LegacyAlert<Data, Data>; hit?: Data }> {
    this.done = true;
    if (!this.options.doesSetRecoveryContext || !this.options.autoRecoverAlerts) return [];
    return Object.keys(this.options.previous)
      .filter((id) => this.recovering(id))
      .map((id) => ({ alert: this.recoveredAlert(id), hit: this.hitOf(id) }));
  }

  private hitOf(id: string) {
    const uuid = this.options.previous[id]?.meta.uuid;
    return uuid ? this.options.trackedDocuments.get(uuid) : undefined;
  }

  private recoveredAlert(id: string): LegacyAlert<Data, Data> {
    const tracked = this.options.previous[id]!;
    const setAlertData = (context: Data) => this.setAlertData({ id, context });
    const contextOf = () => this.recoveredData.get(id)?.context;
    return {
      getId: () => id,
      getUuid: () => tracked.meta.uuid,
      getStart: () => (tracked.state.start as string | undefined) ?? null,
      getState: () => tracked.state,
      getContext: () => contextOf() ?? {},
      hasContext: () => contextOf() !== undefined,
      setContext(context: Data) {
        setAlertData(context);
        return this;
      },
    };
  }

  /** After the executor: Kibana's check that a requested limit was answered. */
  checkLimitUsage() {
    if (this.limitRequested && this.limitReported === undefined) {
      throw new Error(
        'Rule has not reported whether alert limit has been reached after requesting limit value!'
      );
    }
  }

  /** What the public surface of `services.alertsClient` exposes. */
  publicClient() {
    return {
      report: this.report.bind(this),
      isTrackedAlert: this.isTrackedAlert.bind(this),
      setAlertData: this.setAlertData.bind(this),
      getAlertLimitValue: this.getAlertLimitValue.bind(this),
      setAlertLimitReached: this.setAlertLimitReached.bind(this),
      getRecoveredAlerts: this.getRecoveredAlerts.bind(this),
    };
  }
}
