import type {
  SavedObjectModelVersionForwardCompatibilityFn,
  SavedObjectsModelVersionMap,
} from '@kbn/core/server';

/** Each attribute of a type's current model version, once: a new attribute left out fails to compile. */
type KnownAttributes<Attributes> = { readonly [Key in keyof Required<Attributes>]: true };

/**
 * Keeps the attributes this version knows. Kibana applies it to a document written by a newer
 * model version (several Kibana versions sharing one index, or a downgrade), so that this version
 * reads only the shape it knows. A plain function, because config-schema is not available to the
 * plugin at runtime outside its entry file.
 */
export function keepKnownAttributes<Attributes>(
  known: KnownAttributes<Attributes>
): SavedObjectModelVersionForwardCompatibilityFn<unknown, Partial<Attributes>> {
  const keys = new Set(Object.keys(known));
  return (attributes) =>
    Object.fromEntries(
      Object.entries(attributes as Record<string, unknown>).filter(([key]) => keys.has(key))
    ) as Partial<Attributes>;
}

/**
 * Model version 1 of a type that has not changed since it was first registered: no changes, and
 * the forward-compatibility schema that later versions build on. A `create` schema is left out
 * because Kibana wants a config-schema type there.
 */
export function firstModelVersion<Attributes>(
  known: KnownAttributes<Attributes>
): SavedObjectsModelVersionMap {
  return { 1: { changes: [], schemas: { forwardCompatibility: keepKnownAttributes(known) } } };
}
