import { randomUUID } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import type {
  SavedObject,
  SavedObjectsCreatePointInTimeFinderDependencies,
  SavedObjectsCreatePointInTimeFinderOptions,
  SavedObjectsFindOptions,
  SavedObjectsFindResponse,
  SavedObjectsOpenPointInTimeOptions,
  SavedObjectsType,
} from '@kbn/core/server';
import { indexProperties } from './index_mappings';
import { PointInTimeFinder } from './point_in_time_finder';
import {
  decodeVersion,
  encodeVersion,
  rawDocumentOf,
  rawIdOf,
  type RawDocument,
} from './raw_document';
import { decorateEsError, genericNotFound, notFound, unsupportedType } from './saved_object_errors';
import { sortingParams } from './sorting_params';

// core-saved-objects-utils-server: FIND_DEFAULT_PAGE, FIND_DEFAULT_PER_PAGE (find_string id 414871669).
const FIND_DEFAULT_PAGE = 1;
const FIND_DEFAULT_PER_PAGE = 20;

/** Encryption hooks the encrypted saved objects stand-in installs, as ESO wraps the real client. */
export interface AttributeTransforms {
  forWrite(type: string, id: string, attributes: Record<string, unknown>): Record<string, unknown>;
  forRead(type: string, attributes: Record<string, unknown>): Record<string, unknown>;
}

const identity: AttributeTransforms = { forWrite: (_t, _i, a) => a, forRead: (_t, a) => a };

export class SavedObjectsRepository {
  constructor(
    private readonly client: Client,
    private readonly index: string,
    private readonly types: Map<string, SavedObjectsType>,
    private readonly allowedTypes: ReadonlySet<string>,
    private transforms: AttributeTransforms = identity
  ) {}

  /** The index's mappings, known once the types are (they are frozen at start). */
  private mappedProperties: ReturnType<typeof indexProperties> | undefined;

  withTransforms(transforms: AttributeTransforms) {
    return new SavedObjectsRepository(
      this.client,
      this.index,
      this.types,
      this.allowedTypes,
      transforms
    );
  }

  private rawId(type: string, id: string) {
    this.assertType(type);
    return rawIdOf(type, id);
  }

  private isAllowed(type: string) {
    return this.types.has(type) && this.allowedTypes.has(type);
  }

  private assertType(type: string) {
    if (!this.isAllowed(type)) throw unsupportedType(type);
  }

  /** Kibana's repository client (repository_es_client.ts @ 3c834d6b): failures come decorated. */
  private async es<R>(call: () => Promise<R>): Promise<R> {
    try {
      return await call();
    } catch (error) {
      throw decorateEsError(error);
    }
  }

  private toSavedObject<T>(id: string, raw: RawDocument, version: string): SavedObject<T> {
    const attributes = this.transforms.forRead(raw.type, raw[raw.type] as Record<string, unknown>);
    return {
      id,
      type: raw.type,
      namespaces: raw.namespaces,
      attributes: attributes as T,
      references: raw.references,
      version,
      created_at: raw.created_at,
      updated_at: raw.updated_at,
    } as SavedObject<T>;
  }

  async create<T>(
    type: string,
    attributes: T,
    options: {
      id?: string;
      overwrite?: boolean;
      /** With `overwrite`: written only over this version, else Elasticsearch's 409. */
      version?: string;
      references?: SavedObject['references'];
      refresh?: boolean | 'wait_for';
    } = {}
  ): Promise<SavedObject<T>> {
    const id = options.id ?? randomUUID();
    const stored = this.transforms.forWrite(type, id, attributes as Record<string, unknown>);
    const raw = rawDocumentOf(type, stored, options.references);
    // Kibana: api-server-internal/src/lib/apis/create.ts @ 0d7124b0 — `overwrite && version` adds
    // if_seq_no/if_primary_term to the index request; a conflict is the decorated 409.
    const [ifSeqNo, ifPrimaryTerm] =
      options.overwrite && options.version ? decodeVersion(options.version) : [];
    const result = await this.es(() =>
      this.client.index({
        index: this.index,
        id: this.rawId(type, id),
        document: raw,
        op_type: options.overwrite ? 'index' : 'create',
        ...(ifSeqNo !== undefined ? { if_seq_no: ifSeqNo, if_primary_term: ifPrimaryTerm } : {}),
        refresh: options.refresh ?? 'wait_for',
      })
    );
    return this.toSavedObject<T>(id, raw, encodeVersion(result._seq_no!, result._primary_term!));
  }

  private async getRaw(type: string, id: string) {
    const result = await this.es(() =>
      this.client.get<RawDocument>(
        { index: this.index, id: this.rawId(type, id) },
        { ignore: [404] }
      )
    );
    if (!result.found || !result._source || result._source.type !== type) throw notFound(type, id);
    return { raw: result._source, version: encodeVersion(result._seq_no!, result._primary_term!) };
  }

  async get<T>(type: string, id: string): Promise<SavedObject<T>> {
    const { raw, version } = await this.getRaw(type, id);
    return this.toSavedObject<T>(id, raw, version);
  }

  /** The attributes as stored, before any read transform: what the encrypted client decrypts. */
  async getStoredAttributes(type: string, id: string) {
    const { raw } = await this.getRaw(type, id);
    return raw[type] as Record<string, unknown>;
  }

