import type { ReactElement } from 'react';
import { Router } from 'react-router-dom';
import { createMemoryHistory, type MemoryHistory } from 'history';
import { configure, render } from '@testing-library/react';
import { EuiProvider } from '@elastic/eui';
import type {
  ChromeBreadcrumb,
  CoreStart,
  HttpFetchOptions,
  HttpStart,
  MountPoint,
  ToastInput,
} from '@kbn/core/public';
import { PLUGIN_ID } from '../../common/constants';
import { AppServicesProvider } from '../components/app_services';
import { createConnectionsApi } from '../services/connections_api';
import { createDateFormatter } from '../services/date_format';
import {
  createUiSettingsClient,
  type UiSettingsUserValues,
} from '../../test/host/ui_settings/ui_settings_client';

// The browser tests and these find elements by the same attribute. A page renders in jsdom far
// slower than in a browser, and slower still while CI's other projects share the 2 cores: waits
// for what a render shows get 5 s rather than testing-library's 1 s.
configure({ testIdAttribute: 'data-test-subj', asyncUtilTimeout: 5000 });

export interface RecordedCall {
  method: string;
  path: string;
  body?: unknown;
}

/** A route's answer: a body, or an HttpError to fail with. */
export type FakeRoute = (call: RecordedCall) => unknown;
export type FakeRoutes = Record<string, FakeRoute>;

/** Fails like Kibana's http client: the message from the error body, which carries the status. */
export class HttpError extends Error {
  readonly body: { statusCode: number; error: string; message: string; attributes?: unknown };
  constructor(statusCode: number, message: string, attributes?: Record<string, unknown>) {
    super(message);
    this.body = { statusCode, error: 'Error', message, ...(attributes ? { attributes } : {}) };
  }
}

/** `core.http` answering from `routes`, keyed `METHOD path`; an unknown route is a 404. */
export function createFakeHttp(routes: FakeRoutes) {
  const calls: RecordedCall[] = [];
  const handler =
    (method: string) =>
    async (path: string, options: HttpFetchOptions = {}): Promise<unknown> => {
      const body = typeof options.body === 'string' ? JSON.parse(options.body) : undefined;
      const call = { method, path, ...(body === undefined ? {} : { body }) };
      calls.push(call);
      const route = routes[`${method} ${path}`];
      if (!route) throw new HttpError(404, `Not Found: ${method} ${path}`);
      const answer = route(call);
      if (answer instanceof HttpError) throw answer;
      return answer;
    };
  const http = {
    get: handler('GET'),
    post: handler('POST'),
    put: handler('PUT'),
    delete: handler('DELETE'),
    basePath: { get: () => '', prepend: (path: string) => path },
  } as unknown as HttpStart;
  return { http, calls };
}

export interface Toasted {
  kind: 'success' | 'warning' | 'danger' | 'info' | 'error';
  title: string;
  text?: string;
  /** A toast's text given as a MountPoint (its buttons), for a test to mount. */
  mountText?: MountPoint;
  removed?: boolean;
}

/** CoreStart with the parts the app uses; toasts, breadcrumbs and tab titles are recorded. */
export function createFakeCore({
  http,
  canManage,
  uiSettings = {},
}: {
  http: HttpStart;
  canManage: boolean;
  /** Advanced Settings as an admin saved them; Kibana's defaults otherwise. */
  uiSettings?: UiSettingsUserValues;
}) {
  const toasts: Toasted[] = [];
  const breadcrumbs: ChromeBreadcrumb[][] = [];
  const docTitles: Array<string | string[]> = [];
  const titleOf = (input: ToastInput) => String(typeof input === 'string' ? input : input.title);
  const toast = (kind: Toasted['kind']) => (input: ToastInput) => {
    const text = typeof input === 'string' ? undefined : input.text;
    toasts.push({
      kind,
      title: titleOf(input),
      ...(typeof text === 'function' ? { mountText: text } : text ? { text } : {}),
    });
    return { id: String(toasts.length) };
  };
  const core = {
    http,
    application: {
      capabilities: { [PLUGIN_ID]: { show: true, manage: canManage } },
      navigateToApp: async () => undefined,
    },
    chrome: {
      setBreadcrumbs: (crumbs: ChromeBreadcrumb[]) => breadcrumbs.push(crumbs),
      docTitle: { change: (title: string | string[]) => docTitles.push(title), reset: () => {} },
    },
    uiSettings: createUiSettingsClient(uiSettings),
    notifications: {
      toasts: {
        addSuccess: toast('success'),
        addWarning: toast('warning'),
        addDanger: toast('danger'),
        addInfo: toast('info'),
        remove: (toastOrId: { id: string } | string) => {
          const id = typeof toastOrId === 'string' ? toastOrId : toastOrId.id;
          toasts[Number(id) - 1]!.removed = true;
        },
        addError: (error: Error, { title }: { title: string }) => {
          toasts.push({ kind: 'error', title, text: error.message });
          return { id: String(toasts.length) };
        },
      },
    },
    rendering: { addContext: (element: ReactElement) => <EuiProvider>{element}</EuiProvider> },
  } as unknown as CoreStart;
  return { core, toasts, breadcrumbs, docTitles };
}

/** The app's services over a fake core, as App builds them over Kibana's. */
export function fakeServices(core: CoreStart, canManage = true) {
  return {
    core,
    api: createConnectionsApi(core.http),
    canManage,
    formatDate: createDateFormatter(core.uiSettings),
  };
}

/** Renders `ui` with the app's services over the fake core, at `path` of a memory history. */
export function renderWithServices(
  ui: ReactElement,
  {
    routes,
    canManage = true,
    path = '/settings',
    uiSettings,
  }: {
    routes: FakeRoutes;
    canManage?: boolean;
    path?: string;
    uiSettings?: UiSettingsUserValues;
  }
) {
  const { http, calls } = createFakeHttp(routes);
  const { core, toasts } = createFakeCore({ http, canManage, uiSettings });
  const history: MemoryHistory = createMemoryHistory({ initialEntries: [path] });
  const rendered = render(
    <EuiProvider>
      <Router history={history}>
        <AppServicesProvider services={fakeServices(core, canManage)}>{ui}</AppServicesProvider>
      </Router>
    </EuiProvider>
  );
  return { ...rendered, calls, toasts, history, core };
}
