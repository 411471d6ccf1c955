import type { SavedObjectsType } from '@kbn/core/server';
import type { EncryptedSavedObjectTypeRegistration } from '@kbn/encrypted-saved-objects-plugin/server';
import type { ConnectionSecrets, ConnectionSettings } from '../../common/connection';
import type { WriterApiKey } from '../services/writer_api_key';
import { firstModelVersion } from './model_versions';

export const CONNECTION_SAVED_OBJECT_TYPE = 'exchange-message-trace-connection';

/**
 * A backfill asked for on the settings page. It lives on the connection rather than in the task:
 * Task Manager has no call that changes a task's params, and a run writes its whole state back, so
 * a request put in the state while the task runs would be lost. The task compares `requestedAt`
 * with the backfill its state tracks, and a new request replaces an unfinished one.
 */
export interface BackfillRequestAttributes {
  start: string;
  end: string;
  requestedAt: string;
}

export type ConnectionAttributes = ConnectionSettings &
  ConnectionSecrets & {
    createdAt: string;
    updatedAt: string;
    createdBy?: string;
    updatedBy?: string;
    backfill?: BackfillRequestAttributes;
  } & Partial<WriterApiKey>;

/**
 * Hidden: only this plugin's routes reach it, never the generic saved objects APIs. Agnostic: a
 * connection collects for the whole deployment, whichever space its settings were edited in.
 */
export const connectionSavedObjectType: SavedObjectsType<ConnectionAttributes> = {
  name: CONNECTION_SAVED_OBJECT_TYPE,
  hidden: true,
  namespaceType: 'agnostic',
  mappings: {
    dynamic: false,
    properties: {
      name: { type: 'keyword' },
      tenantId: { type: 'keyword' },
      enabled: { type: 'boolean' },
      namespace: { type: 'keyword' },
      updatedAt: { type: 'date' },
    },
  },
  modelVersions: firstModelVersion<ConnectionAttributes>({
    name: true,
    tenantId: true,
    clientId: true,
    authMethod: true,
    localDomains: true,
    matchSubdomains: true,
    namespace: true,
    intervalMinutes: true,
    lookbackDays: true,
    rereadHours: true,
    requestBudget: true,
    detailPolicy: true,
    enabled: true,
    certificateThumbprint: true,
    credentialExpiresAt: true,
    clientSecret: true,
    certificatePrivateKey: true,
    createdAt: true,
    updatedAt: true,
    createdBy: true,
    updatedBy: true,
    backfill: true,
    apiKey: true,
    apiKeyId: true,
    grantedBy: true,
    grantedAt: true,
  }),
};

/** Secrets are AES-256-GCM ciphertext at rest and never come back from a normal read. */
export const connectionEncryptionRegistration: EncryptedSavedObjectTypeRegistration = {
  type: CONNECTION_SAVED_OBJECT_TYPE,
  attributesToEncrypt: new Set(['clientSecret', 'certificatePrivateKey', 'apiKey']),
};
