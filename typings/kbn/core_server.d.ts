/*
 * Ambient declarations for the subset of `@kbn/core/server` this plugin uses.
 * Type-only: never import a runtime value from here (the module only exists inside Kibana).
 *
 * Provenance: each group names the elastic/kibana file it was copied from. The search index held
 * several snapshots of each file (mostly `main` around mid-2026, i.e. 9.5-era or slightly later),
 * never a `v9.5.x` tag. Where snapshots disagreed, the declaration below is the subset that is valid
 * in all of them; such points are marked UNCONFIRMED.
 */
declare module '@kbn/core/server' {
  import type { Client, estypes } from '@elastic/elasticsearch';
  import type { Observable } from 'rxjs';
  import type { Stream } from 'stream';
  import type { ObjectType, Type } from '@kbn/config-schema';

  type MaybePromise<T> = T | Promise<T>;

  // ---------------------------------------------------------------------------------------------
  // Logging
  // ---------------------------------------------------------------------------------------------

  // src/platform/packages/shared/kbn-logging/src/log_meta.ts
  // UNCONFIRMED: Kibana's LogMeta is the whole ECS schema (@elastic/ecs); only this subset is declared.
  export interface LogMeta {
    tags?: string[];
    labels?: Record<string, string | number | boolean>;
    error?: { code?: string; id?: string; message?: string; stack_trace?: string; type?: string };
    event?: {
      action?: string;
      category?: string[];
      dataset?: string;
      duration?: number;
      kind?: string;
      outcome?: string;
      type?: string[];
    };
  }

  // src/platform/packages/shared/kbn-logging/src/logger.ts
  export type LogMessageSource = string | (() => string);
  export type LogLevelId = 'all' | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'off';

  // src/platform/packages/shared/kbn-logging/src/logger.ts (internal `log(record)` omitted)
  export interface Logger {
    trace<Meta extends LogMeta = LogMeta>(message: LogMessageSource, meta?: Meta): void;
    debug<Meta extends LogMeta = LogMeta>(message: LogMessageSource, meta?: Meta): void;
    info<Meta extends LogMeta = LogMeta>(message: LogMessageSource, meta?: Meta): void;
    warn<Meta extends LogMeta = LogMeta>(
      errorOrMessage: LogMessageSource | Error,
      meta?: Meta
    ): void;
    error<Meta extends LogMeta = LogMeta>(
      errorOrMessage: LogMessageSource | Error,
      meta?: Meta
    ): void;
    fatal<Meta extends LogMeta = LogMeta>(
      errorOrMessage: LogMessageSource | Error,
      meta?: Meta
    ): void;
    isLevelEnabled(level: LogLevelId): boolean;
    get(...childContextPaths: string[]): Logger;
  }

  // src/platform/packages/shared/kbn-logging/src/logger_factory.ts
  export interface LoggerFactory {
    get(...contextParts: string[]): Logger;
  }

  // ---------------------------------------------------------------------------------------------
  // Config / environment
  // ---------------------------------------------------------------------------------------------

  // src/platform/packages/shared/kbn-config/src/types.ts
  export type BuildFlavor = 'serverless' | 'traditional';
  export interface PackageInfo {
    version: string;
    branch: string;
    buildNum: number;
    buildSha: string;
    buildShaShort: string;
    buildDate: Date;
    buildFlavor: BuildFlavor;
    dist: boolean;
  }
  export interface EnvironmentMode {
    name: 'development' | 'production';
    dev: boolean;
    prod: boolean;
  }

  // src/core/packages/base/common (PluginOpaqueId)
  export type PluginOpaqueId = symbol;

  // ---------------------------------------------------------------------------------------------
  // Plugin contracts
  // ---------------------------------------------------------------------------------------------

  // src/core/packages/plugins/server/src/types.ts
  // (`node: NodeInfo`, `config.legacy` and `env.airgapped` omitted; airgapped is UNCONFIRMED for 9.5)
  export interface PluginInitializerContext<ConfigSchema = unknown> {
    opaqueId: PluginOpaqueId;
    env: {
      mode: EnvironmentMode;
      packageInfo: Readonly<PackageInfo>;
      instanceUuid: string;
      configs: readonly string[];
    };
    logger: LoggerFactory;
    config: {
      create: <T = ConfigSchema>() => Observable<T>;
      get: <T = ConfigSchema>() => T;
    };
  }

  // src/core/packages/plugins/server/src/types.ts
  export interface Plugin<
    TSetup = void,
    TStart = void,
    TPluginsSetup extends Record<string, any> = {},
    TPluginsStart extends Record<string, any> = {},
  > {
    setup(core: CoreSetup<TPluginsStart, TStart>, plugins: TPluginsSetup): TSetup;
    start(core: CoreStart, plugins: TPluginsStart): TStart;
    stop?(): MaybePromise<void>;
  }

  // src/core/packages/plugins/server/src/types.ts
  // Kibana's return type is `Promise<Plugin | PrebootPlugin>`; the PrebootPlugin arm is omitted here
  // (this plugin is a `standard` plugin), which only narrows what an initializer may return.
  export type PluginInitializer<
    TSetup = void,
    TStart = void,
    TPluginsSetup extends Record<string, any> = never,
    TPluginsStart extends Record<string, any> = never,
  > = (
    core: PluginInitializerContext
  ) => Promise<Plugin<TSetup, TStart, TPluginsSetup, TPluginsStart>>;

