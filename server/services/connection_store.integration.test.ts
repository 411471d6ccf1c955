import type { KibanaRequest } from '@kbn/core/server';
import { CONNECTION_DEFAULTS } from '../../common/connection';
import { exchangeMessageTracePlugin } from '../../test/host/exchange_message_trace_plugin';
import type { KibanaHost } from '../../test/host/kibana_host';
import { startTestHost } from '../../test/host/test_support';
import {
  CONNECTION_SAVED_OBJECT_TYPE,
  type ConnectionAttributes,
} from '../saved_objects/connection_type';
import { ConnectionConflictError } from './connection_errors';
import { ConnectionStore } from './connection_store';

describe('ConnectionStore over the host saved objects', () => {
  let host: KibanaHost;
  let store: ConnectionStore;
  const request = {} as KibanaRequest;

  beforeAll(async () => {
    host = await startTestHost({ plugins: [exchangeMessageTracePlugin()] });
    const repository = host.savedObjects.repository([CONNECTION_SAVED_OBJECT_TYPE]);
    store = new ConnectionStore(
      host.encryptedSavedObjects.start(),
      { getScopedClient: () => repository as never },
      repository,
      true
    );
  });

  afterAll(async () => {
    await host.stop();
  });

  // Saving over a version someone else has since replaced: Kibana's create answers 409.
  it('refuses a replace over a stale version, keeping the newer save', async () => {
    const now = new Date().toISOString();
    const attributes: ConnectionAttributes = {
      ...CONNECTION_DEFAULTS,
      name: 'Contoso',
      tenantId: 'contoso.onmicrosoft.com',
      clientId: '00000000-0000-4000-8000-000000000001',
      authMethod: 'secret',
      clientSecret: 'first-secret-value-of-some-length',
      localDomains: ['contoso.com'],
      createdAt: now,
      updatedAt: now,
    };
    const id = await store.create(request, attributes);
    const { version: read } = await store.getDecrypted(id);
    await store.replace(request, id, { ...attributes, name: 'First editor' }, read);
    await expect(
      store.replace(request, id, { ...attributes, name: 'Second editor' }, read)
    ).rejects.toThrow(
      new ConnectionConflictError(
        'The connection was changed by someone else meanwhile: reload it and try again'
      )
    );
    expect((await store.getDecrypted(id)).attributes.name).toBe('First editor');
  });

  it('lists the settings of every connection without decrypting a thing', async () => {
    const now = new Date().toISOString();
    const id = await store.create(request, {
      ...CONNECTION_DEFAULTS,
      name: 'Fabrikam',
      tenantId: 'fabrikam.onmicrosoft.com',
      clientId: '00000000-0000-4000-8000-000000000002',
      authMethod: 'secret',
      clientSecret: 'fabrikam-secret-value-of-some-length',
      localDomains: ['fabrikam.com', 'fabrikam.onmicrosoft.com'],
      namespace: 'fabrikam',
      createdAt: now,
      updatedAt: now,
    });
    const repository = host.savedObjects.repository([CONNECTION_SAVED_OBJECT_TYPE]);
    const decryptionRefused = new Error('this store may not decrypt');
    const cannotDecrypt = new ConnectionStore(
      {
        ...host.encryptedSavedObjects.start(),
        getClient: () => ({
          getDecryptedAsInternalUser: () => Promise.reject(decryptionRefused),
        }),
      } as never,
      { getScopedClient: () => repository as never },
      repository,
      true
    );
    await expect(cannotDecrypt.list(request)).rejects.toBe(decryptionRefused);
    const listed = await cannotDecrypt.listSettings(request);
    const fabrikam = listed.find((connection) => connection.id === id);
    expect(fabrikam?.settings).toMatchObject({
      name: 'Fabrikam',
      tenantId: 'fabrikam.onmicrosoft.com',
      localDomains: ['fabrikam.com', 'fabrikam.onmicrosoft.com'],
      namespace: 'fabrikam',
    });
    expect(JSON.stringify(listed)).not.toContain('fabrikam-secret-value');
  });
});
