import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import type {
  CreateRestAPIKeyParams,
  GrantAPIKeyResult,
  InvalidateAPIKeyResult,
} from '@kbn/security-plugin/server';
import { parseDurationMs } from '../../../server/lib/collector/duration';
import type { RoleDescriptor } from './index_privileges';

export interface ApiKeyRecord {
  id: string;
  name: string;
  owner: string;
  keyHash: string;
  roleDescriptors: Record<string, RoleDescriptor>;
  metadata?: Record<string, unknown>;
  createdAt: number;
  expiresAt?: number;
  invalidated: boolean;
}

export class ApiKeyAuthenticationError extends Error {}

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Elasticsearch's API keys, kept in an index of the host's: granted for a user with role
 * descriptors, presented as `ApiKey base64(id:key)`, refused once expired or invalidated. Only the
 * key's hash is stored, as Elasticsearch does.
 */
export class ApiKeyService {
  constructor(
    private readonly client: Client,
    readonly index: string,
    private readonly now: () => number = Date.now
  ) {}

  async grant(owner: string, params: CreateRestAPIKeyParams): Promise<GrantAPIKeyResult> {
    const id = randomBytes(15).toString('base64url');
    const apiKey = randomBytes(16).toString('base64url');
    const createdAt = this.now();
    const record: ApiKeyRecord = {
      id,
      name: params.name,
      owner,
      keyHash: hash(apiKey),
      roleDescriptors: params.role_descriptors as Record<string, RoleDescriptor>,
      metadata: params.metadata,
      createdAt,
      expiresAt: params.expiration ? createdAt + parseDurationMs(params.expiration) : undefined,
      invalidated: false,
    };
    await this.client.index({ index: this.index, id, document: record, refresh: 'wait_for' });
    return { id, name: params.name, api_key: apiKey };
  }

  async invalidate(ids: string[]): Promise<InvalidateAPIKeyResult> {
    const result: InvalidateAPIKeyResult = {
      invalidated_api_keys: [],
      previously_invalidated_api_keys: [],
      error_count: 0,
    };
    for (const id of ids) {
      const record = await this.find(id);
      if (!record) continue;
      if (record.invalidated) {
        result.previously_invalidated_api_keys.push(id);
        continue;
      }
      await this.client.update({
        index: this.index,
        id,
        doc: { invalidated: true },
        refresh: 'wait_for',
      });
      result.invalidated_api_keys.push(id);
    }
    return result;
  }

  /** The key's record, or an error worded as Elasticsearch's 401 for API keys. */
  async authenticate(encoded: string): Promise<ApiKeyRecord> {
    const [id, key] = Buffer.from(encoded, 'base64').toString('utf8').split(':');
    const record = id && key ? await this.find(id) : undefined;
    const presented = Buffer.from(hash(key ?? ''));
    if (!record || !timingSafeEqual(presented, Buffer.from(record.keyHash))) {
      throw new ApiKeyAuthenticationError(`unable to authenticate with provided credentials`);
    }
    if (record.invalidated) {
      throw new ApiKeyAuthenticationError(`api key [${id}] has been invalidated`);
    }
    if (record.expiresAt !== undefined && record.expiresAt <= this.now()) {
      throw new ApiKeyAuthenticationError(`api key is expired`);
    }
    return record;
  }

  private async find(id: string): Promise<ApiKeyRecord | undefined> {
    const response = await this.client.get<ApiKeyRecord>(
      { index: this.index, id },
      { ignore: [404] }
    );
    return response.found ? response._source : undefined;
  }
}
