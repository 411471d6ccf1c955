import { Client } from '@elastic/elasticsearch';
import type { HostedPlugin } from '../host_plugin';
import type { KibanaHost } from '../kibana_host';
import { esUrl, startTestHost } from '../test_support';

const TYPE = 'sample-credential';
const SECRET = 'sup3r-s3cret-value-0f-the-client';

/** Registers a hidden type whose `secret` is encrypted, as our connection type will. */
const credentialPlugin: HostedPlugin = {
  id: 'credentials',
  configPath: 'credentials',
  requiredPlugins: ['encryptedSavedObjects'],
  optionalPlugins: [],
  load: async () => ({
    plugin: () => ({
      setup(
        core: { savedObjects: { registerType(type: object): void } },
        plugins: { encryptedSavedObjects: { registerType(registration: object): void } }
      ) {
        core.savedObjects.registerType({
          name: TYPE,
          hidden: true,
          namespaceType: 'agnostic',
          mappings: { dynamic: false, properties: { name: { type: 'keyword' } } },
        });
        plugins.encryptedSavedObjects.registerType({
          type: TYPE,
          attributesToEncrypt: new Set(['secret']),
        });
      },
      start() {},
    }),
  }),
};

describe('host encrypted saved objects', () => {
  let host: KibanaHost;
  const es = new Client({ node: esUrl() });

  beforeAll(async () => {
    host = await startTestHost({ plugins: [credentialPlugin] });
  });

  afterAll(async () => {
    await host.stop();
    await es.close();
  });

  it('stores the encrypted attribute as AES-GCM ciphertext and never returns it from normal reads', async () => {
    const repository = host.savedObjects.repository([TYPE]);
    const created = await repository.create(TYPE, { name: 'tenant a', secret: SECRET });
    expect(created.attributes).toEqual({ name: 'tenant a' });

    const raw = await es.get<Record<string, { name: string; secret: string }>>({
      index: host.savedObjects.index,
      id: `${TYPE}:${created.id}`,
    });
    const stored = raw._source![TYPE]!;
    expect(stored.name).toBe('tenant a');
    expect(JSON.stringify(raw._source)).not.toContain(SECRET);
    expect(Buffer.from(stored.secret, 'base64').length).toBeGreaterThan(64 + 12 + 16);

    expect((await repository.get(TYPE, created.id)).attributes).toEqual({ name: 'tenant a' });
    const found = await repository.find({ type: TYPE });
    expect(found.saved_objects.map((object) => object.attributes)).toContainEqual({
      name: 'tenant a',
    });

    const decrypted = await host.encryptedSavedObjects
      .start()
      .getClient({ includedHiddenTypes: [TYPE] })
      .getDecryptedAsInternalUser<{ secret: string }>(TYPE, created.id);
    expect(decrypted.attributes.secret).toBe(SECRET);
  });

  it('refuses ciphertext copied onto another object (the id is in the AAD)', async () => {
    const repository = host.savedObjects.repository([TYPE]);
    const first = await repository.create(TYPE, { name: 'one', secret: SECRET });
    const second = await repository.create(TYPE, { name: 'two', secret: 'other' });
    const raw = await es.get<Record<string, { secret: string }>>({
      index: host.savedObjects.index,
      id: `${TYPE}:${first.id}`,
    });
    await es.update({
      index: host.savedObjects.index,
      id: `${TYPE}:${second.id}`,
      doc: { [TYPE]: { secret: raw._source![TYPE]!.secret } },
      refresh: true,
    });
    const client = host.encryptedSavedObjects.start();
    const error = await client
      .getClient({ includedHiddenTypes: [TYPE] })
      .getDecryptedAsInternalUser(TYPE, second.id)
      .catch((failure: Error) => failure);
    expect(client.isEncryptionError(error as Error)).toBe(true);
  });

  it('hides hidden types from clients that did not ask for them', async () => {
    await host.savedObjects.repository([TYPE]).create(TYPE, { name: 'seen', secret: SECRET });
    // Kibana's find drops the types a client may not see and answers empty (find.ts @ 012f5d98).
    expect(await host.savedObjects.repository().find({ type: TYPE })).toMatchObject({
      total: 0,
      saved_objects: [],
    });
    const stored = await es.count({
      index: host.savedObjects.index,
      query: { term: { type: TYPE } },
    });
    expect((await host.savedObjects.repository([TYPE]).find({ type: TYPE })).total).toBe(
      stored.count
    );
  });
});
