import { resolveDateMath } from './date_math';

describe('resolveDateMath', () => {
  // A Wednesday, in the machine's local time like the date picker.
  const now = new Date(2026, 10, 25, 13, 47, 12, 345);
  const local = (...parts: [number, number, number, number?, number?, number?, number?]) =>
    new Date(...parts);

  it('resolves now and offsets in every unit', () => {
    expect(resolveDateMath('now', now)).toEqual(now);
    expect(resolveDateMath('now-15m', now)).toEqual(local(2026, 10, 25, 13, 32, 12, 345));
    expect(resolveDateMath('now-24h', now)).toEqual(local(2026, 10, 24, 13, 47, 12, 345));
    expect(resolveDateMath('now-1w', now)).toEqual(local(2026, 10, 18, 13, 47, 12, 345));
    expect(resolveDateMath('now-1M+2d', now)).toEqual(local(2026, 9, 27, 13, 47, 12, 345));
    expect(resolveDateMath('now+1y', now)).toEqual(local(2027, 10, 25, 13, 47, 12, 345));
  });

  it('rounds down, or up to the end of the unit for a range end', () => {
    expect(resolveDateMath('now/d', now)).toEqual(local(2026, 10, 25));
    expect(resolveDateMath('now/d', now, { roundUp: true })).toEqual(
      local(2026, 10, 25, 23, 59, 59, 999)
    );
    expect(resolveDateMath('now-1d/d', now)).toEqual(local(2026, 10, 24));
    expect(resolveDateMath('now/w', now)).toEqual(local(2026, 10, 22));
    expect(resolveDateMath('now/M', now)).toEqual(local(2026, 10, 1));
    expect(resolveDateMath('now/y', now, { roundUp: true })).toEqual(
      local(2026, 11, 31, 23, 59, 59, 999)
    );
    expect(resolveDateMath('now/h', now)).toEqual(local(2026, 10, 25, 13));
  });

  it('takes absolute dates and refuses anything else', () => {
    expect(resolveDateMath('2026-11-20T00:00:00.000Z', now)).toEqual(
      new Date('2026-11-20T00:00:00.000Z')
    );
    expect(resolveDateMath('now-', now)).toBeUndefined();
    expect(resolveDateMath('yesterday', now)).toBeUndefined();
  });
});
