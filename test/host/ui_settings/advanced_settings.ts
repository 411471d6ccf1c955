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
 * moment-timezone's names but those Elasticsearch does not understand, and Europe/Kiev beside
 * Europe/Kyiv: Kibana's TIMEZONE_OPTIONS (src/core/packages/ui-settings/common/src/timezones.ts @
 * 180656ddf4945f32722882ec76f0fa808232b49b).
 */
const TIMEZONE_OPTIONS = moment.tz
  .names()
  .filter((tz) => !['America/Nuuk', 'EST', 'HST', 'ROC', 'MST', 'Europe/Kiev'].includes(tz));

/**
 * Refuses what Kibana's setting schemas refuse: dateFormat:tz must be 'Browser' or one of
 * TIMEZONE_OPTIONS (date_formats.ts validates against ['Browser', ...TIMEZONE_OPTIONS]),
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
  if (key === 'dateFormat:tz' && value !== 'Browser' && !TIMEZONE_OPTIONS.includes(value)) {
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