  // src/core/packages/plugins/server/src/types.ts
  type Maybe<T> = T | undefined;
  export type ExposedToBrowserDescriptor<T> = {
    [Key in keyof T]?: T[Key] extends Maybe<any[]>
      ? boolean
      : T[Key] extends Maybe<object>
        ? ExposedToBrowserDescriptor<T[Key]> | boolean
        : boolean;
  };

  // src/core/packages/plugins/server/src/types.ts (deprecations/dynamicConfig/exposeToUsage/metaSettings omitted)
  export interface PluginConfigDescriptor<T = any> {
    exposeToBrowser?: ExposedToBrowserDescriptor<T>;
    schema: Type<T>;
  }

  // src/core/packages/lifecycle/server/src/core_setup.ts
  export type StartServicesAccessor<
    TPluginsStart extends object = object,
    TStart = unknown,
  > = () => Promise<[CoreStart, TPluginsStart, TStart]>;

  // src/core/packages/lifecycle/server/src/core_setup.ts (only http, savedObjects, getStartServices declared)
  export interface CoreSetup<TPluginsStart extends Record<string, any> = {}, TStart = unknown> {
    http: HttpServiceSetup<RequestHandlerContext>;
    savedObjects: SavedObjectsServiceSetup;
    getStartServices: StartServicesAccessor<TPluginsStart, TStart>;
  }

  // src/core/packages/lifecycle/server/src/core_start.ts (only elasticsearch, savedObjects declared)
  // ---------------------------------------------------------------------------------------------
  // Security service (Core's own since 8.15; the security plugin's `authc` is a deprecated alias:
  // x-pack/platform/packages/shared/security/plugin_types_server/src/plugin.d.ts @ a084049c)
  // ---------------------------------------------------------------------------------------------
  // src/core/packages/security/common (AuthenticatedUser / User / UserRealm / AuthenticationProvider)
  // (metadata, api_key, http_authentication_scheme omitted)
  export interface UserRealm {
    name: string;
    type: string;
  }
  export interface AuthenticationProvider {
    type: string;
    name: string;
  }
  export interface AuthenticatedUser {
    username: string;
    email?: string;
    full_name?: string;
    roles: readonly string[];
    enabled: boolean;
    authentication_realm: UserRealm;
    lookup_realm: UserRealm;
    authentication_provider: AuthenticationProvider;
    authentication_type: string;
    elastic_cloud_user: boolean;
    profile_uid?: string;
    operator?: boolean;
  }

  // src/core/packages/security/server/src/authentication/api_keys/api_keys.ts
  export interface CreateRestAPIKeyParams {
    type?: 'rest';
    expiration?: string;
    name: string;
    role_descriptors: Record<string, { [key: string]: any }>;
    metadata?: { [key: string]: any };
  }
  // Kibana: CreateRestAPIKeyParams | CreateRestAPIKeyWithKibanaPrivilegesParams | CreateCrossClusterAPIKeyParams
  // — only the plain REST form is declared.
  export type CreateAPIKeyParams = CreateRestAPIKeyParams;
  export type CreateAPIKeyResult = estypes.SecurityCreateApiKeyResponse;
  export interface GrantAPIKeyResult {
    id: string;
    name: string;
    api_key: string;
  }
  export interface InvalidateAPIKeysParams {
    ids: string[];
  }
  export interface InvalidateAPIKeyResult {
    invalidated_api_keys: string[];
    previously_invalidated_api_keys: string[];
    error_count: number;
    error_details?: Array<{
      type?: string;
      code?: string;
      reason?: string | null;
      caused_by?: {
        type?: string;
        reason?: string | null;
      };
    }>;
  }

  // src/core/packages/security/server/src/authentication/api_keys/api_keys.ts @ 0b22416a (NativeAPIKeysType subset)
  // (newest grantAsInternalUser has a 3rd `options?: { refresh }` argument — not declared)
  export interface APIKeys {
    areAPIKeysEnabled(): Promise<boolean>;
    create(
      request: KibanaRequest,
      createParams: CreateAPIKeyParams
    ): Promise<CreateAPIKeyResult | null>;
    grantAsInternalUser(
      request: KibanaRequest,
      createParams: CreateRestAPIKeyParams
    ): Promise<GrantAPIKeyResult | null>;
    invalidate(
      request: KibanaRequest,
      params: InvalidateAPIKeysParams
    ): Promise<InvalidateAPIKeyResult | null>;
    invalidateAsInternalUser(
      params: InvalidateAPIKeysParams
    ): Promise<InvalidateAPIKeyResult | null>;
  }

  // src/core/packages/security/server/src/authc.ts @ 0f373606 (getRedactedSessionId not declared)
  export interface CoreAuthenticationService {
    /** The user bound to the request, or null when none is authenticated (security off). */
    getCurrentUser(request: KibanaRequest): AuthenticatedUser | null;
    apiKeys: APIKeys;
  }

  // src/core/packages/security/server/src/contracts.ts (authz, audit, userProfiles not declared)
  export interface SecurityServiceStart {
    authc: CoreAuthenticationService;
  }

