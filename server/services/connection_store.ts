import type {
  ISavedObjectsRepository,
  KibanaRequest,
  SavedObject,
  SavedObjectsClientContract,
  SavedObjectsServiceStart,
} from '@kbn/core/server';
import type { EncryptedSavedObjectsPluginStart } from '@kbn/encrypted-saved-objects-plugin/server';
import type { ConnectionSecrets, ConnectionSettings } from '../../common/connection';
import {
  CONNECTION_SAVED_OBJECT_TYPE,
  type BackfillRequestAttributes,
  type ConnectionAttributes,
} from '../saved_objects/connection_type';
import {
  ConnectionConflictError,
  ConnectionNotFoundError,
  EncryptionKeyMissingError,
  isConflictError,
  isNotFoundError,
} from './connection_errors';
import { findAllSavedObjects } from './find_all_saved_objects';

export interface ConnectionWithSecrets {
  id: string;
  settings: ConnectionSettings;
  secrets: ConnectionSecrets;
  /** Changes with every edit; the collector keys its token cache on it. */
  updatedAt: string;
  backfill?: BackfillRequestAttributes;
  /** The API key collection writes with (`base64(id:key)`), when one was granted. */
  writerApiKey?: string;
  /** The saved object's version as read: any later save (an edit, a new key) changes it. */
  version?: string;
}

/** A connection as the settings page may see it: whether each secret is set, never its value. */
export type ConnectionSettingsRecord = Pick<ConnectionRecord, 'id' | 'settings'>;

export interface ConnectionRecord {
  id: string;
  settings: ConnectionSettings;
  secretsSet: { clientSecret: boolean; certificatePrivateKey: boolean };
  createdAt: string;
  updatedAt: string;
  createdBy?: string;
  updatedBy?: string;
  backfill?: BackfillRequestAttributes;
  /** Who the writer's API key was granted for, when one is stored. */
  writerKey?: { grantedBy: string; grantedAt: string };
}

/** Every attribute, secrets decrypted, and the version to write them back against. */
export interface DecryptedConnection {
  attributes: ConnectionAttributes;
  version?: string;
}

function splitAttributes(attributes: ConnectionAttributes) {
  const {
    clientSecret,
    certificatePrivateKey,
    createdAt,
    updatedAt,
    createdBy,
    updatedBy,
    backfill,
    apiKey,
    apiKeyId: _apiKeyId,
    grantedBy,
    grantedAt,
    ...settings
  } = attributes;
  return {
    settings,
    secrets: { clientSecret, certificatePrivateKey },
    audit: { createdAt, updatedAt, createdBy, updatedBy },
    backfill,
    writerApiKey: apiKey,
    writerKey: grantedBy && grantedAt ? { grantedBy, grantedAt } : undefined,
  };
}

const type = CONNECTION_SAVED_OBJECT_TYPE;

/**
 * Connections as hidden saved objects. Writes and listings go through the user's scoped client:
 * it carries Kibana's encryption extension (an internal repository has none, so it would store
 * secrets in clear) and the saved object privileges of the user's feature privilege. Reads come
 * back without secrets; only decryption as the internal user returns them, for the collector and
 * for merging an edit.
 */
export class ConnectionStore {
  constructor(
    private readonly encryptedSavedObjects: EncryptedSavedObjectsPluginStart,
    private readonly savedObjects: Pick<SavedObjectsServiceStart, 'getScopedClient'>,
    /** Without Kibana's encryption extension: reads attributes as stored, never decrypting. */
    private readonly internalRepository: Pick<
      ISavedObjectsRepository,
      'get' | 'find' | 'createPointInTimeFinder'
    >,
    /** `encryptedSavedObjects.canEncrypt`: without a key every write of a secret would fail. */
    private readonly canEncrypt: boolean
  ) {}

  private client(request: KibanaRequest): SavedObjectsClientContract {
    return this.savedObjects.getScopedClient(request, { includedHiddenTypes: [type] });
  }

  private async decrypted(id: string): Promise<SavedObject<ConnectionAttributes>> {
    return this.encryptedSavedObjects
      .getClient({ includedHiddenTypes: [type] })
      .getDecryptedAsInternalUser<ConnectionAttributes>(type, id);
  }

  /** Throws the saved objects' own 404 error, which the task takes as "connection deleted". */
  async getWithSecrets(id: string): Promise<ConnectionWithSecrets> {
    const saved = await this.decrypted(id);
    const { settings, secrets, audit, backfill, writerApiKey } = splitAttributes(saved.attributes);
    return {
      id: saved.id,
      settings,
      secrets,
      updatedAt: audit.updatedAt,
      backfill,
      writerApiKey,
      version: saved.version,
    };
  }

