import { defenderExplorerUrl } from './defender_link';

describe('the Defender Explorer link', () => {
  it('opens Explorer in the tenant, filtered to the network message ID', () => {
    const url = new URL(
      defenderExplorerUrl(
        'f1e2d3c4-0000-4000-8000-000000000001',
        'a1b2c3d4-e5f6-4a5b-8c9d-0e1f2a3b4c5d'
      )
    );
    expect(url.origin + url.pathname).toBe('https://security.microsoft.com/realtimereportsv3');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tid: 'f1e2d3c4-0000-4000-8000-000000000001',
      dltarget: 'Explorer',
      dlstorage: 'Url',
      viewid: 'allemail',
      'query-NetworkMessageId': 'a1b2c3d4-e5f6-4a5b-8c9d-0e1f2a3b4c5d',
    });
  });
});
