import { randomUUID } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import type { SavedObject, SavedObjectsFindOptions, SavedObjectsType } from '@kbn/core/server';
import { conflict, notFound, unsupportedType } from './saved_object_errors';

const DEFAULT_NAMESPACE = 'default';

interface RawDocument {
  type: string;
  namespaces: string[];
  created_at: string;
  updated_at: string;
  references: SavedObject['references'];
  [attributes: string]: unknown;
}

/** Encryption hooks the encrypted saved objects stand-in installs, as ESO wraps the real client. */
export interface AttributeTransforms {
  forWrite(type: string, id: string, attributes: Record<string, unknown>): Record<string, unknown>;
  forRead(type: string, attributes: Record<string, unknown>): Record<string, unknown>;
}

const identity: AttributeTransforms = { forWrite: (_t, _i, a) => a, forRead: (_t, a) => a };

/** Kibana's `version` is the base64 of `[seq_no, primary_term]`. */
const encodeVersion = (seqNo: number, primaryTerm: number) =>
  Buffer.from(JSON.stringify([seqNo, primaryTerm])).toString('base64');
const decodeVersion = (version: string) =>
  JSON.parse(Buffer.from(version, 'base64').toString('utf8')) as [number, number];

export class SavedObjectsRepository {
  constructor(
    private readonly client: Client,
    private readonly index: string,
    private readonly types: Map<string, SavedObjectsType>,
    private readonly allowedTypes: ReadonlySet<string>,
    private transforms: AttributeTransforms = identity
  ) {}

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
    return `${type}:${id}`;
  }

  private assertType(type: string) {
    if (!this.types.has(type) || !this.allowedTypes.has(type)) throw unsupportedType(type);
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
      references?: SavedObject['references'];
      refresh?: boolean | 'wait_for';
    } = {}
  ): Promise<SavedObject<T>> {
    const id = options.id ?? randomUUID();
    const now = new Date().toISOString();
    const stored = this.transforms.forWrite(type, id, attributes as Record<string, unknown>);
    const raw: RawDocument = {
      type,
      namespaces: [DEFAULT_NAMESPACE],
      created_at: now,
      updated_at: now,
      references: options.references ?? [],
      [type]: stored,
    };
    try {
      const result = await this.client.index({
        index: this.index,
        id: this.rawId(type, id),
        document: raw,
        op_type: options.overwrite ? 'index' : 'create',
        refresh: options.refresh ?? 'wait_for',
      });
      return this.toSavedObject<T>(id, raw, encodeVersion(result._seq_no!, result._primary_term!));
    } catch (error) {
      if ((error as { meta?: { statusCode?: number } }).meta?.statusCode === 409)
        throw conflict(type, id);
      throw error;
    }
  }

  private async getRaw(type: string, id: string) {
    const result = await this.client.get<RawDocument>(
      { index: this.index, id: this.rawId(type, id) },
      { ignore: [404] }
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
    try {
      const result = await this.client.index({
        index: this.index,
        id: this.rawId(type, id),
        document: updated,
        if_seq_no: ifSeqNo,
        if_primary_term: ifPrimaryTerm,
        refresh: options.refresh ?? 'wait_for',
      });
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
    } catch (error) {
      if ((error as { meta?: { statusCode?: number } }).meta?.statusCode === 409)
        throw conflict(type, id);
      throw error;
    }
  }

  async delete(type: string, id: string, options: { refresh?: boolean | 'wait_for' } = {}) {
    const result = await this.client.delete(
      {
        index: this.index,
        id: this.rawId(type, id),
        refresh: options.refresh ?? 'wait_for',
      },
      { ignore: [404] }
    );
    if (result.result === 'not_found') throw notFound(type, id);
    return {};
  }

  async find<T>(options: SavedObjectsFindOptions) {
    const types = [options.type].flat();
    types.forEach((type) => this.assertType(type));
    const perPage = options.perPage ?? 20;
    const page = options.page ?? 1;
    const result = await this.client.search<RawDocument>(
      {
        index: this.index,
        from: (page - 1) * perPage,
        size: perPage,
        query: { bool: { filter: [{ terms: { type: types } }] } },
        sort: options.sortField
          ? [
              {
                [`${types[0]}.${options.sortField}`]: {
                  order: options.sortOrder ?? 'asc',
                  unmapped_type: 'keyword',
                },
              },
            ]
          : [{ updated_at: { order: 'desc' } }],
        seq_no_primary_term: true,
        track_total_hits: true,
      },
      { ignore: [404] }
    );
    const hits = result.hits?.hits ?? [];
    return {
      page,
      per_page: perPage,
      total:
        typeof result.hits?.total === 'number'
          ? result.hits.total
          : (result.hits?.total?.value ?? 0),
      saved_objects: hits.map((hit) => ({
        ...this.toSavedObject<T>(
          hit._id!.slice(hit._source!.type.length + 1),
          hit._source!,
          encodeVersion(hit._seq_no!, hit._primary_term!)
        ),
        score: hit._score ?? 0,
      })),
    };
  }
}
