import type { ISavedObjectsRepository, SavedObject } from '@kbn/core/server';
import type { EncryptedSavedObjectsPluginStart } from '@kbn/encrypted-saved-objects-plugin/server';
import type { ConnectionSecrets, ConnectionSettings } from '../../common/connection';
import {
  CONNECTION_SAVED_OBJECT_TYPE,
  type ConnectionAttributes,
} from '../saved_objects/connection_type';

export interface StoredConnection {
  id: string;
  settings: ConnectionSettings;
  /** Which secrets are set; their values never leave the store this way. */
  secretsSet: { clientSecret: boolean; certificatePrivateKey: boolean };
  createdAt: string;
  updatedAt: string;
  version?: string;
}

export interface ConnectionWithSecrets extends StoredConnection {
  secrets: ConnectionSecrets;
}

const SECRET_KEYS = ['clientSecret', 'certificatePrivateKey'] as const;

function settingsOf(attributes: Partial<ConnectionAttributes>): ConnectionSettings {
  const {
    clientSecret: _s,
    certificatePrivateKey: _k,
    createdAt: _c,
    updatedAt: _u,
    createdBy: _cb,
    updatedBy: _ub,
    ...settings
  } = attributes;
  return settings as ConnectionSettings;
}

/**
 * Connections as hidden saved objects. Normal reads come back without secrets (the encrypted
 * saved objects plugin strips them); only the collector asks for them decrypted.
 */
export class ConnectionStore {
  constructor(
    private readonly repository: ISavedObjectsRepository,
    private readonly encryptedSavedObjects: EncryptedSavedObjectsPluginStart
  ) {}

  private toStored(
    saved: SavedObject<ConnectionAttributes>,
    secretsSet: StoredConnection['secretsSet']
  ): StoredConnection {
    return {
      id: saved.id,
      settings: settingsOf(saved.attributes),
      secretsSet,
      createdAt: saved.attributes.createdAt,
      updatedAt: saved.attributes.updatedAt,
      version: saved.version,
    };
  }

  async getWithSecrets(id: string): Promise<ConnectionWithSecrets> {
    const saved = await this.encryptedSavedObjects
      .getClient({ includedHiddenTypes: [CONNECTION_SAVED_OBJECT_TYPE] })
      .getDecryptedAsInternalUser<ConnectionAttributes>(CONNECTION_SAVED_OBJECT_TYPE, id);
    const secrets: ConnectionSecrets = {};
    for (const key of SECRET_KEYS) if (saved.attributes[key]) secrets[key] = saved.attributes[key];
    return {
      ...this.toStored(saved, {
        clientSecret: Boolean(secrets.clientSecret),
        certificatePrivateKey: Boolean(secrets.certificatePrivateKey),
      }),
      secrets,
    };
  }

  async create(
    settings: ConnectionSettings,
    secrets: ConnectionSecrets,
    user?: string
  ): Promise<StoredConnection> {
    const now = new Date().toISOString();
    const saved = await this.repository.create<ConnectionAttributes>(CONNECTION_SAVED_OBJECT_TYPE, {
      ...settings,
      ...secrets,
      createdAt: now,
      updatedAt: now,
      createdBy: user,
      updatedBy: user,
    });
    return this.toStored(saved, {
      clientSecret: Boolean(secrets.clientSecret),
      certificatePrivateKey: Boolean(secrets.certificatePrivateKey),
    });
  }
}
