import moment from 'moment-timezone';
import type { IUiSettingsClient } from '@kbn/core/public';

/** Formats an instant as Kibana's Advanced Settings say: `dateFormat` in `dateFormat:tz`. */
export interface DateFormatter {
  (instant: string | number): string;
  /** The IANA zone the dates are shown in ('Browser' resolved). */
  timeZone: string;
  /** The moment format of `dateFormat`, for the date pickers. */
  pattern: string;
}

/**
 * 'Browser' (the setting's default) means the zone moment-timezone guesses for this browser, as
 * Kibana's apps resolve it (`timeZone === 'Browser' ? moment.tz.guess() : timeZone`, e.g. the
 * security solution's `useTimeZone`). moment-timezone is one of Kibana's shared bundle dependencies, so the plugin does not ship it.
 */
export function createDateFormatter(uiSettings: IUiSettingsClient): DateFormatter {
  const zoneSetting = uiSettings.get<string>('dateFormat:tz');
  const timeZone = zoneSetting === 'Browser' ? moment.tz.guess() : zoneSetting;
  const pattern = uiSettings.get<string>('dateFormat');
  const format = (instant: string | number) => moment(instant).tz(timeZone).format(pattern);
  return Object.assign(format, { timeZone, pattern });
}
