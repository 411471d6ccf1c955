/**
 * The Advanced Settings the plugin reads, declared as Kibana declares them.
 * - dateFormat, dateFormat:tz, dateFormat:dow: src/core/packages/ui-settings/server-internal/src/settings/
 *   date_formats.ts (commit 8137d1cdb0b7fa60624f5ecf6ea9fc21cbdebae4).
 * - timepicker:quickRanges: src/platform/plugins/shared/data/server/ui_settings.ts (commit
 *   55786443d3ac8fbcef26027903b91c59f9f62be1), a `json` setting whose value is a JSON string.
 */
export interface UiSettingDefault {
  value: string;
  type?: 'json' | 'select' | 'string';
}

export interface QuickRange {
  from: string;
  to: string;
  display: string;
}

const QUICK_RANGES: QuickRange[] = [
  { from: 'now/d', to: 'now/d', display: 'Today' },
  { from: 'now/w', to: 'now/w', display: 'This week' },
  { from: 'now-15m', to: 'now', display: 'Last 15 minutes' },
  { from: 'now-30m', to: 'now', display: 'Last 30 minutes' },
  { from: 'now-1h', to: 'now', display: 'Last 1 hour' },
  { from: 'now-24h/h', to: 'now', display: 'Last 24 hours' },
  { from: 'now-7d/d', to: 'now', display: 'Last 7 days' },
  { from: 'now-30d/d', to: 'now', display: 'Last 30 days' },
  { from: 'now-90d/d', to: 'now', display: 'Last 90 days' },
  { from: 'now-1y/d', to: 'now', display: 'Last 1 year' },
];

export const UI_SETTING_DEFAULTS: Record<string, UiSettingDefault> = {
  dateFormat: { value: 'MMM D, YYYY @ HH:mm:ss.SSS' },
  'dateFormat:tz': { value: 'Browser', type: 'select' },
  // moment.weekdays()[0] in the default (English) locale.
  'dateFormat:dow': { value: 'Sunday', type: 'select' },
  'timepicker:quickRanges': { value: JSON.stringify(QUICK_RANGES, null, 2), type: 'json' },
};