  export interface CoreStart {
    elasticsearch: ElasticsearchServiceStart;
    savedObjects: SavedObjectsServiceStart;
    security: SecurityServiceStart;
  }

  // src/core/packages/application/common/src/app_category.ts
  export interface AppCategory {
    id: string;
    label: string;
    ariaLabel?: string;
    order?: number;
    euiIconType?: string;
  }

  // src/core/packages/application/common/src/default_app_categories.ts
  // Type only: do NOT read this at runtime from a plugin bundle (copy the value locally instead).
  export const DEFAULT_APP_CATEGORIES: Record<string, AppCategory>;

  // ---------------------------------------------------------------------------------------------
  // HTTP service
  // ---------------------------------------------------------------------------------------------

  // src/core/packages/http/server/src/base_path.ts
  export interface IBasePath {
    readonly serverBasePath: string;
    readonly publicBaseUrl?: string;
    get(request: KibanaRequest): string;
    set(request: KibanaRequest, requestSpecificBasePath: string): void;
    prepend(path: string): string;
    remove(path: string): string;
  }

  // src/core/packages/http/server/src/http_contract.ts (only createRouter, basePath and
  // registerOnPreAuth declared)
  export interface HttpServiceSetup<
    DefaultRequestHandlerType extends RequestHandlerContextBase = RequestHandlerContextBase,
  > {
    basePath: IBasePath;
    createRouter: <
      Context extends DefaultRequestHandlerType = DefaultRequestHandlerType,
    >() => IRouter<Context>;
    /** Interceptors run in registration order, before authentication. */
    registerOnPreAuth: (handler: OnPreAuthHandler) => void;
  }

  // src/core/packages/http/server/src/lifecycle/on_pre_auth.ts @ 841c321e
  export enum OnPreAuthResultType {
    next = 'next',
  }
  export interface OnPreAuthNextResult {
    type: OnPreAuthResultType.next;
  }
  export type OnPreAuthResult = OnPreAuthNextResult;
  export interface OnPreAuthToolkit {
    next: () => OnPreAuthResult;
  }
  export type OnPreAuthHandler = (
    request: KibanaRequest,
    response: LifecycleResponseFactory,
    toolkit: OnPreAuthToolkit
  ) => OnPreAuthResult | IKibanaResponse | Promise<OnPreAuthResult | IKibanaResponse>;

  // src/core/packages/http/server/src/router/headers.ts
  // (Kibana spells the known-header half out from node's IncomingHttpHeaders; the value types are identical)
  export type Headers = { [header: string]: string | string[] | undefined };
  // (Kibana: `Record<KnownHeaders, string | string[]> | Record<string, string | string[]>`; second arm only)
  export type ResponseHeaders = Record<string, string | string[]>;

  // src/core/packages/http/server/src/router/route.ts
  export type DestructiveRouteMethod = 'post' | 'put' | 'delete' | 'patch';
  export type SafeRouteMethod = 'get' | 'options';
  export type RouteMethod = SafeRouteMethod | DestructiveRouteMethod;
  export type RouteAccess = 'public' | 'internal';
  export type Privilege = string;

  // src/core/packages/http/server/src/router/route.ts
  // Newest main widens anyRequired/allRequired to also accept nested `{ allOf }` / `{ anyOf }` entries;
  // the plain-string form declared here is valid in every snapshot read.
  export interface PrivilegeSet {
    anyRequired?: Privilege[];
    allRequired?: Privilege[];
  }
  export type Privileges = Array<Privilege | PrivilegeSet>;
  export interface AuthzEnabled {
    requiredPrivileges: Privileges;
  }
  export interface AuthzDisabled {
    enabled: false;
    reason: string;
  }
  export type RouteAuthz = AuthzEnabled | AuthzDisabled;

  // src/core/packages/http/server/src/router/route.ts
  // UNCONFIRMED: older snapshots have `AuthcEnabled { enabled: true | 'optional' }`, newest has
  // `{ enabled: true } | { enabled: 'minimal' | 'optional'; reason }`; only the arms common to both are declared.
  export interface AuthcEnabled {
    enabled: true;
  }
  export interface AuthcDisabled {
    enabled: false;
    reason: string;
  }
  export type RouteAuthc = AuthcEnabled | AuthcDisabled;

  // src/core/packages/http/server/src/router/route.ts
  export interface RouteSecurity {
    authz: RouteAuthz;
    authc?: RouteAuthc;
  }

  // src/core/packages/http/server/src/router/route.ts
  export type RouteContentType =
    | 'application/json'
    | 'application/*+json'
    | 'application/octet-stream'
    | 'application/x-www-form-urlencoded'
    | 'multipart/form-data'
    | 'text/*';
  export interface RouteConfigOptionsBody {
    accepts?: RouteContentType | RouteContentType[] | string | string[];
    override?: string;
    maxBytes?: number;
    output?: 'data' | 'stream';
    parse?: boolean | 'gunzip';
  }

