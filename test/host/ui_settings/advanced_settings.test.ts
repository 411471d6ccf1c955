import { firstValueFrom } from 'rxjs';
import { AdvancedSettings } from './advanced_settings';
import { createUiSettingsClient } from './ui_settings_client';

describe('the host\u2019s Advanced Settings and core.uiSettings', () => {
  it('reads Kibana\u2019s defaults when nothing is saved', async () => {
    const client = createUiSettingsClient(new AdvancedSettings().userValues());
    expect(client.get('dateFormat')).toBe('MMM D, YYYY @ HH:mm:ss.SSS');
    expect(client.get('dateFormat:tz')).toBe('Browser');
    expect(await firstValueFrom(client.get$('dateFormat:tz'))).toBe('Browser');
    const ranges = client.get<Array<{ display: string }>>('timepicker:quickRanges');
    expect(ranges.map((range) => range.display)).toEqual([
      'Today',
      'This week',
      'Last 15 minutes',
      'Last 30 minutes',
      'Last 1 hour',
      'Last 24 hours',
      'Last 7 days',
      'Last 30 days',
      'Last 90 days',
      'Last 1 year',
    ]);
  });

  it('hands the pages what an admin saved, json settings parsed', () => {
    const settings = new AdvancedSettings();
    settings.set('dateFormat:tz', 'America/New_York');
    settings.set('timepicker:quickRanges', [{ from: 'now-2h', to: 'now', display: 'Two hours' }]);
    const client = createUiSettingsClient(settings.userValues());
    expect(client.get('dateFormat:tz')).toBe('America/New_York');
    expect(client.get('timepicker:quickRanges')).toEqual([
      { from: 'now-2h', to: 'now', display: 'Two hours' },
    ]);
  });

  it('refuses what Kibana refuses', () => {
    const settings = new AdvancedSettings();
    expect(() => settings.set('dateFormat:tz', 'Mars/Olympus')).toThrow(
      'Invalid timezone: Mars/Olympus'
    );
    // Zones moment knows and Elasticsearch does not, which Kibana leaves out of its options.
    expect(() => settings.set('dateFormat:tz', 'EST')).toThrow('Invalid timezone: EST');
    expect(() => settings.set('dateFormat:tz', 'Europe/Kiev')).toThrow(
      'Invalid timezone: Europe/Kiev'
    );
    settings.set('dateFormat:tz', 'Europe/Kyiv');
    expect(() => settings.set('dateFormat:dow', 'Funday')).toThrow('Invalid day of week: Funday');
    expect(() => settings.set('timepicker:quickRanges', [{ from: 'now-1h' }])).toThrow(
      'timepicker:quickRanges must be an array of { from, to, display }'
    );
    expect(() => createUiSettingsClient({}).get('no:such:setting')).toThrow(
      'Unexpected `IUiSettingsClient.get("no:such:setting")` call on unrecognized configuration setting "no:such:setting".'
    );
    expect(createUiSettingsClient({}).get('no:such:setting', 7)).toBe(7);
  });
});