  /**
   * Whether the connection is still as a run read it: false once it is disabled, edited,
   * re-authorised (its old API key is then invalidated) or deleted. A read without decryption,
   * cheap enough for a running collection to ask between pages.
   */
  async unchangedSince(id: string, version: string | undefined): Promise<boolean> {
    try {
      const saved = await this.internalRepository.get<ConnectionAttributes>(type, id);
      return saved.attributes.enabled && saved.version === version;
    } catch (error) {
      if (isNotFoundError(error)) return false;
      throw error;
    }
  }

  async getDecrypted(id: string): Promise<DecryptedConnection> {
    const saved = await translated(id, () => this.decrypted(id));
    return { attributes: saved.attributes, version: saved.version };
  }

  async get(request: KibanaRequest, id: string): Promise<ConnectionRecord> {
    const saved = await translated(id, () =>
      this.client(request).get<ConnectionAttributes>(type, id)
    );
    return this.record(saved);
  }

  async list(request: KibanaRequest): Promise<ConnectionRecord[]> {
    return this.listThrough(this.client(request));
  }

  /** Every connection, for the alerting rules, which run with no user's request. */
  async listAll(): Promise<ConnectionRecord[]> {
    return this.listThrough(this.internalRepository);
  }

  /**
   * The settings of every connection the user may see, without decrypting anything: each
   * decryption derives a key (Kibana's @elastic/node-crypto), too slow for every view's request.
   */
  async listSettings(request: KibanaRequest): Promise<ConnectionSettingsRecord[]> {
    return this.settingsThrough(this.client(request));
  }

  /** Every connection's settings, undecrypted, for the alerting rules (no user's request). */
  async listAllSettings(): Promise<ConnectionSettingsRecord[]> {
    return this.settingsThrough(this.internalRepository);
  }

  private async settingsThrough(
    client: Pick<SavedObjectsClientContract, 'find' | 'createPointInTimeFinder'>
  ): Promise<ConnectionSettingsRecord[]> {
    const found = await findAllSavedObjects<ConnectionAttributes>(client, { type });
    return found.map((saved) => ({
      id: saved.id,
      settings: splitAttributes(saved.attributes).settings,
    }));
  }

  private async listThrough(
    client: Pick<SavedObjectsClientContract, 'find' | 'createPointInTimeFinder'>
  ): Promise<ConnectionRecord[]> {
    const found = await findAllSavedObjects<ConnectionAttributes>(client, {
      type,
      sortField: 'name',
      sortOrder: 'asc',
    });
    return Promise.all(found.map((saved) => this.record(saved)));
  }

  /**
   * Every write stores a secret; without Kibana's encryption key none can be stored. Callers ask
   * before granting an API key; the writes below ask again for every other path.
   */
  assertCanEncrypt(): void {
    if (!this.canEncrypt) throw new EncryptionKeyMissingError();
  }

  /** The id is Kibana's: encrypted saved objects get random ids (they are part of the AAD). */
  async create(request: KibanaRequest, attributes: ConnectionAttributes): Promise<string> {
    this.assertCanEncrypt();
    const saved = await this.client(request).create<ConnectionAttributes>(type, attributes);
    return saved.id;
  }

  /**
   * Writes every attribute, so the ciphertext is made afresh for the object as it now is and a
   * secret that is no longer wanted is gone. `version` refuses the write if someone else saved
   * the connection since it was read.
   */
  async replace(
    request: KibanaRequest,
    id: string,
    attributes: ConnectionAttributes,
    version: string | undefined
  ): Promise<void> {
    this.assertCanEncrypt();
    await translated(id, () =>
      this.client(request).create<ConnectionAttributes>(type, attributes, {
        id,
        overwrite: true,
        version,
      })
    );
  }

  async delete(request: KibanaRequest, id: string): Promise<void> {
    await translated(id, () => this.client(request).delete(type, id));
  }

  /** Whether each secret is set comes from decrypting; one that no longer decrypts is not set. */
  private async record(saved: SavedObject<ConnectionAttributes>): Promise<ConnectionRecord> {
    const { settings, audit, backfill, writerKey } = splitAttributes(saved.attributes);
    let secrets: ConnectionSecrets = {};
    let keyDecrypts = false;
    try {
      const decrypted = splitAttributes((await this.decrypted(saved.id)).attributes);
      secrets = decrypted.secrets;
      keyDecrypts = Boolean(decrypted.writerApiKey);
    } catch (error) {
      if (!this.encryptedSavedObjects.isEncryptionError(error as Error)) throw error;
    }
    return {
      id: saved.id,
      settings,
      secretsSet: {
        clientSecret: Boolean(secrets.clientSecret),
        certificatePrivateKey: Boolean(secrets.certificatePrivateKey),
      },
      ...audit,
      ...(backfill ? { backfill } : {}),
      ...(writerKey && keyDecrypts ? { writerKey } : {}),
    };
  }
}

async function translated<T>(id: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (isNotFoundError(error)) throw new ConnectionNotFoundError(id);
    if (isConflictError(error)) {
      throw new ConnectionConflictError(
        'The connection was changed by someone else meanwhile: reload it and try again'
      );
    }
    throw error;
  }
}
