import { rangeProblemOf, resolveScope, scopeStateOf } from './use_view_scope';

const now = new Date('2026-12-02T06:00:00.000Z');

describe('rangeProblemOf', () => {
  it('says an inverted range ends before it starts, and searches nothing', () => {
    const state = scopeStateOf({
      start: '2026-12-01T00:00:00.000Z',
      end: '2026-11-30T00:00:00.000Z',
    });
    expect(rangeProblemOf(state, now)).toEqual({
      title: 'The time range ends before it starts',
      body: 'It starts 2026-12-01T00:00:00.000Z and ends 2026-11-30T00:00:00.000Z. Pick an end after the start.',
    });
    expect(resolveScope(state, now)).toBeUndefined();
  });

  it('says a range is too long before the server has to', () => {
    const state = scopeStateOf({ start: 'now-30y', end: 'now' });
    expect(rangeProblemOf(state, now)?.title).toBe('The time range is too long');
    expect(rangeProblemOf(state, now)?.body).toMatch(
      /^It spans 1095\d\.\d? days|^It spans 1095\d days/
    );
    expect(resolveScope(state, now)).toBeUndefined();
  });

  it('has nothing to say about an ordinary range', () => {
    const state = scopeStateOf({ start: 'now-7d', end: 'now' });
    expect(rangeProblemOf(state, now)).toBeUndefined();
    expect(resolveScope(state, now)).toEqual({
      start: '2026-11-25T06:00:00.000Z',
      end: '2026-12-02T06:00:00.000Z',
    });
  });
});
