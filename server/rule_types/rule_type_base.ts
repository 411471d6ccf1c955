import type {
  ActionVariable,
  AlertInstanceContext,
  AlertInstanceState,
  PublicAlertsClient,
  RuleType,
  RuleTypeParams,
} from '@kbn/alerting-plugin/server';
import type * as t from 'io-ts';
import { FEATURE_ID } from '../../common/constants';
import { paramsValidator, type RuleTypeId } from '../../common/alerting/rule_params';
import { appPath, inSpace, sourcesQuery, type AppPage } from '../../common/alerting/app_links';
import { connectionNamesOf } from '../../common/connection_names';
import { viewIndex, type ViewTarget } from '../lib/views/view_scope';
import { assertIndexPrivileges } from '../services/index_privileges';
import type { ExchangeMessageTraceServices } from '../types';
import {
  MESSAGE_TRACE_ALERTS,
  alertPayload,
  type MessageTraceAlertData,
  type MessageTraceAlertFields,
} from './alerts_as_data';

/** Our rule types: no rule state between runs (the framework tracks the alerts), one group. */
export type MessageTraceRuleType<
  Params extends RuleTypeParams,
  Context extends AlertInstanceContext,
  Group extends string,
> = RuleType<
  Params,
  Params,
  Record<string, never>,
  AlertInstanceState,
  Context,
  Group,
  'recovered',
  MessageTraceAlertData
>;

export interface RuleTypeDependencies {
  getServices(): Promise<ExchangeMessageTraceServices>;
}

/** What every one of our rule types shares: our feature produces them, Security lists them. */
export const RULE_TYPE_BASE = {
  category: 'securitySolution',
  producer: FEATURE_ID,
  solution: 'security',
  minimumLicenseRequired: 'basic',
  isExportable: true,
  defaultScheduleInterval: '5m',
  doesSetRecoveryContext: true,
  alerts: MESSAGE_TRACE_ALERTS,
} as const;

/**
 * A rule type's identity and the parts every one of ours shares: params validated by their codec
 * in common/, and one action group.
 */
export function ruleTypeHead<Params, Group extends string>(
  id: RuleTypeId,
  name: string,
  codec: t.Decoder<unknown, Params>,
  group: { id: Group; name: string }
) {
  return {
    id,
    name,
    ...RULE_TYPE_BASE,
    validate: { params: paramsValidator(codec) },
    actionGroups: [group],
    defaultActionGroupId: group.id,
  };
}

/** Rules limited to some connections name them in their alerts' words. */
export const CONNECTIONS_VARIABLE: ActionVariable = {
  name: 'connections',
  description:
    'The connections the rule reads, by name (an MSSP’s tenant); empty when it reads every connection.',
};

/**
 * The connections a rule is limited to: their names for its alerts' words and, when it reads just
 * one, that connection in each alert document (as a collection-health alert carries its own).
 */
export function ruleConnections(
  connectionIds: readonly string[] | undefined,
  connections: ReadonlyArray<{ id: string; settings: { name: string } }>
): { names: string; fields: Pick<MessageTraceAlertFields, 'connection_id' | 'connection_name'> } {
  const names = connectionNamesOf(connectionIds, connections);
  return {
    names,
    fields:
      connectionIds?.length === 1
        ? { connection_id: connectionIds[0], connection_name: names }
        : {},
  };
}

/** Every message can link to the page that explains the alert. */
export const VIEW_PATH_VARIABLE: ActionVariable = {
  name: 'viewPath',
  description:
    'The page that explains the alert, relative to Kibana: put {{kibanaBaseUrl}} before it for a link.',
};

export const pathInSpaceOf = (spaceId: string) => (path: string) => inSpace(spaceId, path);

/**
 * Our data streams, searched as the rule's API key (the privileges of the user who made the
 * rule). Checked first: a search over data streams the key may not read answers with nothing,
 * which would recover every alert instead of failing the run.
 */
export async function ruleViewTarget(
  asCurrentUser: ViewTarget['client'] & Parameters<typeof assertIndexPrivileges>[0],
  dataset: string,
  namespaces?: readonly string[]
): Promise<ViewTarget> {
  const index = viewIndex(dataset, namespaces);
  await assertIndexPrivileges(
    asCurrentUser,
    index.split(','),
    ['read'],
    "the rule reads the message traces with its creator's Elasticsearch privileges; give them read on it and save the rule again (a new API key is granted)."
  );
  return { client: asCurrentUser, index };
}

type AlertsClient<Context extends AlertInstanceContext, Group extends string> = PublicAlertsClient<
  MessageTraceAlertData,
  AlertInstanceState,
  Context,
  Group
>;

export function alertsClientOf<Context extends AlertInstanceContext, Group extends string>(
  client: AlertsClient<Context, Group> | null
) {
  // Null only when Kibana's framework alerts are off or their index could not be installed.
  if (!client) throw new Error('Kibana could not provide the alerts client for this rule run');
  return client;
}

/** Reports each alert of the run in the rule type's one action group, with its document fields. */
export function reportAlerts<Context extends AlertInstanceContext, Group extends string>(
  client: AlertsClient<Context, Group> | null,
  actionGroup: Group,
  alerts: ReadonlyArray<{ id: string; context: Context }>,
  documentOf: (context: Context) => { reason: string; fields: MessageTraceAlertFields }
) {
  const alertsClient = alertsClientOf(client);
  for (const { id, context } of alerts) {
    const { reason, fields } = documentOf(context);
    alertsClient.report({ id, actionGroup, context, payload: alertPayload(reason, fields) });
  }
  return alertsClient;
}

/** The window a run judges: the given span, ending when the run started. */
export const windowBefore = (startedAt: Date, spanMs: number) => ({
  start: new Date(startedAt.getTime() - spanMs).toISOString(),
  end: startedAt.toISOString(),
});

/**
 * The framework's view-in-app link: our page over the run's range, when it gives one, and over
 * the connections and namespaces the rule reads.
 */
export const viewInApp =
  (page: AppPage) =>
  ({
    rule,
    start,
    end,
  }: {
    rule: { params?: Parameters<typeof sourcesQuery>[0] };
    start?: number;
    end?: number;
  }) =>
    appPath(page, {
      start: start === undefined ? undefined : new Date(start).toISOString(),
      end: end === undefined ? undefined : new Date(end).toISOString(),
      ...sourcesQuery(rule.params ?? {}),
    });
