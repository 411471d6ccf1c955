import { daySlicesOf } from './latest_status_slices';

describe('daySlicesOf', () => {
  const at = (iso: string) => Date.parse(iso);

  it('widens a range to the whole UTC days that hold it', () => {
    expect(daySlicesOf(at('2026-03-01T08:30:00Z'), at('2026-03-02T10:30:00Z'))).toEqual({
      startMs: at('2026-03-01T00:00:00Z'),
      endMs: at('2026-03-03T00:00:00Z'),
    });
  });

  it('keeps the day an end at midnight falls in, as the views include their end', () => {
    expect(daySlicesOf(at('2026-03-01T00:00:00Z'), at('2026-03-02T00:00:00Z'))).toEqual({
      startMs: at('2026-03-01T00:00:00Z'),
      endMs: at('2026-03-03T00:00:00Z'),
    });
  });
});
