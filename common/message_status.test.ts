import { latestStatus, statusCategory, statusRank, statusesOf } from './message_status';

describe('message status', () => {
  it('takes the latest of a row’s statuses: transient ones give way, a recall follows delivery', () => {
    expect(latestStatus(['gettingStatus', 'delivered'])).toBe('delivered');
    expect(latestStatus(['pending', 'gettingStatus'])).toBe('pending');
    expect(latestStatus(['failed', 'pending'])).toBe('failed');
    expect(latestStatus(['recalled', 'delivered'])).toBe('recalled');
    expect(latestStatus(['filteredAsSpam'])).toBe('filteredAsSpam');
    expect(latestStatus([])).toBeUndefined();
    expect(statusRank('somethingNew')).toBe(statusRank('delivered'));
  });

  it('puts every status in one category', () => {
    expect(statusCategory('gettingStatus')).toBe('pending');
    expect(statusCategory('pending')).toBe('pending');
    expect(statusCategory('filteredAsSpam')).toBe('filteredAsSpam');
    expect(statusCategory('expanded')).toBe('other');
    expect(statusCategory('recalled')).toBe('other');
    expect(statusesOf('pending')).toEqual(['gettingStatus', 'pending']);
    expect(statusesOf('failed')).toEqual(['failed']);
  });
});
