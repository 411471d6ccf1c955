import { RULE_TYPE_IDS } from '../../../common/alerting/rule_params';
import { buildKibanaFeature } from '../../../server/feature';
import { privilegeActions } from './feature_privileges';

const isAlerting = (action: string) => action.startsWith('alerting:');
/** Each of our rule types, in each consumer the feature names. */
const ruleScopes = Object.values(RULE_TYPE_IDS).flatMap((type) =>
  ['exchangeMessageTrace', 'alerts'].map((consumer) => `alerting:${type}/${consumer}`)
);

describe("a feature privilege's actions, as Kibana's privilege builders make them", () => {
  const feature = buildKibanaFeature(['exchange-message-trace-connection']);

  it('grants `all`: login, its API operations, the app and its nav link, saved objects, UI, rules and alerts', () => {
    const actions = privilegeActions(feature, feature.privileges!.all);
    for (const scope of ruleScopes) {
      expect(actions).toEqual(
        expect.arrayContaining([`${scope}/rule/create`, `${scope}/alert/update`])
      );
    }
    expect(actions.filter((action) => !isAlerting(action))).toEqual([
      'login:',
      'api:read_exchange_message_trace',
      'api:manage_exchange_message_trace',
      'api:rac',
      'app:exchangeMessageTrace',
      'ui:navLinks/exchangeMessageTrace',
      'saved_object:exchange-message-trace-connection/bulk_get',
      'saved_object:exchange-message-trace-connection/get',
      'saved_object:exchange-message-trace-connection/find',
      'saved_object:exchange-message-trace-connection/open_point_in_time',
      'saved_object:exchange-message-trace-connection/close_point_in_time',
      'saved_object:exchange-message-trace-connection/create',
      'saved_object:exchange-message-trace-connection/bulk_create',
      'saved_object:exchange-message-trace-connection/update',
      'saved_object:exchange-message-trace-connection/bulk_update',
      'saved_object:exchange-message-trace-connection/delete',
      'saved_object:exchange-message-trace-connection/bulk_delete',
      'saved_object:exchange-message-trace-connection/share_to_space',
      'ui:exchangeMessageTrace/show',
      'ui:exchangeMessageTrace/manage',
    ]);
  });

  it('grants `read`: the read API, the app, reading saved objects, showing, reading rules and alerts', () => {
    const actions = privilegeActions(feature, feature.privileges!.read);
    for (const scope of ruleScopes) {
      expect(actions).toEqual(expect.arrayContaining([`${scope}/rule/get`, `${scope}/alert/get`]));
      expect(actions).not.toContain(`${scope}/rule/create`);
      expect(actions).not.toContain(`${scope}/alert/update`);
    }
    expect(actions.filter((action) => !isAlerting(action))).toEqual([
      'login:',
      'api:read_exchange_message_trace',
      'api:rac',
      'app:exchangeMessageTrace',
      'ui:navLinks/exchangeMessageTrace',
      'saved_object:exchange-message-trace-connection/bulk_get',
      'saved_object:exchange-message-trace-connection/get',
      'saved_object:exchange-message-trace-connection/find',
      'saved_object:exchange-message-trace-connection/open_point_in_time',
      'saved_object:exchange-message-trace-connection/close_point_in_time',
      'ui:exchangeMessageTrace/show',
    ]);
  });
});
