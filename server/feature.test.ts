import { buildKibanaFeature } from './feature';

describe('the Kibana feature', () => {
  it('grants `all` the management API, saved objects and our rules, `read` the views, rules and alerts only', () => {
    const types = ['exchange-message-trace-connection', 'exchange-message-trace-known-sender'];
    const ruleTypes = [
      'exchangeMessageTrace.suspiciousSender',
      'exchangeMessageTrace.deliveryFailures',
      'exchangeMessageTrace.collectionHealth',
    ].map((ruleTypeId) => ({ ruleTypeId, consumers: ['exchangeMessageTrace', 'alerts'] }));
    expect(buildKibanaFeature(types)).toEqual({
      id: 'exchangeMessageTrace',
      name: 'Exchange Message Trace',
      // DEFAULT_APP_CATEGORIES.security: src/core/packages/application/common/src/
      // default_app_categories.ts @ 0fd28cf7 (Kibana).
      category: {
        id: 'securitySolution',
        label: 'Security',
        order: 4000,
        euiIconType: 'logoSecurity',
      },
      app: ['exchangeMessageTrace'],
      alerting: ruleTypes,
      privileges: {
        all: {
          app: ['exchangeMessageTrace'],
          api: ['read_exchange_message_trace', 'manage_exchange_message_trace', 'rac'],
          savedObject: { all: types, read: [] },
          alerting: { rule: { all: ruleTypes }, alert: { all: ruleTypes } },
          ui: ['show', 'manage'],
        },
        read: {
          app: ['exchangeMessageTrace'],
          api: ['read_exchange_message_trace', 'rac'],
          savedObject: { all: [], read: types },
          alerting: { rule: { read: ruleTypes }, alert: { read: ruleTypes } },
          ui: ['show'],
        },
      },
    });
  });
});
