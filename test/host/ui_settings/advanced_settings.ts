import moment from 'moment-timezone';
import { UI_SETTING_DEFAULTS, type QuickRange } from './ui_settings_defaults';
import type { UiSettingsUserValues } from './ui_settings_client';

const isQuickRange = (range: unknown): range is QuickRange =>
  typeof range === 'object' &&
  range !== null &&
  ['from', 'to', 'display'].every(
    (field) => typeof (range as Record<string, unknown>)[field] === 'string'
  );

/**
 * Refuses what Kibana's setting schemas refuse: dateFormat:tz must be 'Browser' or a zone name
 * (date_formats.ts validates against ['Browser', ...TIMEZONE_OPTIONS], moment-timezone's names),
 * dateFormat:dow a weekday, timepicker:quickRanges an array of { from, to, display } strings (data/server/ui_settings.ts).
 */
function validate(key: string, value: unknown): string {
  if (!Object.prototype.hasOwnProperty.call(UI_SETTING_DEFAULTS, key)) {
    throw new Error(`Unknown Advanced Setting "${key}"`);
  }
  if (key === 'timepicker:quickRanges') {
    if (!Array.isArray(value) || !value.every(isQuickRange)) {
      throw new Error('timepicker:quickRanges must be an array of { from, to, display }');
    }
    return JSON.stringify(value);
  }
  if (typeof value !== 'string') throw new Error(`${key} must be a string`);
  if (key === 'dateFormat:tz' && value !== 'Browser' && !moment.tz.names().includes(value)) {
    throw new Error(`Invalid timezone: ${value}`);
  }
  if (key === 'dateFormat:dow' && !moment.weekdays().includes(value)) {
    throw new Error(`Invalid day of week: ${value}`);
  }
  return value;
}

/** The host's Advanced Settings: what an admin saved, handed to every page the host serves. */
export class AdvancedSettings {
  private readonly saved: UiSettingsUserValues = {};

  set(key: string, value: unknown): void {
    this.saved[key] = validate(key, value);
  }

  userValues(): UiSettingsUserValues {
    return { ...this.saved };
  }
}
