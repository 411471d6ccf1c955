import type {
  CollectionHealthParams,
  SuspiciousSenderParams,
} from '../../common/alerting/rule_params';
import type { SuspiciousSender, ViewScope } from '../../common/http_api/views';
import { HOUR_MS } from '../../common/time';

/** One reason of weight 40 (an undelivered share, a lookalike, our own domain from outside). */
const DEFAULT_THRESHOLD = 40;
const MAX_WINDOW_HOURS = 720;

/**
 * A suspicious-sender rule that alerts on what the page shows: its range as the window, its
 * grouping, connections and namespaces, and the lowest score listed as the threshold.
 */
export function suspiciousSenderRuleParams(
  scope: ViewScope,
  groupBy: SuspiciousSenderParams['groupBy'],
  senders: readonly SuspiciousSender[]
): SuspiciousSenderParams {
  const hours = Math.ceil((Date.parse(scope.end) - Date.parse(scope.start)) / HOUR_MS);
  const scores = senders.filter((sender) => !sender.knownGood).map((sender) => sender.score);
  return {
    threshold: scores.length > 0 ? Math.max(1, Math.min(...scores)) : DEFAULT_THRESHOLD,
    windowHours: Math.min(Math.max(hours, 1), MAX_WINDOW_HOURS),
    groupBy,
    ...(scope.connectionIds?.length ? { connectionIds: scope.connectionIds } : {}),
    ...(scope.namespaces?.length ? { namespaces: scope.namespaces } : {}),
  };
}

/** Collection health: throttled for an hour, two hours behind, a secret expiring within 14 days. */
export const COLLECTION_HEALTH_DEFAULTS: CollectionHealthParams = {
  throttledMinutes: 60,
  lagMinutes: 120,
  expiryDays: 14,
};
