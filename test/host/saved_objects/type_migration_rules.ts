import type {
  SavedObjectsModelChange,
  SavedObjectsModelMappingsAdditionChange,
  SavedObjectsModelVersionMap,
  SavedObjectsType,
} from '@kbn/core/server';
import { compareSemver, isValidSemver } from './semver';

/**
 * What Kibana checks of a type's legacy `migrations`/`schemas` and its `modelVersions` when the
 * saved objects service starts (`migrator.prepareMigrations()`), so a bad type stops Kibana from
 * starting rather than failing its `registerType` call.
 * Kibana: src/core/packages/saved-objects/migration-server-internal/src/document_migrator/
 * validate_migrations.ts @ 309432f0 (`validateTypeMigrations`; the convertToMultiNamespaceTypeVersion
 * checks are left out: our typings do not declare it).
 */

// Kibana: saved-objects/base-server-internal/src/model_version/constants.ts @ 9e98c9d4
const GLOBAL_SWITCH_TO_MODEL_VERSION_AT = '8.10.0';

/** The legacy keys, which our typings leave out so that the plugin cannot use them. */
interface LegacyMigrations {
  migrations?: unknown;
  schemas?: unknown;
}

export function validateTypeMigrations(type: SavedObjectsType, kibanaVersion: string | undefined) {
  const { migrations, schemas } = type as SavedObjectsType & LegacyMigrations;
  if (migrations) {
    if (typeof migrations !== 'function' && typeof migrations !== 'object') {
      throw new Error(
        `Migration for type ${type.name} should be an object or a function returning an object like { '2.0.0': (doc) => doc }. Got! ${typeof migrations}, ${JSON.stringify(migrations)}.`
      );
    }
    const migrationMap = typeof migrations === 'function' ? migrations() : migrations;
    if (!migrationMap || typeof migrationMap !== 'object') {
      throw new Error(
        `Migrations map for type ${type.name} should be an object like { '2.0.0': (doc) => doc }. Got ${migrationMap}.`
      );
    }
    for (const [version, migration] of Object.entries(migrationMap as Record<string, unknown>)) {
      assertValidSemver(kibanaVersion, version, type.name);
      const isTransform =
        typeof migration === 'function' ||
        typeof (migration as { transform?: unknown } | null)?.transform === 'function';
      if (!isTransform) {
        throw new Error(
          `Invalid migration ${type.name}.${version}: expected a function or an object, but got ${migration}.`
        );
      }
      if (compareSemver(version, GLOBAL_SWITCH_TO_MODEL_VERSION_AT) >= 0) {
        throw new Error(
          `Migration for type ${type.name} for version ${version} registered after globalSwitchToModelVersionAt (${GLOBAL_SWITCH_TO_MODEL_VERSION_AT})`
        );
      }
    }
  }

  if (schemas) {
    for (const version of Object.keys(typeof schemas === 'object' ? schemas : {})) {
      assertValidSemver(kibanaVersion, version, type.name);
      if (compareSemver(version, GLOBAL_SWITCH_TO_MODEL_VERSION_AT) >= 0) {
        throw new Error(
          `Schema for type ${type.name} for version ${version} registered after globalSwitchToModelVersionAt (${GLOBAL_SWITCH_TO_MODEL_VERSION_AT})`
        );
      }
    }
  }

  if (type.modelVersions) {
    const modelVersionMap =
      typeof type.modelVersions === 'function' ? type.modelVersions() : type.modelVersions;
    validateModelVersions(type, modelVersionMap);
  }
}

function validateModelVersions(
  type: SavedObjectsType,
  modelVersionMap: SavedObjectsModelVersionMap
) {
  const versions = Object.keys(modelVersionMap);
  if (versions.length === 0) return;

  // Kibana: model_version/conversion.ts (assertValidModelVersion) parses keys with parseFloat.
  if (versions.some((version) => !Number.isInteger(parseFloat(version)))) {
    throw new Error('Model version must be an integer');
  }
  const numbers = versions.map((version) => Number.parseInt(version, 10));
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  if (min > 1) throw new Error(`Type ${type.name}: model versioning must start with version 1`);

  validateAddedMappings(type, modelVersionMap);

  const missing: number[] = [];
  for (let version = min; version <= max; version++) {
    if (!numbers.includes(version)) missing.push(version);
  }
  if (missing.length > 0) {
    throw new Error(
      `Type ${type.name}: gaps between model versions aren't allowed (missing versions: ${missing.join(',')})`
    );
  }
}

/** Every field a version's `mappings_addition` adds must be in the type's mappings, unchanged. */
function validateAddedMappings(
  type: SavedObjectsType,
  modelVersionMap: SavedObjectsModelVersionMap
) {
  const mappings = new Map(Object.entries(flattened(type.mappings.properties)));
  const added = new Map<string, unknown>();
  Object.values(modelVersionMap)
    .flatMap((version) => version!.changes)
    .filter(
      (change: SavedObjectsModelChange): change is SavedObjectsModelMappingsAdditionChange => {
        return change.type === 'mappings_addition';
      }
    )
    .forEach((change) => {
      Object.entries(flattened(change.addedMappings)).forEach(([key, value]) =>
        added.set(key, value)
      );
    });

  const missing = [...added.keys()].filter((key) => !mappings.has(key));
  if (missing.length > 0) {
    throw new Error(
      `Type ${type.name}: mappings added on model versions not present on the global mappings definition: ${missing.join(',')}`
    );
  }
  const differing = [...added].filter(([key, value]) => mappings.get(key) !== value);
  if (differing.length > 0) {
    throw new Error(
      `Type ${type.name}: mappings added on model versions differs from the global mappings definition: ${differing.map(([key]) => key).join(',')}`
    );
  }
}

/** Kibana: @kbn/std get_flattened_object.ts @ edb7c8ea: dotted paths to primitives and arrays. */
function flattened(object: object, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).flatMap(([key, value]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.entries(flattened(value, path))
        : [[path, value]];
    })
  );
}

function assertValidSemver(kibanaVersion: string | undefined, version: string, typeName: string) {
  if (!isValidSemver(version)) {
    throw new Error(
      `Invalid migration for type ${typeName}. Expected all properties to be semvers, but got ${version}.`
    );
  }
  // Without the host's version, a key above it is still refused, by the 8.10.0 rule's text.
  if (kibanaVersion !== undefined && compareSemver(version, kibanaVersion) > 0) {
    throw new Error(
      `Invalid migration for type ${typeName}. Property '${version}' cannot be greater than the current Kibana version '${kibanaVersion}'.`
    );
  }
}