  // src/core/packages/http/server/src/router/route.ts
  // (deprecated `authRequired`, OAS-only and deprecation-info fields omitted)
  export interface RouteConfigOptions<Method extends RouteMethod> {
    xsrfRequired?: Method extends 'get' ? never : boolean;
    access?: RouteAccess;
    tags?: readonly string[];
    body?: Method extends 'get' | 'options' ? undefined : RouteConfigOptionsBody;
    timeout?: {
      payload?: Method extends 'get' | 'options' ? undefined : number;
      idleSocket?: number;
    };
    summary?: string;
    description?: string;
    excludeFromOAS?: boolean;
    httpResource?: boolean;
  }

  // src/core/packages/http/server/src/router/route.ts
  // `security` is required since 9.1 (PR #215180; route.d.ts snapshot). An older route.ts snapshot
  // still had `security?:`; required is the stricter, always-valid choice.
  export interface RouteConfig<P, Q, B, Method extends RouteMethod> {
    path: string;
    validate: RouteValidator<P, Q, B> | (() => RouteValidator<P, Q, B>) | false;
    security: RouteSecurity;
    options?: RouteConfigOptions<Method>;
  }

  // src/core/packages/http/server/src/router/route_validator.ts
  // Kibana: `class RouteValidationError extends SchemaTypeError` (SchemaTypeError extends Error and has
  // `readonly path: string[]`). Kibana types the constructor's first argument as `Error | string` in older
  // snapshots and `unknown` in newest main; `Error | string` is accepted by both.
  export class RouteValidationError extends Error {
    readonly path: string[];
    constructor(error: Error | string, path?: string[]);
  }

  // src/core/packages/http/server/src/router/route_validator.ts
  // (`badRequest`'s `error` is `unknown` in newest main, `Error | string` earlier; the latter is declared.)
  export interface RouteValidationResultFactory {
    ok: <T>(value: T) => { value: T };
    badRequest: (error: Error | string, path?: string[]) => { error: RouteValidationError };
  }

  // src/core/packages/http/server/src/router/route_validator.ts
  export type RouteValidationFunction<T> = (
    data: any,
    validationResult: RouteValidationResultFactory
  ) => { value: T; error?: never } | { value?: never; error: RouteValidationError };

  // src/core/packages/http/server/src/router/route_validator.ts
  // Kibana also accepts a zod schema (`ZodType<T>`) — not declared, this plugin does not use zod.
  export type RouteValidationSpec<T> = ObjectType | Type<T> | RouteValidationFunction<T>;

  // src/core/packages/http/server/src/router/route_validator.ts
  export interface RouteValidatorConfig<P, Q, B> {
    params?: RouteValidationSpec<P>;
    query?: RouteValidationSpec<Q>;
    body?: RouteValidationSpec<B>;
  }
  export interface RouteValidatorOptions {
    unsafe?: {
      params?: boolean;
      query?: boolean;
      body?: boolean;
    };
  }
  export type RouteValidatorFullConfigRequest<P, Q, B> = RouteValidatorConfig<P, Q, B> &
    RouteValidatorOptions;

  // src/core/packages/http/server/src/router/route_validator.ts
  // Kibana's union also has the `{ request, response? }` form; only the plain request form is declared.
  export type RouteValidator<P, Q, B> = RouteValidatorFullConfigRequest<P, Q, B>;

  // src/core/packages/http/server/src/router/request.ts
  export interface KibanaRequestEvents {
    aborted$: Observable<void>;
    completed$: Observable<void>;
  }
  export interface KibanaRequestAuth {
    isAuthenticated: boolean;
  }
  // (Kibana: `route: RecursiveReadonly<KibanaRequestRoute<Method>>`; `options` omitted here)
  export interface KibanaRequestRoute<Method extends RouteMethod> {
    path: string;
    method: Method;
    routePath?: string;
  }

  // src/core/packages/http/server/src/router/request.ts
  // (socket, httpVersion, protocol, serverTiming, rewrittenUrl, apiVersion omitted)
  export interface KibanaRequest<
    Params = unknown,
    Query = unknown,
    Body = unknown,
    Method extends RouteMethod = any,
  > {
    readonly id: string;
    readonly uuid: string;
    readonly url: URL;
    readonly route: Readonly<KibanaRequestRoute<Method>>;
    readonly headers: Headers;
    readonly isSystemRequest: boolean;
    readonly isFakeRequest: boolean;
    readonly authzResult?: Record<string, boolean>;
    readonly isInternalApiRequest: boolean;
    readonly events: KibanaRequestEvents;
    readonly auth: KibanaRequestAuth;
    readonly params: Params;
    readonly query: Query;
    readonly body: Body;
  }

  // src/core/packages/http/server/src/router/response.ts
  export type HttpResponsePayload = undefined | string | Record<string, any> | Buffer | Stream;
  export type ResponseErrorAttributes = Record<string, any>;
  export type ResponseError =
    | string
    | Buffer
    | Stream
    | Error
    | {
        message: string | Error;
        attributes?: ResponseErrorAttributes;
      };
  export interface HttpResponseOptions<T extends HttpResponsePayload | ResponseError = any> {
    body?: T;
    headers?: ResponseHeaders;
    bypassErrorFormat?: boolean;
  }
  export interface IKibanaResponse<T extends HttpResponsePayload | ResponseError = any> {
    readonly status: number;
    readonly payload?: T;
    readonly options: HttpResponseOptions;
  }
  export interface CustomHttpResponseOptions<T extends HttpResponsePayload | ResponseError> {
    body?: T;
    headers?: ResponseHeaders;
    bypassErrorFormat?: boolean;
    statusCode: number;
  }
  export type RedirectResponseOptions = HttpResponseOptions & {
    headers?: ResponseHeaders;
  };
  export interface ErrorHttpResponseOptions {
    body?: ResponseError;
    headers?: ResponseHeaders;
  }

