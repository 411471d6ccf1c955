/*
 * Ambient declarations for the subset of `@kbn/core/public` this plugin uses.
 * Type-only: the browser bundle must never import a runtime value from `@kbn/core/public`
 * (take everything from the `core` objects passed to setup/start/mount).
 */
declare module '@kbn/core/public' {
  import type { History, Href, LocationDescriptorObject } from 'history';
  import type { MouseEventHandler, ReactElement, ReactNode } from 'react';
  import type { Observable } from 'rxjs';

  type MaybePromise<T> = T | Promise<T>;

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

  // ---------------------------------------------------------------------------------------------
  // Plugin contracts
  // ---------------------------------------------------------------------------------------------

  // src/core/packages/plugins/browser/src/plugin_initializer.ts
  // (`logger` omitted; `env.airgapped` exists in newest main, UNCONFIRMED for 9.5, omitted)
  export interface PluginInitializerContext<ConfigSchema extends object = object> {
    readonly opaqueId: symbol;
    readonly env: {
      mode: Readonly<EnvironmentMode>;
      packageInfo: Readonly<PackageInfo>;
    };
    readonly config: {
      get: <T extends object = ConfigSchema>() => T;
    };
  }

  // src/core/packages/plugins/browser/src/plugin.ts
  export interface Plugin<
    TSetup = void,
    TStart = void,
    TPluginsSetup extends Record<string, any> = never,
    TPluginsStart extends Record<string, any> = never,
  > {
    setup(core: CoreSetup<TPluginsStart, TStart>, plugins: TPluginsSetup): TSetup;
    start(core: CoreStart, plugins: TPluginsStart): TStart;
    stop?(): MaybePromise<void>;
  }

  // src/core/packages/plugins/browser/src/plugin_initializer.ts
  export type PluginInitializer<
    TSetup = void,
    TStart = void,
    TPluginsSetup extends Record<string, any> = never,
    TPluginsStart extends Record<string, any> = never,
  > = (core: PluginInitializerContext) => Plugin<TSetup, TStart, TPluginsSetup, TPluginsStart>;

  // src/core/packages/lifecycle/browser/src/core_setup.ts
  export type StartServicesAccessor<
    TPluginsStart extends object = object,
    TStart = unknown,
  > = () => Promise<[CoreStart, TPluginsStart, TStart]>;

  // src/core/packages/lifecycle/browser/src/core_setup.ts (only application, http, notifications, getStartServices)
  export interface CoreSetup<TPluginsStart extends Record<string, any> = {}, TStart = unknown> {
    application: ApplicationSetup;
    http: HttpSetup;
    notifications: NotificationsSetup;
    getStartServices: StartServicesAccessor<TPluginsStart, TStart>;
  }

  // src/core/packages/lifecycle/browser/src/core_start.ts
  // (only application, chrome, http, notifications, rendering, theme, uiSettings declared)
  // `rendering` was added by PR #212163 (9.1); UNCONFIRMED whether present in every 9.x — it is in 9.5-era main.
  export interface CoreStart {
    application: ApplicationStart;
    chrome: ChromeStart;
    http: HttpStart;
    notifications: NotificationsStart;
    rendering: RenderingService;
    theme: ThemeServiceStart;
    uiSettings: IUiSettingsClient;
  }

  // ---------------------------------------------------------------------------------------------
  // Application
  // ---------------------------------------------------------------------------------------------

  // src/core/packages/application/common/src/app_category.ts
  export interface AppCategory {
    id: string;
    label: string;
    ariaLabel?: string;
    order?: number;
    euiIconType?: string;
  }

  // src/core/packages/application/common/src/default_app_categories.ts
  // Type only: do NOT read this at runtime from the plugin bundle (copy the value locally instead).
  export const DEFAULT_APP_CATEGORIES: Record<string, AppCategory>;

  // src/core/packages/capabilities/common/src/capabilities.ts
  // UNCONFIRMED: file not re-read in this pass; shape as long published in Kibana's API docs.
  export interface Capabilities {
    navLinks: Record<string, boolean>;
    management: {
      [sectionId: string]: Record<string, boolean>;
    };
    catalogue: Record<string, boolean>;
    [key: string]: Record<string, boolean | Record<string, boolean>>;
  }

