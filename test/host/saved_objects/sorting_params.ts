import type { estypes } from '@elastic/elasticsearch';
import type { SavedObjectsPitParams } from '@kbn/core/server';
import { badRequest, notAcceptable } from './saved_object_errors';
import { mappedField, type indexProperties } from './index_mappings';

const TOP_LEVEL_FIELDS = ['_id', '_score'];

/**
 * The sort `find` sends, as Kibana builds it (api-server-internal/src/lib/search/search_dsl/
 * sorting_params.ts and search_dsl.ts, both @ 183a24c0): no field sorts by nothing, or by
 * `_shard_doc` under a PIT (search_after needs sort values); a field is the type's own when
 * mapped there, else a root field, else refused, and it sorts as its mapped type when absent.
 */
export function sortingParams(
  properties: ReturnType<typeof indexProperties>,
  types: string[],
  sortField: string | undefined,
  sortOrder: estypes.SortOrder | undefined,
  pit: SavedObjectsPitParams | undefined
): { sort?: estypes.SortCombinations[] } {
  if (sortOrder && !sortField) throw notAcceptable('sortOrder requires a sortField');
  if (!sortField) return pit ? { sort: ['_shard_doc'] } : {};
  if (TOP_LEVEL_FIELDS.includes(sortField))
    return { sort: [{ [sortField]: { order: sortOrder } }] };
  if (types.length > 1) {
    const root = mappedField(properties, sortField);
    if (!root) {
      throw badRequest(`Unable to sort multiple types by field ${sortField}, not a root property`);
    }
    return { sort: [{ [sortField]: { order: sortOrder, unmapped_type: root.type } }] };
  }
  let key = `${types[0]}.${sortField}`;
  let field = mappedField(properties, key);
  if (!field) {
    key = sortField;
    field = mappedField(properties, sortField);
    if (!field) throw badRequest(`Unknown sort field ${sortField}`);
  }
  return { sort: [{ [key]: { order: sortOrder, unmapped_type: field.type } }] };
}
