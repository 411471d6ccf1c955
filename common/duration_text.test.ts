import { durationText } from './duration_text';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './time';

describe('durationText', () => {
  it('says short spans in minutes or hours, never "0 days"', () => {
    expect(durationText(20 * MINUTE_MS)).toBe('20 minutes');
    expect(durationText(10 * 1000)).toBe('1 minute');
    expect(durationText(HOUR_MS)).toBe('1 hour');
    expect(durationText(36 * HOUR_MS)).toBe('36 hours');
  });

  it('says longer spans in days, to a tenth', () => {
    expect(durationText(4 * DAY_MS)).toBe('4 days');
    expect(durationText(6.54 * DAY_MS)).toBe('6.5 days');
  });
});