  // src/core/packages/mount-utils/browser (MountPoint / UnmountCallback)
  // UNCONFIRMED: file not re-read; MountPoint is referenced by app_mount.ts and notifications/types.ts.
  export type UnmountCallback = () => void;
  export type MountPoint<T extends HTMLElement = HTMLElement> = (element: T) => UnmountCallback;

  // src/core/packages/theme/browser (CoreTheme / ThemeServiceStart)
  // UNCONFIRMED: theme package not re-read; `theme$` confirmed via AppMountParameters.theme$ (app_mount.ts).
  // Newest CoreTheme.name is a ThemeName string union; declared as string.
  export interface CoreTheme {
    darkMode: boolean;
    name: string;
  }
  export interface ThemeServiceStart {
    theme$: Observable<CoreTheme>;
    getTheme(): CoreTheme;
  }

  // src/core/packages/application/browser/src/application.ts
  export enum AppStatus {
    accessible = 0,
    inaccessible = 1,
  }
  export type AppDeepLinkLocations = 'globalSearch' | 'sideNav' | 'home' | 'kibanaOverview';
  export interface AppNavOptions {
    order?: number;
    tooltip?: string;
    euiIconType?: string;
    icon?: string;
  }

  // src/core/packages/application/browser/src/application.ts
  // A deep link's `visibleIn` defaults to ['globalSearch']; the classic side nav lists the links
  // whose `visibleIn` includes 'sideNav', flattened beside the app in its category.
  export type AppDeepLink<Id extends string = string> = {
    id: Id;
    title: string;
    keywords?: string[];
    visibleIn?: AppDeepLinkLocations[];
    category?: AppCategory;
  } & AppNavOptions &
    (
      | { path: string; deepLinks?: Array<AppDeepLink<Id>> }
      | { path?: string; deepLinks: Array<AppDeepLink<Id>> }
    );

  // src/core/packages/application/browser/src/application.ts (updater$ omitted)
  export interface App<HistoryLocationState = unknown> extends AppNavOptions {
    id: string;
    title: string;
    category?: AppCategory;
    status?: AppStatus;
    visibleIn?: AppDeepLinkLocations[];
    defaultPath?: string;
    capabilities?: Partial<Capabilities>;
    chromeless?: boolean;
    mount: AppMount<HistoryLocationState>;
    appRoute?: string;
    exactRoute?: boolean;
    keywords?: string[];
    deepLinks?: AppDeepLink[];
  }

  // src/core/packages/application/browser/src/app_leave.ts (buttonColor/EUI-typed parts omitted)
  export enum AppLeaveActionType {
    confirm = 'confirm',
    default = 'default',
  }
  export interface AppLeaveDefaultAction {
    type: AppLeaveActionType.default;
  }
  export interface AppLeaveConfirmAction {
    type: AppLeaveActionType.confirm;
    text: string;
    title?: string;
    confirmButtonText?: string;
    callback?: () => void;
  }
  export type AppLeaveAction = AppLeaveDefaultAction | AppLeaveConfirmAction;
  export interface AppLeaveActionFactory {
    confirm(
      text: string,
      title?: string,
      callback?: () => void,
      confirmButtonText?: string
    ): AppLeaveConfirmAction;
    default(): AppLeaveDefaultAction;
  }
  export type AppLeaveHandler = (
    factory: AppLeaveActionFactory,
    nextAppId?: string
  ) => AppLeaveAction;

  // src/core/packages/application/browser/src/scoped_history.ts
  export interface ScopedHistory<HistoryLocationState = unknown>
    extends History<HistoryLocationState> {
    createSubHistory(basePath: string): ScopedHistory;
    createHref(
      location: LocationDescriptorObject<HistoryLocationState>,
      options?: { prependBasePath?: boolean }
    ): Href;
  }

  // src/core/packages/application/browser/src/app_mount.ts
  export type AppUnmount = () => void;
  export type AppMount<HistoryLocationState = unknown> = (
    params: AppMountParameters<HistoryLocationState>
  ) => AppUnmount | Promise<AppUnmount>;
  export interface AppMountParameters<HistoryLocationState = unknown> {
    element: HTMLElement;
    history: ScopedHistory<HistoryLocationState>;
    /** @deprecated Use `history` instead. */
    appBasePath: string;
    onAppLeave: (handler: AppLeaveHandler) => void;
    /** @deprecated in newest main (use AppMenu from @kbn/core-chrome-app-menu); still present in 9.x. */
    setHeaderActionMenu: (menuMount: MountPoint | undefined) => void;
    theme$: Observable<CoreTheme>;
  }