  // src/core/packages/http/server/src/router/response_factory.ts
  // (`multiStatus`, `file` omitted)
  export interface KibanaResponseFactory {
    ok<T extends HttpResponsePayload | ResponseError = any>(
      options?: HttpResponseOptions<T>
    ): IKibanaResponse<T>;
    created<T extends HttpResponsePayload | ResponseError = any>(
      options?: HttpResponseOptions<T>
    ): IKibanaResponse<T>;
    accepted<T extends HttpResponsePayload | ResponseError = any>(
      options?: HttpResponseOptions<T>
    ): IKibanaResponse<T>;
    noContent(options?: HttpResponseOptions): IKibanaResponse;
    redirected(options: RedirectResponseOptions): IKibanaResponse;
    notModified(options: HttpResponseOptions): IKibanaResponse;
    badRequest(options?: ErrorHttpResponseOptions): IKibanaResponse;
    unauthorized(options?: ErrorHttpResponseOptions): IKibanaResponse;
    forbidden(options?: ErrorHttpResponseOptions): IKibanaResponse;
    notFound(options?: ErrorHttpResponseOptions): IKibanaResponse;
    conflict(options?: ErrorHttpResponseOptions): IKibanaResponse;
    unprocessableContent(options?: ErrorHttpResponseOptions): IKibanaResponse;
    customError(options: CustomHttpResponseOptions<ResponseError>): IKibanaResponse;
    custom<T extends HttpResponsePayload | ResponseError>(
      options: CustomHttpResponseOptions<T>
    ): IKibanaResponse;
  }

  // src/core/packages/http/server/src/router/response_factory.ts
  // (KibanaRedirectionResponseFactory & KibanaErrorResponseFactory)
  export type LifecycleResponseFactory = Pick<
    KibanaResponseFactory,
    | 'redirected'
    | 'badRequest'
    | 'unauthorized'
    | 'forbidden'
    | 'notFound'
    | 'conflict'
    | 'unprocessableContent'
    | 'customError'
  >;

  // src/core/packages/http/server/src/router/request_handler_context.ts
  // Kibana's base also has `resolve(parts)`; omitted so hand-written test contexts need not provide it.
  export interface RequestHandlerContextBase {}

  // src/core/packages/http/request-handler-context-server/src/request_handler_context.ts
  // (only the `savedObjects.client` and `elasticsearch.client` parts declared)
  export interface CoreRequestHandlerContext {
    savedObjects: { client: SavedObjectsClientContract };
    elasticsearch: { client: IScopedClusterClient };
  }
  export interface RequestHandlerContext extends RequestHandlerContextBase {
    core: Promise<CoreRequestHandlerContext>;
  }

  // src/core/packages/http/server/src/router/request_handler.ts
  export type RequestHandler<
    P = unknown,
    Q = unknown,
    B = unknown,
    Context extends RequestHandlerContextBase = RequestHandlerContextBase,
    Method extends RouteMethod = any,
    ResponseFactory extends KibanaResponseFactory = KibanaResponseFactory,
  > = (
    context: Context,
    request: KibanaRequest<P, Q, B, Method>,
    response: ResponseFactory
  ) => IKibanaResponse<any> | Promise<IKibanaResponse<any>>;

  // src/core/packages/http/server/src/router/router.ts
  export type RouteRegistrar<
    Method extends RouteMethod,
    Context extends RequestHandlerContextBase = RequestHandlerContextBase,
  > = <P, Q, B>(
    route: RouteConfig<P, Q, B, Method>,
    handler: RequestHandler<P, Q, B, Context, Method>
  ) => void;

  // src/core/packages/http/server/src/router/router.ts (handleLegacyErrors, getRoutes, versioned omitted)
  export interface IRouter<Context extends RequestHandlerContextBase = RequestHandlerContextBase> {
    routerPath: string;
    get: RouteRegistrar<'get', Context>;
    post: RouteRegistrar<'post', Context>;
    put: RouteRegistrar<'put', Context>;
    patch: RouteRegistrar<'patch', Context>;
    delete: RouteRegistrar<'delete', Context>;
  }

  // ---------------------------------------------------------------------------------------------
  // Elasticsearch service
  // ---------------------------------------------------------------------------------------------

  // src/core/packages/elasticsearch/server/src/client/client.ts
  export type ElasticsearchClient = Omit<
    Client,
    'connectionPool' | 'serializer' | 'extend' | 'close' | 'diagnostic'
  >;

  // src/core/packages/elasticsearch/server/src/client/types.ts
  export interface FakeRequest {
    headers: Headers;
  }
  export type ScopeableRequest = KibanaRequest | FakeRequest;

