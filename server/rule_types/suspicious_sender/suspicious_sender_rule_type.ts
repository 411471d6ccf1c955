import {
  RULE_TYPE_IDS,
  suspiciousSenderParamsCodec,
  type SuspiciousSenderParams,
} from '../../../common/alerting/rule_params';
import { HOUR_MS } from '../../../common/time';
import { knownGoodEntryOf } from '../../lib/scoring/known_good';
import { localDomainsIn } from '../../lib/views/local_domains';
import { suspiciousSenders } from '../../lib/views/suspicious_senders';
import {
  CONNECTIONS_VARIABLE,
  VIEW_PATH_VARIABLE,
  pathInSpaceOf,
  ruleConnections,
  reportAlerts,
  ruleTypeHead,
  ruleViewTarget,
  viewInApp,
  windowBefore,
  type MessageTraceRuleType,
  type RuleTypeDependencies,
} from '../rule_type_base';
import { senderAlertReason, senderAlertsOf, type SuspiciousSenderContext } from './sender_alerts';

export const SUSPICIOUS_SENDER_ACTION_GROUP = 'suspiciousSender';
/** The most senders one run scores; they come highest score first. */
const MAX_SENDERS = 200;

export function suspiciousSenderRuleType(
  dependencies: RuleTypeDependencies
): MessageTraceRuleType<
  SuspiciousSenderParams,
  SuspiciousSenderContext,
  typeof SUSPICIOUS_SENDER_ACTION_GROUP
> {
  return {
    ...ruleTypeHead(
      RULE_TYPE_IDS.suspiciousSender,
      'Exchange suspicious sender',
      suspiciousSenderParamsCodec,
      {
        id: SUSPICIOUS_SENDER_ACTION_GROUP,
        name: 'Suspicious sender',
      }
    ),
    actionVariables: {
      context: [
        { name: 'sender', description: 'The sender address, or the sending domain.' },
        { name: 'score', description: 'The sender’s score over the window.' },
        { name: 'threshold', description: 'The score the rule alerts at.' },
        { name: 'reasons', description: 'Each reason: code, weight and explanation.' },
        { name: 'reasonsText', description: 'The reasons’ explanations, one a line.' },
        { name: 'messages', description: 'Message rows from the sender in the window.' },
        { name: 'recipients', description: 'Distinct recipients in the window.' },
        { name: 'undelivered', description: 'Rows failed, quarantined or filtered as spam.' },
        { name: 'sourceIps', description: 'The source IP addresses the sender used.' },
        { name: 'firstSeen', description: 'The sender’s first message in the window.' },
        { name: 'lastSeen', description: 'The sender’s last message in the window.' },
        { name: 'windowStart', description: 'The start of the scored window.' },
        { name: 'windowEnd', description: 'The end of the scored window.' },
        { name: 'recovery', description: 'Why a recovered alert recovered.' },
        CONNECTIONS_VARIABLE,
        VIEW_PATH_VARIABLE,
      ],
      params: [
        { name: 'threshold', description: 'The score a sender alerts at.' },
        { name: 'windowHours', description: 'The hours each run scores.' },
        { name: 'groupBy', description: 'sender or domain.' },
        { name: 'connectionIds', description: 'The connections read; all when empty.' },
        { name: 'namespaces', description: 'The namespaces read; all when empty.' },
      ],
    },
    getViewInAppRelativeUrl: viewInApp('suspicious_senders'),
    async executor({ params, services, startedAt, spaceId }) {
      const { connections, knownSenders, dataset } = await dependencies.getServices();
      const window = windowBefore(startedAt, params.windowHours * HOUR_MS);
      const [target, records, known] = await Promise.all([
        ruleViewTarget(services.scopedClusterClient.asCurrentUser, dataset, params.namespaces),
        connections.listAllSettings(),
        knownSenders.listAll(),
      ]);
      const knownGood = new Map(known.map((sender) => [sender.sender, sender]));
      const scored = await suspiciousSenders(
        target,
        {
          ...window,
          groupBy: params.groupBy,
          connectionIds: params.connectionIds,
          namespaces: params.namespaces,
          pageSize: MAX_SENDERS,
        },
        // Our domains are the rule's connections' own: another tenant's are outside mail to it.
        { localDomains: localDomainsIn(records, params), knownGood }
      );
      const limitedTo = ruleConnections(params.connectionIds, records);
      const alertsClient = reportAlerts(
        services.alertsClient,
        SUSPICIOUS_SENDER_ACTION_GROUP,
        senderAlertsOf(scored.senders, params, window, pathInSpaceOf(spaceId), limitedTo.names),
        (context) => ({
          reason: senderAlertReason(context),
          fields: {
            ...limitedTo.fields,
            sender: context.sender,
            score: context.score,
            reasons: context.reasons.map((reason) => reason.code),
          },
        })
      );
      for (const { alert } of alertsClient.getRecoveredAlerts()) {
        const sender = alert.getId();
        alert.setContext({
          ...alert.getContext(),
          sender,
          recovery: knownGoodEntryOf(sender, knownGood)
            ? 'marked known-good'
            : `its score is below ${params.threshold} over the last ${params.windowHours} hours`,
        });
      }
      return { state: {} };
    },
  };
}