  // src/core/packages/application/browser/src/contracts.ts
  export interface ApplicationSetup {
    register<HistoryLocationState = unknown>(app: App<HistoryLocationState>): void;
  }
  export interface NavigateToAppOptions {
    deepLinkId?: string;
    path?: string;
    state?: unknown;
    replace?: boolean;
    openInNewTab?: boolean;
    skipAppLeave?: boolean;
  }
  export interface NavigateToUrlOptions {
    skipAppLeave?: boolean;
    forceRedirect?: boolean;
    state?: unknown;
  }
  // (Kibana: `capabilities: RecursiveReadonly<Capabilities>`; applications$ omitted)
  export interface ApplicationStart {
    capabilities: Readonly<Capabilities>;
    navigateToApp(appId: string, options?: NavigateToAppOptions): Promise<void>;
    navigateToUrl(url: string, options?: NavigateToUrlOptions): Promise<void>;
    isAppRegistered(appId: string): boolean;
    getUrlForApp(
      appId: string,
      options?: {
        path?: string;
        absolute?: boolean;
        deepLinkId?: string;
      }
    ): string;
    currentAppId$: Observable<string | undefined>;
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP (browser)
  // ---------------------------------------------------------------------------------------------

  // src/core/packages/http/browser/src/types.ts
  export interface IBasePath {
    get: () => string;
    prepend: (url: string) => string;
    remove: (url: string) => string;
    readonly serverBasePath: string;
    readonly publicBaseUrl?: string;
  }
  export interface HttpHeadersInit {
    [name: string]: any;
  }
  export interface HttpRequestInit {
    body?: BodyInit | null;
    cache?: RequestCache;
    credentials?: RequestCredentials;
    headers?: HttpHeadersInit;
    integrity?: string;
    keepalive?: boolean;
    method?: string;
    mode?: RequestMode;
    redirect?: RequestRedirect;
    referrer?: string;
    referrerPolicy?: ReferrerPolicy;
    signal?: AbortSignal | null;
    window?: null;
  }
  export interface HttpFetchQuery {
    [key: string]: string | number | boolean | string[] | number[] | boolean[] | undefined | null;
  }
  // (`context?: KibanaExecutionContext` omitted; `version` is Kibana's ApiVersion = string)
  export interface HttpFetchOptions extends HttpRequestInit {
    query?: HttpFetchQuery;
    prependBasePath?: boolean;
    headers?: HttpHeadersInit;
    asSystemRequest?: boolean;
    asResponse?: boolean;
    rawResponse?: boolean;
    version?: string;
  }
  export interface HttpFetchOptionsWithPath extends HttpFetchOptions {
    path: string;
  }
  export interface HttpResponse<TResponseBody = unknown> {
    readonly fetchOptions: Readonly<HttpFetchOptionsWithPath>;
    readonly request: Readonly<Request>;
    readonly response?: Readonly<Response>;
    readonly body?: TResponseBody;
  }
  export interface HttpHandler {
    <TResponseBody = unknown>(
      path: string,
      options: HttpFetchOptions & { asResponse: true }
    ): Promise<HttpResponse<TResponseBody>>;
    <TResponseBody = unknown>(
      options: HttpFetchOptionsWithPath & { asResponse: true }
    ): Promise<HttpResponse<TResponseBody>>;
    <TResponseBody = unknown>(path: string, options?: HttpFetchOptions): Promise<TResponseBody>;
    <TResponseBody = unknown>(options: HttpFetchOptionsWithPath): Promise<TResponseBody>;
  }
  export interface ResponseErrorBody {
    message: string;
    statusCode: number;
    attributes?: Record<string, unknown>;
  }
  export interface IHttpFetchError<TResponseBody = unknown> extends Error {
    readonly name: string;
    readonly request: Request;
    readonly response?: Response;
    readonly body?: TResponseBody;
  }
  // (staticAssets, anonymousPaths, externalUrl, intercept, loading-count APIs omitted)
  export interface HttpSetup {
    basePath: IBasePath;
    fetch: HttpHandler;
    delete: HttpHandler;
    get: HttpHandler;
    head: HttpHandler;
    options: HttpHandler;
    patch: HttpHandler;
    post: HttpHandler;
    put: HttpHandler;
  }
  export type HttpStart = HttpSetup;

