import { readReceived } from './received_date';

describe('readReceived', () => {
  it('keeps ISO values with a zone as they are', () => {
    expect(readReceived('2026-11-20T15:04:05Z')).toBe('2026-11-20T15:04:05Z');
    expect(readReceived('2026-11-20T15:04:05.1234567+01:00')).toBe(
      '2026-11-20T15:04:05.1234567+01:00'
    );
    expect(readReceived(' 2026-11-20 15:04:05Z ')).toBe('2026-11-20T15:04:05Z');
  });

  it('keeps zone-less ISO values (read as UTC later) unless a time zone is given', () => {
    expect(readReceived('2022-11-29T05:35:08.2652371')).toBe('2022-11-29T05:35:08.2652371');
    expect(readReceived('2022-11-29T05:35:08.2652371', { timeZone: 'Europe/Berlin' })).toBe(
      '2022-11-29T04:35:08.2652371Z'
    );
    expect(readReceived('2026-07-01T12:00:00', { timeZone: 'America/New_York' })).toBe(
      '2026-07-01T16:00:00Z'
    );
  });

  it('reads each culture that Windows PowerShell 5.1 may have written', () => {
    expect(readReceived('11/20/2026 3:04:05 PM')).toBe('2026-11-20T15:04:05Z');
    expect(readReceived('11/20/2026 12:00:01 AM')).toBe('2026-11-20T00:00:01Z');
    expect(readReceived('11/20/2026 12:30:00 PM')).toBe('2026-11-20T12:30:00Z');
    expect(readReceived('20/11/2026 15:04:05', { dateCulture: 'en-GB' })).toBe(
      '2026-11-20T15:04:05Z'
    );
    expect(readReceived('20/11/2026 15:04:05', { dateCulture: 'fr-FR' })).toBe(
      '2026-11-20T15:04:05Z'
    );
    expect(readReceived('20.11.2026 15:04:05', { dateCulture: 'de-DE' })).toBe(
      '2026-11-20T15:04:05Z'
    );
    expect(readReceived('20-11-2026 15:04:05', { dateCulture: 'nl-NL' })).toBe(
      '2026-11-20T15:04:05Z'
    );
    expect(readReceived('2026/11/20 15:04:05', { dateCulture: 'ja-JP' })).toBe(
      '2026-11-20T15:04:05Z'
    );
  });

  it('applies the time zone to culture dates, across a DST change', () => {
    const reading = { dateCulture: 'de-DE' as const, timeZone: 'Europe/Berlin' };
    expect(readReceived('20.11.2026 15:04:05', reading)).toBe('2026-11-20T14:04:05Z');
    expect(readReceived('20.07.2026 15:04:05', reading)).toBe('2026-07-20T13:04:05Z');
    // 02:30 happens twice on 25 October: the later (standard time) reading wins.
    expect(readReceived('25.10.2026 02:30:00', reading)).toBe('2026-10-25T01:30:00Z');
  });

  it('reads ConvertTo-Json dates of Windows PowerShell 5.1', () => {
    expect(readReceived('/Date(1795187045000)/')).toBe('2026-11-20T15:04:05.000Z');
  });

  it('says which culture a date belongs to when it is not the chosen one', () => {
    expect(() => readReceived('20/11/2026 15:04:05')).toThrow(
      '"20/11/2026 15:04:05" is not a en-US date (M/d/yyyy h:mm:ss AM/PM); it reads as en-GB or fr-FR: choose the date culture of the machine that exported the file'
    );
    expect(() => readReceived('20.11.2026 15:04:05')).toThrow(/it reads as de-DE/);
    expect(() => readReceived('11/20/2026 3:04:05 PM', { dateCulture: 'en-GB' })).toThrow(
      /is not a en-GB date.*it reads as en-US/
    );
  });

  it('refuses dates that do not exist or cannot be read', () => {
    expect(() => readReceived('yesterday')).toThrow(
      '"yesterday" is not a date this import can read: expected ISO 8601 or en-US (M/d/yyyy h:mm:ss AM/PM)'
    );
    expect(() => readReceived('2/30/2026 1:00:00 PM')).toThrow(/is not a valid en-US date/);
    expect(() => readReceived('11/20/2026 13:00:00 PM')).toThrow(/is not a valid en-US date/);
    expect(() => readReceived('2026-11-20T25:00:00Z')).toThrow(/is not a valid date/);
    expect(() => readReceived('31.02.2026 10:00:00', { dateCulture: 'de-DE' })).toThrow(
      /is not a valid de-DE date/
    );
  });
});
