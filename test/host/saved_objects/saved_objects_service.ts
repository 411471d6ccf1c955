import type { Client } from '@elastic/elasticsearch';
import type { KibanaRequest, SavedObjectsType } from '@kbn/core/server';
import { SavedObjectsRepository, type AttributeTransforms } from './saved_objects_repository';

/** Stands in for core's saved objects: types registered in setup, stored in a real index. */
export class SavedObjectsService {
  private readonly types = new Map<string, SavedObjectsType>();
  private transforms: AttributeTransforms | undefined;

  constructor(
    private readonly client: Client,
    /** Where objects are kept; a test host gets its own index. */
    readonly index: string
  ) {}

  setup() {
    return {
      registerType: (type: SavedObjectsType) => {
        if (this.types.has(type.name)) throw new Error(`Type '${type.name}' is already registered`);
        this.types.set(type.name, type);
      },
    };
  }

  useTransforms(transforms: AttributeTransforms) {
    this.transforms = transforms;
  }

  /** Kibana's migrations create the index before any plugin starts; so does the host. */
  async start() {
    const properties = {
      type: { type: 'keyword' },
      namespaces: { type: 'keyword' },
      created_at: { type: 'date' },
      updated_at: { type: 'date' },
      references: { type: 'object', enabled: false },
      ...Object.fromEntries(
        [...this.types.values()].map((type) => [type.name, { dynamic: false, ...type.mappings }])
      ),
    };
    const exists = await this.client.indices.exists({ index: this.index });
    if (exists) {
      await this.client.indices.putMapping({ index: this.index, properties } as never);
    } else {
      await this.client.indices.create(
        { index: this.index, mappings: { dynamic: false, properties } as never },
        { ignore: [400] }
      );
    }
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
