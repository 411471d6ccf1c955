import { defer, of } from 'rxjs';
import type { IUiSettingsClient } from '@kbn/core/public';
import { UI_SETTING_DEFAULTS } from './ui_settings_defaults';

/** What an admin saved in Advanced Settings, by key, as Kibana stores it (json as a string). */
export type UiSettingsUserValues = Record<string, string>;

/**
 * `core.uiSettings` for the browser, reading like Kibana's UiSettingsClientCommon.get/get$
 * (src/core/packages/ui-settings/browser-internal/src/ui_settings_client_common.ts, commit
 * 0586ff63d11c347958423c28b750146e0115e01f): the user's value over the declared default, json
 * parsed, and an undeclared key without a default override refused.
 */
export function createUiSettingsClient(userValues: UiSettingsUserValues): IUiSettingsClient {
  const read = (key: string, defaultOverride?: unknown) => {
    const declared = Object.prototype.hasOwnProperty.call(UI_SETTING_DEFAULTS, key)
      ? UI_SETTING_DEFAULTS[key]
      : undefined;
    if (!declared && defaultOverride !== undefined) return defaultOverride;
    if (!declared) {
      throw new Error(
        `Unexpected \`IUiSettingsClient.get("${key}")\` call on unrecognized configuration setting "${key}".`
      );
    }
    const { value: declaredValue, type } = declared;
    const defaultValue = defaultOverride !== undefined ? defaultOverride : declaredValue;
    const value = userValues[key] ?? defaultValue;
    if (type !== 'json') return value;
    try {
      return JSON.parse(value as string);
    } catch {
      return defaultValue;
    }
  };
  return {
    get: <T>(key: string, defaultOverride?: T) => read(key, defaultOverride) as T,
    // These settings require a page reload in Kibana, so a page's value never changes.
    get$: <T>(key: string, defaultOverride?: T) => defer(() => of(read(key, defaultOverride) as T)),
  };
}
