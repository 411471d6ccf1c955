import { Client } from '@elastic/elasticsearch';
import { DEFAULT_DATASET } from '../../server/lib/data_stream/data_stream_name';
import { writerRoleDescriptors, type WriterApiKey } from '../../server/services/writer_api_key';
import { CONNECTION_SAVED_OBJECT_TYPE } from '../../server/saved_objects/connection_type';
import { FIXTURE_PASSWORD } from '../es/security_fixtures';
import type { KibanaHost } from '../host/kibana_host';
import { esUrl } from '../host/test_support';

/**
 * The API key a connection's collection writes with, granted by Elasticsearch for `username` as
 * the settings routes would, for tests that store a connection without those routes.
 */
export async function grantWriterKey(
  username = 'mail_admin',
  dataset = DEFAULT_DATASET
): Promise<WriterApiKey> {
  const admin = new Client({ node: esUrl() });
  try {
    const granted = await admin.security.grantApiKey({
      grant_type: 'password',
      username,
      password: FIXTURE_PASSWORD,
      api_key: {
        name: 'Exchange Message Trace: test',
        role_descriptors: writerRoleDescriptors(dataset),
      },
    });
    return {
      apiKey: granted.encoded,
      apiKeyId: granted.id,
      grantedBy: username,
      grantedAt: new Date().toISOString(),
    };
  } finally {
    await admin.close();
  }
}

/** The ID of the writer key a connection holds now, as stored on its saved object. */
export async function storedWriterKeyId(host: KibanaHost, connectionId: string): Promise<string> {
  const repository = host.savedObjects.repository([CONNECTION_SAVED_OBJECT_TYPE]);
  const saved = await repository.get<{ apiKeyId?: string }>(
    CONNECTION_SAVED_OBJECT_TYPE,
    connectionId
  );
  return saved.attributes.apiKeyId!;
}
