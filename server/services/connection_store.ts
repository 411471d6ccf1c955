import type { EncryptedSavedObjectsPluginStart } from '@kbn/encrypted-saved-objects-plugin/server';
import type { ConnectionSecrets, ConnectionSettings } from '../../common/connection';
import {
  CONNECTION_SAVED_OBJECT_TYPE,
  type ConnectionAttributes,
} from '../saved_objects/connection_type';

export interface ConnectionWithSecrets {
  id: string;
  settings: ConnectionSettings;
  secrets: ConnectionSecrets;
  /** Changes with every edit; the collector keys its token cache on it. */
  updatedAt: string;
}

/**
 * Connections as hidden saved objects. Normal reads come back without secrets (the encrypted
 * saved objects plugin strips them); only the collector asks for them decrypted.
 */
export class ConnectionStore {
  constructor(private readonly encryptedSavedObjects: EncryptedSavedObjectsPluginStart) {}

  async getWithSecrets(id: string): Promise<ConnectionWithSecrets> {
    const saved = await this.encryptedSavedObjects
      .getClient({ includedHiddenTypes: [CONNECTION_SAVED_OBJECT_TYPE] })
      .getDecryptedAsInternalUser<ConnectionAttributes>(CONNECTION_SAVED_OBJECT_TYPE, id);
    const {
      clientSecret,
      certificatePrivateKey,
      createdAt: _c,
      updatedAt,
      createdBy: _cb,
      updatedBy: _ub,
      ...settings
    } = saved.attributes;
    return { id: saved.id, settings, secrets: { clientSecret, certificatePrivateKey }, updatedAt };
  }
}
