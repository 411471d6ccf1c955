import type { Client } from '@elastic/elasticsearch';
import type { KibanaRequest, SavedObjectsType } from '@kbn/core/server';
import { indexProperties } from './index_mappings';
import { deepFreeze, validateTypeRegistration } from './saved_object_type_rules';
import { SavedObjectsRepository, type AttributeTransforms } from './saved_objects_repository';
import { validateTypeMigrations } from './type_migration_rules';

/**
 * Stands in for core's saved objects: types registered in setup, stored in a real index.
 * Kibana: src/core/packages/saved-objects/server-internal/src/saved_objects_service.ts @ 00dc6f5f.
 */
export class SavedObjectsService {
  private readonly types = new Map<string, SavedObjectsType>();
  private transforms: AttributeTransforms | undefined;
  private started = false;

  constructor(
    private readonly client: Client,
    /** Where objects are kept; a test host gets its own index. */
    readonly index: string,
    /** Legacy migration versions above it are refused with Kibana's own text (see the rules). */
    private readonly kibanaVersion: string
  ) {}

  setup() {
    return {
      registerType: (type: SavedObjectsType) => {
        if (this.started) throw new Error('cannot call `registerType` after service startup.');
        validateTypeRegistration(type, this.types);
        this.types.set(type.name, deepFreeze(type));
      },
    };
  }

  useTransforms(transforms: AttributeTransforms) {
    this.transforms = transforms;
  }

  /**
   * Kibana's migrations create the index before any plugin starts; so does the host. Like Kibana's
   * migrator, it first checks every type's migrations and model versions, so a bad one stops start.
   */
  async start() {
    for (const type of this.types.values()) validateTypeMigrations(type, this.kibanaVersion);
    const properties = indexProperties(this.types.values());
    const exists = await this.client.indices.exists({ index: this.index });
    if (exists) {
      await this.client.indices.putMapping({ index: this.index, properties } as never);
    } else {
      await this.client.indices.create(
        { index: this.index, mappings: { dynamic: false, properties } as never },
        { ignore: [400] }
      );
    }
    this.started = true;
    return {
      getScopedClient: (
        _request: KibanaRequest,
        options: { includedHiddenTypes?: string[] } = {}
      ) => this.repository(options.includedHiddenTypes),
      // Kibana gives an internal repository no extensions (saved_objects_service.ts): encrypted
      // attributes are written and read as they are, so secrets must go through a scoped client.
      createInternalRepository: (includedHiddenTypes?: string[]) =>
        this.repository(includedHiddenTypes, { withoutExtensions: true }),
    };
  }

  repository(
    includedHiddenTypes: string[] = [],
    { withoutExtensions = false } = {}
  ): SavedObjectsRepository {
    const visible = [...this.types.values()]
      .filter((type) => !type.hidden)
      .map((type) => type.name);
    const repository = new SavedObjectsRepository(
      this.client,
      this.index,
      this.types,
      new Set([...visible, ...includedHiddenTypes])
    );
    return this.transforms && !withoutExtensions
      ? repository.withTransforms(this.transforms)
      : repository;
  }
}
