export const PLUGIN_ID = 'exchangeMessageTrace';
export const PLUGIN_NAME = 'Exchange Message Trace';
export const CONFIG_PATH = 'exchange_message_trace';
export const FEATURE_ID = PLUGIN_ID;

export const INTERNAL_API_BASE = '/internal/exchange_message_trace';
export const STATUS_API_PATH = `${INTERNAL_API_BASE}/status`;

/** Kibana names API privileges `<operation>_<subject>`; routes require these, the feature grants them. */
export const API_PRIVILEGES = {
  read: 'read_exchange_message_trace',
  manage: 'manage_exchange_message_trace',
} as const;

/** UI capabilities under `application.capabilities.exchangeMessageTrace`. */
export const UI_CAPABILITIES = {
  show: 'show',
  manage: 'manage',
} as const;

/**
 * Kibana's DEFAULT_APP_CATEGORIES.security, copied because its runtime value lives in @kbn/core,
 * which only the entry files may import.
 */
export const SECURITY_APP_CATEGORY = {
  id: 'securitySolution',
  label: 'Security',
  order: 4000,
  euiIconType: 'logoSecurity',
} as const;