  async update<T>(
    type: string,
    id: string,
    attributes: Partial<T>,
    options: {
      version?: string;
      references?: SavedObject['references'];
      refresh?: boolean | 'wait_for';
    } = {}
  ) {
    const { raw, version } = await this.getRaw(type, id);
    const [ifSeqNo, ifPrimaryTerm] = decodeVersion(options.version ?? version);
    const merged = {
      ...(raw[type] as Record<string, unknown>),
      ...this.transforms.forWrite(type, id, attributes as Record<string, unknown>),
    };
    const updated: RawDocument = {
      ...raw,
      updated_at: new Date().toISOString(),
      references: options.references ?? raw.references,
      [type]: merged,
    };
    const result = await this.es(() =>
      this.client.index({
        index: this.index,
        id: this.rawId(type, id),
        document: updated,
        if_seq_no: ifSeqNo,
        if_primary_term: ifPrimaryTerm,
        refresh: options.refresh ?? 'wait_for',
      })
    );
    return {
      id,
      type,
      attributes: this.transforms.forRead(
        type,
        attributes as Record<string, unknown>
      ) as Partial<T>,
      references: updated.references,
      version: encodeVersion(result._seq_no!, result._primary_term!),
      updated_at: updated.updated_at,
      namespaces: updated.namespaces,
    };
  }

  async delete(type: string, id: string, options: { refresh?: boolean | 'wait_for' } = {}) {
    const result = await this.es(() =>
      this.client.delete(
        { index: this.index, id: this.rawId(type, id), refresh: options.refresh ?? 'wait_for' },
        { ignore: [404] }
      )
    );
    if (result.result === 'not_found') throw notFound(type, id);
    return {};
  }

  /**
   * Kibana's performFind (api-server-internal/src/lib/apis/find.ts @ 012f5d98): types the client
   * may not see are dropped, and with none left the answer is empty; a PIT search names no index
   * (Elasticsearch refuses both), a search_after one no `from`. There is no cap of its own:
   * Elasticsearch refuses from + size beyond index.max_result_window, decorated as a 400.
   */
  async find<T = unknown, A = unknown>(
    options: SavedObjectsFindOptions
  ): Promise<SavedObjectsFindResponse<T, A>> {
    const { page = FIND_DEFAULT_PAGE, perPage = FIND_DEFAULT_PER_PAGE, pit, searchAfter } = options;
    const types = [options.type].flat().filter((type) => this.isAllowed(type));
    const empty = { page, per_page: perPage, total: 0, saved_objects: [] };
    if (types.length === 0) return empty;
    this.mappedProperties ??= indexProperties(this.types.values());
    const sort = sortingParams(
      this.mappedProperties,
      types,
      options.sortField,
      options.sortOrder,
      pit
    );
    const { body, statusCode } = await this.es(() =>
      this.client.search<RawDocument>(
        {
          index: pit ? undefined : this.index,
          from: searchAfter ? undefined : perPage * (page - 1),
          size: perPage,
          rest_total_hits_as_int: true,
          seq_no_primary_term: true,
          query: { bool: { filter: [{ terms: { type: types } }] } },
          ...sort,
          ...(pit
            ? { pit: { id: pit.id, ...(pit.keepAlive && { keep_alive: pit.keepAlive }) } }
            : {}),
          search_after: searchAfter,
        },
        { ignore: [404], meta: true }
      )
    );
    // A missing index, or a PIT that expired: Kibana answers empty too.
    if (statusCode === 404) return empty;
    return {
      page,
      per_page: perPage,
      total: body.hits.total as number,
      saved_objects: body.hits.hits.map((hit) => ({
        ...this.toSavedObject<T>(
          hit._id!.slice(hit._source!.type.length + 1),
          hit._source!,
          encodeVersion(hit._seq_no!, hit._primary_term!)
        ),
        score: hit._score ?? 0,
        sort: hit.sort,
      })),
      pit_id: body.pit_id,
    };
  }

  /** Kibana's performOpenPointInTime (apis/open_point_in_time.ts @ 6d9ae153). */
  async openPointInTimeForType(
    type: string | string[],
    options: SavedObjectsOpenPointInTimeOptions = {}
  ) {
    if (![type].flat().some((candidate) => this.isAllowed(candidate))) throw genericNotFound();
    const { body, statusCode } = await this.es(() =>
      this.client.openPointInTime(
        { index: this.index, keep_alive: options.keepAlive ?? '5m' },
        { ignore: [404], meta: true }
      )
    );
    if (statusCode === 404) throw genericNotFound();
    return { id: body.id };
  }

  /** Kibana's repository.ts @ 0277b61f: Elasticsearch's answer, or its decorated refusal. */
  async closePointInTime(id: string) {
    return this.es(() => this.client.closePointInTime({ id }));
  }

  /** Kibana's repository.ts @ 0277b61f; its client passes itself as `client` (the host's are one). */
  createPointInTimeFinder<T = unknown, A = unknown>(
    findOptions: SavedObjectsCreatePointInTimeFinderOptions,
    dependencies?: SavedObjectsCreatePointInTimeFinderDependencies
  ) {
    return new PointInTimeFinder<T, A>(findOptions, { client: this, ...dependencies });
  }
}
