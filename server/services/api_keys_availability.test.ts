import { ApiKeysAvailability } from './api_keys_availability';

describe('ApiKeysAvailability', () => {
  it('asks Elasticsearch at most once a minute', async () => {
    let now = Date.parse('2026-12-02T10:00:00Z');
    const answers = [true, false];
    let asked = 0;
    const availability = new ApiKeysAvailability(
      {
        getCurrentUser: () => null,
        apiKeys: {
          areAPIKeysEnabled: async () => {
            asked += 1;
            return answers[asked - 1]!;
          },
        },
      } as never,
      { now: () => now }
    );
    expect(await availability.enabled()).toBe(true);
    now += 59_999;
    expect(await availability.enabled()).toBe(true);
    expect(asked).toBe(1);
    now += 1;
    expect(await availability.enabled()).toBe(false);
    expect(asked).toBe(2);
  });
});
