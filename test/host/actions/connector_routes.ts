import type { IRouter } from '@kbn/core/server';
import { schema } from '../kbn_modules/config_schema';
import { legacyErrors, recordDefaultingToEmpty } from '../alerting/route_support';
import type { ActionsService, Connector } from './actions_service';

/*
 * The connector APIs of Kibana's actions plugin that tests and pages use.
 * AC = x-pack/platform/plugins/shared/actions/: common/routes/connector/apis/create/schemas/v1.ts
 * @ 16a7d36862 (the body; empty strings refused), server/routes/connector/create/create.ts
 * @ 1f3a80acdc. Authorization is the actions client's, so the routes opt out of route authz.
 */

const ACTIONS_SECURITY = {
  authz: {
    enabled: false as const,
    reason:
      'This route is opted out from authorization because actions use their own authorization model inside the actions client.',
  },
};

interface CreateBody {
  name: string;
  connector_type_id: string;
  config: Record<string, unknown>;
  secrets: Record<string, unknown>;
}

// The connector as the API shows it, never with its secrets.
function connectorResponse(connector: Connector) {
  return {
    id: connector.id,
    name: connector.name,
    connector_type_id: connector.actionTypeId,
    config: connector.config,
    is_preconfigured: false,
    is_deprecated: false,
    is_missing_secrets: connector.isMissingSecrets,
    is_system_action: false,
  };
}

export function registerConnectorRoutes(router: IRouter, actions: ActionsService) {
  router.post(
    {
      path: '/api/actions/connector/{id?}',
      security: ACTIONS_SECURITY,
      options: { access: 'public' },
      validate: {
        params: schema.object({ id: schema.maybe(schema.string()) }),
        body: schema.object({
          name: schema.string({ minLength: 1 }),
          connector_type_id: schema.string({ minLength: 1 }),
          config: recordDefaultingToEmpty,
          secrets: recordDefaultingToEmpty,
        }),
      } as never,
    },
    legacyErrors<{ id?: string }, unknown, CreateBody>(
      async ({ request, params, body }, response) => {
        const connector = await actions.create(request, {
          id: params.id,
          name: body.name,
          connectorTypeId: body.connector_type_id,
          config: body.config,
          secrets: body.secrets,
        });
        return response.ok({ body: connectorResponse(connector) });
      }
    )
  );
  router.get(
    {
      path: '/api/actions/connectors',
      security: ACTIONS_SECURITY,
      options: { access: 'public' },
      validate: {} as never,
    },
    legacyErrors(async ({ request }, response) =>
      response.ok({ body: (await actions.find(request)).map(connectorResponse) })
    )
  );
}
