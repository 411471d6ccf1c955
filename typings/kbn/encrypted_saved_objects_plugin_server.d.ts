/*
 * Ambient declarations for the subset of `@kbn/encrypted-saved-objects-plugin/server` this plugin uses.
 */
declare module '@kbn/encrypted-saved-objects-plugin/server' {
  import type {
    ISavedObjectsPointInTimeFinder,
    SavedObject,
    SavedObjectsBaseOptions,
    SavedObjectsCreatePointInTimeFinderOptions,
  } from '@kbn/core/server';

  // x-pack/platform/plugins/shared/encrypted_saved_objects/server/crypto/encrypted_saved_objects_service.ts
  export interface AttributeToEncrypt {
    readonly key: string;
    readonly dangerouslyExposeValue?: boolean;
  }

  // x-pack/platform/plugins/shared/encrypted_saved_objects/server/crypto/encrypted_saved_objects_service.ts
  // (`attributesToIncludeInAAD` confirmed in encrypted_saved_object_type_definition.ts, which also reads
  //  `enforceRandomId`. UNCONFIRMED: the exact declaration of `enforceRandomId` (optional boolean, default
  //  true) was not read from the registration interface itself — taken from reference notes §2.5.)
  export interface EncryptedSavedObjectTypeRegistration {
    readonly type: string;
    readonly attributesToEncrypt: ReadonlySet<string | AttributeToEncrypt>;
    readonly attributesToIncludeInAAD?: ReadonlySet<string>;
    readonly enforceRandomId?: boolean;
  }

  // x-pack/platform/plugins/shared/encrypted_saved_objects/server/saved_objects/index.ts
  // (types now live in @kbn/encrypted-saved-objects-shared and are re-exported)
  export interface EncryptedSavedObjectsClientOptions {
    includedHiddenTypes?: string[];
  }

  // x-pack/platform/plugins/shared/encrypted_saved_objects/server/saved_objects/index.ts
  // (the optional `dependencies` second argument of the PIT finder is omitted)
  export interface EncryptedSavedObjectsClient {
    getDecryptedAsInternalUser: <T = unknown>(
      type: string,
      id: string,
      options?: SavedObjectsBaseOptions
    ) => Promise<SavedObject<T>>;
    createPointInTimeFinderDecryptedAsInternalUser<T = unknown, A = unknown>(
      findOptions: SavedObjectsCreatePointInTimeFinderOptions
    ): Promise<ISavedObjectsPointInTimeFinder<T, A>>;
  }

  // x-pack/platform/plugins/shared/encrypted_saved_objects/server/saved_objects/index.ts
  export type ClientInstanciator = (
    options?: EncryptedSavedObjectsClientOptions
  ) => EncryptedSavedObjectsClient;

  // x-pack/platform/plugins/shared/encrypted_saved_objects/server/plugin.ts
  // (createMigration, createModelVersion, __testCreateDangerousExtension omitted)
  export interface EncryptedSavedObjectsPluginSetup {
    canEncrypt: boolean;
    registerType: (typeRegistration: EncryptedSavedObjectTypeRegistration) => void;
  }

  // x-pack/platform/plugins/shared/encrypted_saved_objects/server/plugin.ts
  export interface EncryptedSavedObjectsPluginStart {
    isEncryptionError: (error: Error) => boolean;
    getClient: ClientInstanciator;
  }
}