  // src/core/packages/elasticsearch/server/src/client/scoped_cluster_client.ts
  export interface IScopedClusterClient {
    readonly asInternalUser: ElasticsearchClient;
    readonly asSecondaryAuthUser: ElasticsearchClient;
    readonly asCurrentUser: ElasticsearchClient;
  }

  // src/core/packages/elasticsearch/server/src/client/cluster_client.ts
  // (the serverless CPS overload `asScoped(request, { projectRouting: 'space' })` omitted)
  export interface IClusterClient {
    readonly asInternalUser: ElasticsearchClient;
    asScoped(request: ScopeableRequest): IScopedClusterClient;
  }

  // src/core/packages/elasticsearch/server/src/contracts.ts (only `client` declared)
  export interface ElasticsearchServiceStart {
    readonly client: IClusterClient;
  }

  // ---------------------------------------------------------------------------------------------
  // Saved objects
  // ---------------------------------------------------------------------------------------------

  // src/core/packages/saved-objects/common/src/saved_objects.ts
  export type SavedObjectsNamespaceType = 'single' | 'multiple' | 'multiple-isolated' | 'agnostic';
  // UNCONFIRMED: `metadata` of SavedObjectError not declared.
  export interface SavedObjectError {
    error: string;
    message: string;
    statusCode: number;
  }

  // src/core/packages/saved-objects/common/src/server_types.ts
  export interface SavedObjectReference {
    name: string;
    type: string;
    id: string;
  }
  export interface SavedObject<T = unknown> {
    id: string;
    type: string;
    version?: string;
    created_at?: string;
    created_by?: string;
    updated_at?: string;
    updated_by?: string;
    error?: SavedObjectError;
    attributes: T;
    references: SavedObjectReference[];
    coreMigrationVersion?: string;
    typeMigrationVersion?: string;
    namespaces?: string[];
    originId?: string;
    managed?: boolean;
  }

  // src/core/packages/saved-objects/api-server/src/apis/base.ts
  export interface SavedObjectsBaseOptions {
    namespace?: string;
  }
  export type MutatingOperationRefreshSetting = boolean | 'wait_for';
  export interface SavedObjectsBulkResponse<T = unknown> {
    saved_objects: Array<SavedObject<T>>;
  }

  // src/core/packages/saved-objects/api-server/src/apis/create.ts (migration/accessControl fields omitted)
  export interface SavedObjectsCreateOptions extends SavedObjectsBaseOptions {
    id?: string;
    overwrite?: boolean;
    version?: string;
    references?: SavedObjectReference[];
    refresh?: MutatingOperationRefreshSetting;
    originId?: string;
    initialNamespaces?: string[];
    managed?: boolean;
  }

  // src/core/packages/saved-objects/api-server/src/apis/get.ts
  export interface SavedObjectsGetOptions extends SavedObjectsBaseOptions {
    migrationVersionCompatibility?: 'compatible' | 'raw';
  }

  // src/core/packages/saved-objects/api-server/src/apis/delete.ts
  export interface SavedObjectsDeleteOptions extends SavedObjectsBaseOptions {
    refresh?: MutatingOperationRefreshSetting;
    force?: boolean;
  }

  // src/core/packages/saved-objects/api-server/src/apis/update.ts
  export interface SavedObjectsUpdateOptions<Attributes = unknown> extends SavedObjectsBaseOptions {
    version?: string;
    references?: SavedObjectReference[];
    refresh?: MutatingOperationRefreshSetting;
    upsert?: Attributes;
    retryOnConflict?: number;
    mergeAttributes?: boolean;
  }
  export interface SavedObjectsUpdateResponse<T = unknown>
    extends Omit<SavedObject<T>, 'attributes' | 'references'> {
    attributes: Partial<T>;
    references: SavedObjectReference[] | undefined;
  }

  // src/core/packages/saved-objects/api-server/src/apis/bulk_get.ts
  export interface SavedObjectsBulkGetObject {
    id: string;
    type: string;
    fields?: string[];
    namespaces?: string[];
  }

  // src/core/packages/saved-objects/api-server/src/apis/find.ts @ 31fbace0
  // (aggs, hasNoReference*, typeToNamespacesMap, preference, semanticSearch,
  //  migrationVersionCompatibility omitted; Kibana types `filter` as `string | KueryNode` where
  //  KueryNode = any — only the string form is declared)
  export interface SavedObjectsFindOptionsReference {
    type: string;
    id: string;
  }
  export interface SavedObjectsPitParams {
    id: string;
    /** How long ES keeps the PIT alive until the next request. */
    keepAlive?: string;
  }
  export interface SavedObjectsFindOptions {
    type: string | string[];
    page?: number;
    perPage?: number;
    sortField?: string;
    sortOrder?: estypes.SortOrder;
    fields?: string[];
    search?: string;
    searchFields?: string[];
    rootSearchFields?: string[];
    hasReference?: SavedObjectsFindOptionsReference | SavedObjectsFindOptionsReference[];
    hasReferenceOperator?: 'AND' | 'OR';
    defaultSearchOperator?: 'AND' | 'OR';
    filter?: string;
    namespaces?: string[];
    /** The previous page's last `sort`; Kibana then leaves `from` out of the search. */
    searchAfter?: estypes.SortResults;
    /** A PIT from `openPointInTimeForType`; Kibana then leaves the index out of the search. */
    pit?: SavedObjectsPitParams;
  }
  export interface SavedObjectsFindResult<T = unknown> extends SavedObject<T> {
    score: number;
    sort?: estypes.SortResults;
  }
  export interface SavedObjectsFindResponse<T = unknown, A = unknown> {
    aggregations?: A;
    saved_objects: Array<SavedObjectsFindResult<T>>;
    total: number;
    per_page: number;
    page: number;
    pit_id?: string;
  }

