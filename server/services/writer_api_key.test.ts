import type { KibanaRequest } from '@kbn/core/server';
import { ApiKeysDisabledError, grantWriterApiKey } from './writer_api_key';

const request = {
  headers: { authorization: 'Basic bWFpbF9hZG1pbjpjaGFuZ2VtZQ==' },
} as never as KibanaRequest;
const connection = { id: 'c1', name: 'Contoso' };
const now = new Date('2026-12-02T10:00:00Z');
const mayWrite = {
  security: {
    hasPrivileges: async () => ({
      username: 'mail_admin',
      index: {
        'logs-microsoft_exchange_online_message_trace.log-*': {
          read: true,
          create_doc: true,
          auto_configure: true,
        },
      },
    }),
  },
} as never;

function authc(grant: () => Promise<unknown>, user: object | null = { username: 'mail_admin' }) {
  return {
    getCurrentUser: () => user,
    apiKeys: { grantAsInternalUser: grant },
  } as never;
}

/**
 * The two cases the secured test node cannot show: Elasticsearch security off (Kibana authenticates
 * nobody) and security on with API keys disabled (Kibana's `areAPIKeysEnabled` reads the same
 * `disabled.feature` marker: x-pack/platform/plugins/shared/security/server/authentication/
 * api_keys/api_keys.ts @ 5b457a10, `doesErrorIndicateAPIKeysAreDisabled`).
 */
describe('grantWriterApiKey where the test node cannot go', () => {
  it('grants nothing where Elasticsearch security is off: Kibana writes itself', async () => {
    let granted = false;
    const key = await grantWriterApiKey(
      authc(async () => (granted = true), null),
      mayWrite,
      request,
      connection,
      'microsoft_exchange_online_message_trace.log',
      now
    );
    expect(key).toBeUndefined();
    expect(granted).toBe(false);
  });

  it('says API keys are disabled when Elasticsearch refuses the grant for that reason', async () => {
    const disabled = Object.assign(new Error('api keys are not enabled'), {
      meta: {
        statusCode: 400,
        body: {
          error: {
            type: 'feature_not_enabled_exception',
            reason: 'api keys are not enabled',
            'disabled.feature': 'api_keys',
          },
        },
      },
    });
    await expect(
      grantWriterApiKey(
        authc(async () => {
          throw disabled;
        }),
        mayWrite,
        request,
        connection,
        'microsoft_exchange_online_message_trace.log',
        now
      )
    ).rejects.toThrow(new ApiKeysDisabledError());
  });
});
