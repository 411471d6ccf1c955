import type {
  KibanaRequest,
  SavedObjectsClientContract,
  SavedObjectsServiceStart,
} from '@kbn/core/server';
import type { KnownSender } from '../../common/http_api/views';
import { normalizeSender } from '../lib/scoring/known_good';
import {
  KNOWN_SENDER_SAVED_OBJECT_TYPE,
  type KnownSenderAttributes,
} from '../saved_objects/known_sender_type';
import { isNotFoundError } from './connection_errors';
import { findAllSavedObjects } from './find_all_saved_objects';

const type = KNOWN_SENDER_SAVED_OBJECT_TYPE;

export class KnownSenderNotFoundError extends Error {
  constructor(sender: string) {
    super(`"${sender}" is not marked known-good`);
  }
}

/** Known-good senders through the user's scoped client: the feature's privileges apply. */
export class KnownSenderStore {
  constructor(
    private readonly savedObjects: Pick<
      SavedObjectsServiceStart,
      'getScopedClient' | 'createInternalRepository'
    >
  ) {}

  private client(request: KibanaRequest) {
    return this.savedObjects.getScopedClient(request, { includedHiddenTypes: [type] });
  }

  /**
   * Every known sender, however many. `find` pages with from/size, and Elasticsearch refuses
   * from + size beyond index.max_result_window (10,000): a point-in-time finder pages past it
   * with search_after (1000 a page, Kibana's default).
   */
  async list(request: KibanaRequest): Promise<KnownSender[]> {
    return this.listThrough(this.client(request));
  }

  /** Every known sender, for the suspicious-sender rule, which runs with no user's request. */
  async listAll(): Promise<KnownSender[]> {
    return this.listThrough(this.savedObjects.createInternalRepository([type]));
  }

  private async listThrough(
    client: Pick<SavedObjectsClientContract, 'find' | 'createPointInTimeFinder'>
  ): Promise<KnownSender[]> {
    const found = await findAllSavedObjects<KnownSenderAttributes>(client, {
      type,
      sortField: 'sender',
      sortOrder: 'asc',
    });
    return found.map((saved) => saved.attributes);
  }

  /**
   * Marking again replaces the note and who marked it; the sender stays one object. A new mark
   * always says why; marks stored before the note was required may have none.
   */
  async mark(
    request: KibanaRequest,
    marked: { sender: string; note: string; markedBy?: string; markedAt: string }
  ): Promise<KnownSender> {
    const sender = normalizeSender(marked.sender);
    const attributes: KnownSenderAttributes = {
      sender,
      markedAt: marked.markedAt,
      note: marked.note,
      ...(marked.markedBy ? { markedBy: marked.markedBy } : {}),
    };
    await this.client(request).create<KnownSenderAttributes>(type, attributes, {
      id: sender,
      overwrite: true,
      refresh: 'wait_for',
    });
    return attributes;
  }

  async unmark(request: KibanaRequest, sender: string): Promise<void> {
    const id = normalizeSender(sender);
    try {
      await this.client(request).delete(type, id, { refresh: 'wait_for' });
    } catch (error) {
      if (isNotFoundError(error)) throw new KnownSenderNotFoundError(id);
      throw error;
    }
  }
}
