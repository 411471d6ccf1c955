import type { SuspiciousSender } from '../../../common/http_api/views';
import type { SuspiciousSenderParams } from '../../../common/alerting/rule_params';
import { appPath, sourcesQuery } from '../../../common/alerting/app_links';
import { inConnections } from '../../../common/connection_names';

/** What a message about one suspicious sender can say (the rule type's action variables). */
export interface SuspiciousSenderContext
  extends Pick<
    SuspiciousSender,
    | 'sender'
    | 'score'
    | 'reasons'
    | 'messages'
    | 'recipients'
    | 'undelivered'
    | 'sourceIps'
    | 'firstSeen'
    | 'lastSeen'
  > {
  [key: string]: unknown;
  /** `sender` (an address) or `domain`, as the rule groups. */
  groupBy: SuspiciousSenderParams['groupBy'];
  threshold: number;
  /** The connections the rule reads, by name; empty when it reads every one. */
  connections: string;
  /** The reasons' explanations, one a line, for messages without loops. */
  reasonsText: string;
  windowStart: string;
  windowEnd: string;
  /** The sender's messages on our Messages page, relative to Kibana's base URL. */
  viewPath: string;
}

export interface SenderAlert {
  id: string;
  context: SuspiciousSenderContext;
}

/**
 * One alert per sender whose score reaches the threshold, keyed by the sender itself so the
 * framework sees the same alert on every run while it holds (and recovers it once it does not).
 * Known-good senders never reach here: the scoring leaves them out.
 */
export function senderAlertsOf(
  senders: readonly SuspiciousSender[],
  params: SuspiciousSenderParams,
  window: { start: string; end: string },
  pathInSpace: (path: string) => string,
  connections: string
): SenderAlert[] {
  return senders
    .filter((sender) => !sender.knownGood && sender.score >= params.threshold)
    .map((sender) => ({
      id: sender.sender,
      context: {
        sender: sender.sender,
        groupBy: params.groupBy,
        score: sender.score,
        threshold: params.threshold,
        connections,
        reasons: sender.reasons.map(({ code, weight, explanation }) => ({
          code,
          weight,
          explanation,
        })),
        reasonsText: sender.reasons.map((reason) => `- ${reason.explanation}`).join('\n'),
        messages: sender.messages,
        recipients: sender.recipients,
        undelivered: sender.undelivered,
        sourceIps: sender.sourceIps,
        firstSeen: sender.firstSeen,
        lastSeen: sender.lastSeen,
        windowStart: window.start,
        windowEnd: window.end,
        viewPath: pathInSpace(
          appPath('messages', {
            start: window.start,
            end: window.end,
            sender: params.groupBy === 'domain' ? `*@${sender.sender}` : sender.sender,
            ...sourcesQuery(params),
          })
        ),
      },
    }));
}

/** The one-line reason an alert document carries (`kibana.alert.reason`). */
export const senderAlertReason = ({
  sender,
  score,
  threshold,
  connections,
  reasons,
}: SuspiciousSenderContext) =>
  `${sender} scored ${score} (threshold ${threshold})${inConnections(connections)}: ${reasons
    .map((reason) => reason.code)
    .join(', ')}`;