  // src/core/packages/saved-objects/api-server/src/apis/open_point_in_time_for_type.ts @ 06b740bc
  export interface SavedObjectsOpenPointInTimeOptions {
    /** Defaults to `5m` (api-server-internal/src/lib/apis/open_point_in_time.ts @ 6d9ae153). */
    keepAlive?: string;
    preference?: string;
    namespaces?: string[];
  }
  export interface SavedObjectsOpenPointInTimeResponse {
    id: string;
  }

  // src/core/packages/saved-objects/api-server/src/apis/close_point_in_time.ts @ b4099342
  export type SavedObjectsClosePointInTimeOptions = SavedObjectsBaseOptions;
  export interface SavedObjectsClosePointInTimeResponse {
    succeeded: boolean;
    num_freed: number;
  }

  // src/core/packages/saved-objects/api-server/src/apis/create_point_in_time_finder.ts @ 2752c390
  export type SavedObjectsCreatePointInTimeFinderOptions = Omit<
    SavedObjectsFindOptions,
    'page' | 'pit' | 'searchAfter'
  >;
  export type SavedObjectsPointInTimeFinderClient = Pick<
    SavedObjectsClientContract,
    'find' | 'openPointInTimeForType' | 'closePointInTime'
  >;
  export interface SavedObjectsCreatePointInTimeFinderDependencies {
    client: SavedObjectsPointInTimeFinderClient;
  }
  /**
   * Behaviour per api-server-internal/src/lib/point_in_time_finder.ts @ 208877d5: `perPage`
   * defaults to 1000; `find()` opens a PIT (keepAlive `5m`, the open default), then pages with
   * `search_after`, bumping keepAlive by `2m` on each request and sorting by `sortField` (default
   * `updated_at`) and `sortOrder` (default `desc`); a page shorter than `perPage` ends it and closes
   * the PIT, as does a failed page. An empty page is not yielded. Calling `find()` again before
   * `close()` throws.
   */
  export interface ISavedObjectsPointInTimeFinder<T, A> {
    find: () => AsyncGenerator<SavedObjectsFindResponse<T, A>>;
    /** Closes the PIT; needed only when stopping before the last page, harmless after it. */
    close: () => Promise<void>;
  }

  // src/core/packages/saved-objects/api-server/src/saved_objects_client.ts (only the methods we use)
  export interface SavedObjectsClientContract {
    create<T = unknown>(
      type: string,
      attributes: T,
      options?: SavedObjectsCreateOptions
    ): Promise<SavedObject<T>>;
    get<T = unknown>(
      type: string,
      id: string,
      options?: SavedObjectsGetOptions
    ): Promise<SavedObject<T>>;
    bulkGet<T = unknown>(
      objects: SavedObjectsBulkGetObject[],
      options?: SavedObjectsGetOptions
    ): Promise<SavedObjectsBulkResponse<T>>;
    update<T = unknown>(
      type: string,
      id: string,
      attributes: Partial<T>,
      options?: SavedObjectsUpdateOptions<T>
    ): Promise<SavedObjectsUpdateResponse<T>>;
    delete(type: string, id: string, options?: SavedObjectsDeleteOptions): Promise<{}>;
    find<T = unknown, A = unknown>(
      options: SavedObjectsFindOptions
    ): Promise<SavedObjectsFindResponse<T, A>>;
    openPointInTimeForType(
      type: string | string[],
      options?: SavedObjectsOpenPointInTimeOptions
    ): Promise<SavedObjectsOpenPointInTimeResponse>;
    closePointInTime(
      id: string,
      options?: SavedObjectsClosePointInTimeOptions
    ): Promise<SavedObjectsClosePointInTimeResponse>;
    /**
     * src/core/packages/saved-objects/api-server-internal/src/saved_objects_client.ts @ 04a2a828:
     * the repository's finder with `{ client: this, ...dependencies }`.
     */
    createPointInTimeFinder<T = unknown, A = unknown>(
      findOptions: SavedObjectsCreatePointInTimeFinderOptions,
      dependencies?: SavedObjectsCreatePointInTimeFinderDependencies
    ): ISavedObjectsPointInTimeFinder<T, A>;
  }

  // src/core/packages/saved-objects/api-server/src/saved_objects_repository.ts: the same methods
  // for the subset we use (the internal-only last parameters of `find`, `openPointInTimeForType`,
  // `closePointInTime` and `createPointInTimeFinder` omitted; repository.ts @ 0277b61f).
  export type ISavedObjectsRepository = SavedObjectsClientContract;

