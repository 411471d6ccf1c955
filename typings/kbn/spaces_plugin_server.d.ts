/*
 * Ambient declarations for the subset of `@kbn/spaces-plugin/server` this plugin uses.
 */
declare module '@kbn/spaces-plugin/server' {
  import type { KibanaRequest } from '@kbn/core/server';

  // x-pack/platform/plugins/shared/spaces/server/spaces_service/spaces_service.ts
  // (Kibana returns `SpaceId` from @kbn/core-spaces-common; UNCONFIRMED whether that is a plain string
  //  alias — declared as string, which is what it holds at runtime. registerSpaceDeleteHandler omitted.)
  export interface SpacesServiceSetup {
    getSpaceId(request: KibanaRequest): string;
    spaceIdToNamespace(spaceId: string): string | undefined;
    namespaceToSpaceId(namespace: string | undefined): string;
  }

  // x-pack/platform/plugins/shared/spaces/server/spaces_service/spaces_service.ts
  // (createSpacesClient, getActiveSpace omitted)
  export interface SpacesServiceStart {
    getSpaceId(request: KibanaRequest): string;
    isInDefaultSpace(request: KibanaRequest): boolean;
    spaceIdToNamespace(spaceId: string): string | undefined;
    namespaceToSpaceId(namespace: string | undefined): string;
  }

  // x-pack/platform/plugins/shared/spaces/server/plugin.ts (spacesClient, hasOnlyDefaultSpace$ omitted)
  export interface SpacesPluginSetup {
    spacesService: SpacesServiceSetup;
  }
  export interface SpacesPluginStart {
    spacesService: SpacesServiceStart;
  }
}
