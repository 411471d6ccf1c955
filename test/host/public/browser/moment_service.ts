import moment from 'moment-timezone';
import { merge, tap } from 'rxjs';
import type { IUiSettingsClient } from '@kbn/core/public';

/**
 * Kibana's core MomentService: the shared moment's default zone is `dateFormat:tz` ('Browser',
 * not a zone, falls back to the guessed one) and its week starts on `dateFormat:dow`
 * (src/core/packages/integrations/browser-internal/src/moment/moment_service.ts, commit
 * 3ab0fa13492bec220f9614e6bfcabb96301b591e). EUI's date pickers format with that moment.
 */
export function startMomentService(uiSettings: IUiSettingsClient) {
  const setDefaultTimezone = (tz: string) => {
    const zone = moment.tz.zone(tz);
    moment.tz.setDefault(zone ? zone.name : moment.tz.guess());
  };
  const setStartDayOfWeek = (day: string) => {
    const dow = moment.weekdays().indexOf(day);
    moment.updateLocale(moment.locale(), { week: { dow } });
  };
  return merge(
    uiSettings.get$<string>('dateFormat:tz').pipe(tap(setDefaultTimezone)),
    uiSettings.get$<string>('dateFormat:dow').pipe(tap(setStartDayOfWeek))
  ).subscribe();
}