  // src/core/packages/saved-objects/server/src/mapping_definition.ts
  export type SavedObjectsFieldMapping = estypes.MappingProperty &
    estypes.MappingPropertyBase & {
      dynamic?: false | 'false' | 'strict';
      properties?: Record<estypes.PropertyName, estypes.MappingProperty>;
    };
  export interface SavedObjectsMappingProperties {
    [field: string]: SavedObjectsFieldMapping;
  }
  export interface SavedObjectsTypeMappingDefinition {
    dynamic?: false | 'false' | 'strict';
    properties: SavedObjectsMappingProperties;
  }

  // src/core/packages/saved-objects/server/src/model_version/model_change.ts
  // (data_backfill and unsafe_transform changes not declared)
  export interface SavedObjectsModelMappingsAdditionChange {
    type: 'mappings_addition';
    addedMappings: SavedObjectsMappingProperties;
  }
  export interface SavedObjectsModelMappingsDeprecationChange {
    type: 'mappings_deprecation';
    deprecatedMappings: string[];
  }
  export interface SavedObjectsModelDataRemovalChange {
    type: 'data_removal';
    removedAttributePaths: string[];
  }
  export type SavedObjectsModelChange =
    | SavedObjectsModelMappingsAdditionChange
    | SavedObjectsModelMappingsDeprecationChange
    | SavedObjectsModelDataRemovalChange;

  // src/core/packages/saved-objects/server/src/model_version/schemas.ts @ 55cbab20: forwardCompatibility
  // is a config-schema object schema or a plain function of the attributes (its doc: "strip unknown
  // fields to convert the document to the *shape* of the document at the given version").
  // UNCONFIRMED: `create` is Kibana's SavedObjectsValidationSpec, declared here as config-schema
  // ObjectType (some older versions also took a validation function).
  export type SavedObjectModelVersionForwardCompatibilityFn<
    InAttrs = unknown,
    OutAttrs = unknown,
  > = (attributes: InAttrs) => OutAttrs;
  export type SavedObjectModelVersionForwardCompatibilitySchema<
    InAttrs = unknown,
    OutAttrs = unknown,
  > = ObjectType | SavedObjectModelVersionForwardCompatibilityFn<InAttrs, OutAttrs>;
  export interface SavedObjectsModelVersionSchemaDefinitions {
    forwardCompatibility?: SavedObjectModelVersionForwardCompatibilitySchema;
    create?: ObjectType;
  }

  // src/core/packages/saved-objects/server/src/model_version/model_version.ts @ 25448646
  // (encryptionDefinition not declared; newest main also accepts SavedObjectsFullModelVersion with
  //  required `schemas`; a version with both schemas set satisfies both shapes)
  export interface SavedObjectsModelVersion {
    changes: SavedObjectsModelChange[];
    schemas?: SavedObjectsModelVersionSchemaDefinitions;
  }
  export type ModelVersionIdentifier =
    | '1'
    | '2'
    | '3'
    | '4'
    | '5'
    | '6'
    | '7'
    | '8'
    | '9'
    | '10'
    | '11'
    | '12'
    | '13'
    | '14'
    | '15'
    | '16'
    | '17'
    | '18'
    | '19'
    | '20'
    | '21'
    | '22'
    | '23'
    | '24'
    | '25'
    | '26'
    | '27'
    | '28'
    | '29'
    | '30'
    | '31'
    | '32'
    | '33'
    | '34'
    | '35'
    | '36'
    | '37'
    | '38'
    | '39'
    | '40';
  export type SavedObjectsModelVersionMap = {
    [mv in ModelVersionIdentifier]?: SavedObjectsModelVersion;
  };
  export type SavedObjectsModelVersionMapProvider = () => SavedObjectsModelVersionMap;

  // src/core/packages/saved-objects/server/src/saved_objects_type.ts
  // (legacy migrations/schemas, management, excludeOnUpgrade, convertTo* omitted)
  export interface SavedObjectsType<Attributes = any> {
    name: string;
    nameAttribute?: string;
    hidden: boolean;
    hiddenFromHttpApis?: boolean;
    namespaceType: SavedObjectsNamespaceType;
    indexPattern?: string;
    mappings: SavedObjectsTypeMappingDefinition;
    modelVersions?: SavedObjectsModelVersionMap | SavedObjectsModelVersionMapProvider;
    getTitle?: (savedObject: Attributes) => string;
  }

  // src/core/packages/saved-objects/server/src/client_factory.ts
  export interface SavedObjectsClientProviderOptions {
    includedHiddenTypes?: string[];
  }

  // src/core/packages/saved-objects/server/src/contracts.ts (only registerType / getDefaultIndex)
  export interface SavedObjectsServiceSetup {
    registerType: <Attributes = unknown>(type: SavedObjectsType<Attributes>) => void;
    getDefaultIndex: () => string;
  }

  // src/core/packages/saved-objects/server/src/contracts.ts
  // (createInternalRepository's optional `extensions` parameter omitted)
  export interface SavedObjectsServiceStart {
    getScopedClient: (
      req: KibanaRequest,
      options?: SavedObjectsClientProviderOptions
    ) => SavedObjectsClientContract;
    createScopedRepository: (
      req: KibanaRequest,
      includedHiddenTypes?: string[]
    ) => ISavedObjectsRepository;
    createInternalRepository: (includedHiddenTypes?: string[]) => ISavedObjectsRepository;
  }
}
