import { createUiSettingsClient } from '../../test/host/ui_settings/ui_settings_client';
import { createDateFormatter } from './date_format';

const formatterFor = (saved: Record<string, string>) =>
  createDateFormatter(createUiSettingsClient(saved));

describe('dates as Kibana\u2019s Advanced Settings say', () => {
  it('uses Kibana\u2019s default dateFormat, in the browser\u2019s zone by default', () => {
    expect(formatterFor({}).pattern).toBe('MMM D, YYYY @ HH:mm:ss.SSS');
    // The wall time where this process runs, as the platform's Intl gives it.
    const instant = '2026-07-01T12:34:00.000Z';
    const local = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(new Date(instant))
        .map(({ type, value }) => [type, value])
    );
    expect(formatterFor({ dateFormat: 'YYYY-MM-DD HH:mm' })(instant)).toBe(
      `${local.year}-${local.month}-${local.day} ${local.hour}:${local.minute}`
    );
  });

  it('formats in the saved zone and format, with daylight saving time', () => {
    const formatDate = formatterFor({
      'dateFormat:tz': 'America/New_York',
      dateFormat: 'YYYY-MM-DD HH:mm:ss z',
    });
    expect(formatDate('2026-11-24T10:04:01.000Z')).toBe('2026-11-24 05:04:01 EST');
    expect(formatDate('2026-07-01T12:00:00.000Z')).toBe('2026-07-01 08:00:00 EDT');
    expect(formatDate.timeZone).toBe('America/New_York');
  });

  it('keeps Kibana\u2019s default format when only the zone is saved', () => {
    expect(formatterFor({ 'dateFormat:tz': 'UTC' })('2026-11-24T10:04:01.000Z')).toBe(
      'Nov 24, 2026 @ 10:04:01.000'
    );
  });
});
