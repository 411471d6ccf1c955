import type { SavedObject } from '@kbn/core/server';

const DEFAULT_NAMESPACE = 'default';

/** A saved object as the index holds it: root fields, the attributes under the type's name. */
export interface RawDocument {
  type: string;
  namespaces: string[];
  created_at: string;
  updated_at: string;
  references: SavedObject['references'];
  [attributes: string]: unknown;
}

export const rawIdOf = (type: string, id: string) => `${type}:${id}`;

export function rawDocumentOf(
  type: string,
  attributes: Record<string, unknown>,
  references: SavedObject['references'] = []
): RawDocument {
  const now = new Date().toISOString();
  return {
    type,
    namespaces: [DEFAULT_NAMESPACE],
    created_at: now,
    updated_at: now,
    references,
    [type]: attributes,
  };
}

/** Kibana's `version` is the base64 of `[seq_no, primary_term]`. */
export const encodeVersion = (seqNo: number, primaryTerm: number) =>
  Buffer.from(JSON.stringify([seqNo, primaryTerm])).toString('base64');
export const decodeVersion = (version: string) =>
  JSON.parse(Buffer.from(version, 'base64').toString('utf8')) as [number, number];
