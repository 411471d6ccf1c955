import { createContext, useContext, type ReactNode } from 'react';
import type { CoreStart } from '@kbn/core/public';
import { PLUGIN_ID, UI_CAPABILITIES } from '../../common/constants';
import type { ConnectionsApi } from '../services/connections_api';
import type { DateFormatter } from '../services/date_format';

export interface AppServices {
  core: CoreStart;
  api: ConnectionsApi;
  /** The feature's `manage` UI capability: without it the pages are read-only. */
  canManage: boolean;
  /** Every date on every page: Kibana's `dateFormat` in `dateFormat:tz`. */
  formatDate: DateFormatter;
  /** Kibana's alerting UI is there and the user may create our rules (`all`). */
  canCreateRules?: boolean;
}

const AppServicesContext = createContext<AppServices | undefined>(undefined);

export function canManageConnections(core: CoreStart): boolean {
  const capabilities = core.application.capabilities[PLUGIN_ID] as
    | Record<string, boolean | Record<string, boolean>>
    | undefined;
  return capabilities?.[UI_CAPABILITIES.manage] === true;
}

export function AppServicesProvider({
  services,
  children,
}: {
  services: AppServices;
  children?: ReactNode;
}) {
  return <AppServicesContext.Provider value={services}>{children}</AppServicesContext.Provider>;
}

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices needs an AppServicesProvider');
  return services;
}

export function useFormatDate(): DateFormatter {
  return useAppServices().formatDate;
}
