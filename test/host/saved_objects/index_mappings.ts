import type { SavedObjectsType } from '@kbn/core/server';

interface FieldMapping {
  type?: string;
  properties?: Record<string, FieldMapping>;
  fields?: Record<string, FieldMapping>;
}

/** The saved objects index's properties: the root fields, then each type's under its name. */
export function indexProperties(types: Iterable<SavedObjectsType>): Record<string, FieldMapping> {
  return {
    type: { type: 'keyword' },
    namespaces: { type: 'keyword' },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
    references: { type: 'object', enabled: false } as FieldMapping,
    ...Object.fromEntries(
      [...types].map((type) => [type.name, { dynamic: false, ...type.mappings } as FieldMapping])
    ),
  };
}

/**
 * The mapping of a dotted path, through `properties` and multi-field `fields`, as Kibana's
 * getProperty walks it (src/core/packages/saved-objects/base-server-internal/src/mappings/lib/
 * get_property.ts @ a2dd3043).
 */
export function mappedField(
  properties: Record<string, FieldMapping>,
  path: string
): FieldMapping | undefined {
  let field: FieldMapping | undefined = { properties };
  for (const part of path.split('.')) field = (field?.properties ?? field?.fields)?.[part];
  return field;
}
