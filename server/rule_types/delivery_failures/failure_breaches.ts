import type { DeliveryFailuresParams } from '../../../common/alerting/rule_params';
import { appPath, sourcesQuery } from '../../../common/alerting/app_links';
import { inConnections } from '../../../common/connection_names';

/** Rows in their latest status, for the whole window or one recipient domain. */
export interface FailureCounts {
  /** A recipient domain, or undefined for all mail. */
  recipientDomain?: string;
  total: number;
  byStatus: Partial<Record<DeliveryFailuresParams['statuses'][number], number>>;
}

export interface DeliveryFailuresContext {
  [key: string]: unknown;
  /** `all mail` or the recipient domain. */
  scope: string;
  recipientDomain?: string;
  failures: number;
  total: number;
  /** Failures as a percentage of all rows, one decimal. */
  sharePercent: number;
  failed: number;
  quarantined: number;
  filteredAsSpam: number;
  statuses: string;
  /** The connections the rule reads, by name; empty when it reads every one. */
  connections: string;
  threshold: number;
  thresholdType: DeliveryFailuresParams['thresholdType'];
  windowStart: string;
  windowEnd: string;
  /** The delivery status page over the window, relative to Kibana's base URL. */
  viewPath: string;
}

export interface FailureAlert {
  id: string;
  context: DeliveryFailuresContext;
}

/** The alert id of the whole window's mail; a recipient domain's alert is the domain. */
export const ALL_MAIL = 'all';

const percent = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;

/**
 * Counts over the threshold. A share is judged only over `minMessages` rows or more, so a
 * domain with one failed message of two is not a spike.
 */
export function failureAlertsOf(
  counts: readonly FailureCounts[],
  params: DeliveryFailuresParams,
  window: { start: string; end: string },
  pathInSpace: (path: string) => string,
  connections: string
): FailureAlert[] {
  return counts.flatMap((count) => {
    const failures = params.statuses.reduce(
      (sum, status) => sum + (count.byStatus[status] ?? 0),
      0
    );
    const breached =
      params.thresholdType === 'count'
        ? failures >= params.threshold
        : count.total >= params.minMessages && (failures / count.total) * 100 >= params.threshold;
    if (!breached || failures === 0) return [];
    return [
      {
        id: count.recipientDomain ?? ALL_MAIL,
        context: {
          scope: count.recipientDomain ?? 'all mail',
          ...(count.recipientDomain ? { recipientDomain: count.recipientDomain } : {}),
          failures,
          total: count.total,
          sharePercent: percent(failures, count.total),
          failed: count.byStatus.failed ?? 0,
          quarantined: count.byStatus.quarantined ?? 0,
          filteredAsSpam: count.byStatus.filteredAsSpam ?? 0,
          statuses: params.statuses.join(', '),
          connections,
          threshold: params.threshold,
          thresholdType: params.thresholdType,
          windowStart: window.start,
          windowEnd: window.end,
          viewPath: pathInSpace(
            appPath('delivery_status', {
              start: window.start,
              end: window.end,
              ...sourcesQuery(params),
            })
          ),
        },
      },
    ];
  });
}

export const failureAlertReason = (context: DeliveryFailuresContext) =>
  `${context.failures} of ${context.total} rows (${context.sharePercent}%) to ${context.scope}${inConnections(context.connections)} were ${context.statuses}`;