  // ---------------------------------------------------------------------------------------------
  // Notifications (toasts)
  // ---------------------------------------------------------------------------------------------

  // src/core/packages/notifications/browser/src/types.ts
  // Kibana: ToastInputFields = Pick<EuiGlobalToastListToast, ...> & { title?, text? }; EUI subset declared.
  export interface ToastInputFields {
    title?: string | MountPoint;
    text?: string | MountPoint;
    color?: 'primary' | 'success' | 'warning' | 'danger';
    iconType?: string;
    toastLifeTimeMs?: number;
    'data-test-subj'?: string;
  }
  export type Toast = ToastInputFields & { id: string };
  export type ToastInput = string | ToastInputFields;
  export interface ToastOptions {
    toastLifeTimeMs?: number;
  }
  export interface ErrorToastOptions extends ToastOptions {
    title: string;
    toastMessage?: string;
  }
  // (Kibana types the `options` of addInfo/addSuccess/addWarning/addDanger as `any`; ToastOptions declared)
  export interface IToasts {
    get$: () => Observable<Toast[]>;
    add: (toastOrTitle: ToastInput) => Toast;
    remove: (toastOrId: Toast | string) => void;
    addInfo: (toastOrTitle: ToastInput, options?: ToastOptions) => Toast;
    addSuccess: (toastOrTitle: ToastInput, options?: ToastOptions) => Toast;
    addWarning: (toastOrTitle: ToastInput, options?: ToastOptions) => Toast;
    addDanger: (toastOrTitle: ToastInput, options?: ToastOptions) => Toast;
    addError: (error: Error, options: ErrorToastOptions) => Toast;
  }

  // src/core/packages/notifications/browser/src/contracts.ts (only `toasts`)
  export interface NotificationsSetup {
    toasts: IToasts;
  }
  export interface NotificationsStart {
    toasts: IToasts;
  }

  // ---------------------------------------------------------------------------------------------
  // Chrome
  // ---------------------------------------------------------------------------------------------

  // src/core/packages/chrome/browser/src/breadcrumb.ts
  // Kibana: ChromeBreadcrumb = EuiBreadcrumb & { deepLinkId?, ... }; EuiBreadcrumb subset declared.
  export interface ChromeBreadcrumb {
    text: ReactNode;
    href?: string;
    onClick?: MouseEventHandler<HTMLAnchorElement>;
    'data-test-subj'?: string;
  }

  // src/core/packages/chrome/browser/src/doc_title.ts; rendered by
  // src/core/packages/chrome/browser-internal/src/doc_title/doc_title_service.ts (commit
  // 8137d1cdb0b7fa60624f5ecf6ea9fc21cbdebae4): the parts, then the page's base title, joined by ' - '.
  export interface ChromeDocTitle {
    change(newTitle: string | string[]): void;
    reset(): void;
  }

  // src/core/packages/chrome/browser/src/contracts.ts
  // (newer releases add a 2nd `params?: ChromeSetBreadcrumbsParams` argument to setBreadcrumbs; not declared)
  export interface ChromeStart {
    docTitle: ChromeDocTitle;
    setBreadcrumbs(newBreadcrumbs: ChromeBreadcrumb[]): void;
  }

  // ---------------------------------------------------------------------------------------------
  // Advanced Settings (ui settings)
  // ---------------------------------------------------------------------------------------------

  // src/core/packages/ui-settings/browser/src/types.ts; read in
  // src/core/packages/ui-settings/browser-internal/src/ui_settings_client_common.ts
  // (commit 0586ff63d11c347958423c28b750146e0115e01f). Only the readers are declared.
  export interface IUiSettingsClient {
    get<T = any>(key: string, defaultOverride?: T): T;
    get$<T = any>(key: string, defaultOverride?: T): Observable<T>;
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering
  // ---------------------------------------------------------------------------------------------

  // src/core/packages/rendering/browser/src/rendering_service.ts
  export interface RenderingService {
    addContext: (element: ReactNode) => ReactElement;
  }
}
