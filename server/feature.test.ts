import { buildKibanaFeature } from './feature';

describe('the Kibana feature', () => {
  it('grants `all` the management API and saved objects, `read` the views only', () => {
    const types = ['exchange-message-trace-connection', 'exchange-message-trace-known-sender'];
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
      privileges: {
        all: {
          app: ['exchangeMessageTrace'],
          api: ['read_exchange_message_trace', 'manage_exchange_message_trace'],
          savedObject: { all: types, read: [] },
          ui: ['show', 'manage'],
        },
        read: {
          app: ['exchangeMessageTrace'],
          api: ['read_exchange_message_trace'],
          savedObject: { all: [], read: types },
          ui: ['show'],
        },
      },
    });
  });
});
