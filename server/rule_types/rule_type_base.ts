import type {
  ActionVariable,
  AlertInstanceContext,
  PublicAlertsClient,
} from '@kbn/alerting-plugin/server';
import { FEATURE_ID } from '../../common/constants';
import { inSpace } from '../../common/alerting/app_links';
import { viewIndex, type ViewTarget } from '../lib/views/view_scope';
import { assertIndexPrivileges } from '../services/index_privileges';
import type { ExchangeMessageTraceServices } from '../types';
import { MESSAGE_TRACE_ALERTS, type MessageTraceAlertData } from './alerts_as_data';

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
  dataset: string
): Promise<ViewTarget> {
  const index = viewIndex(dataset);
  await assertIndexPrivileges(
    asCurrentUser,
    index.split(','),
    ['read'],
    "the rule reads the message traces with its creator's Elasticsearch privileges; give them read on it and save the rule again (a new API key is granted)."
  );
  return { client: asCurrentUser, index };
}

export function alertsClientOf<Context extends AlertInstanceContext, Groups extends string>(
  client: PublicAlertsClient<MessageTraceAlertData, AlertInstanceContext, Context, Groups> | null
) {
  // Null only when Kibana's framework alerts are off or their index could not be installed.
  if (!client) throw new Error('Kibana could not provide the alerts client for this rule run');
  return client;
}
