import type { SavedObjectsType } from '@kbn/core/server';
import { firstModelVersion } from './model_versions';

export const KNOWN_SENDER_SAVED_OBJECT_TYPE = 'exchange-message-trace-known-sender';

export interface KnownSenderAttributes {
  /** An address or a whole domain, lower-cased. */
  sender: string;
  note?: string;
  markedBy?: string;
  markedAt: string;
}

/**
 * A sender an analyst marked known-good: the suspicious senders view leaves it out (or shows it
 * marked). Hidden, so only this plugin's routes reach it; agnostic, like the connections whose
 * data it judges. The id is the sender itself, so marking twice keeps one object.
 */
export const knownSenderSavedObjectType: SavedObjectsType<KnownSenderAttributes> = {
  name: KNOWN_SENDER_SAVED_OBJECT_TYPE,
  hidden: true,
  namespaceType: 'agnostic',
  mappings: { dynamic: false, properties: { sender: { type: 'keyword' } } },
  modelVersions: firstModelVersion<KnownSenderAttributes>({
    sender: true,
    note: true,
    markedBy: true,
    markedAt: true,
  }),
};
