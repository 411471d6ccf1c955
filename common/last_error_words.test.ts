import { errorDetailsText, lastErrorInWords } from './last_error_words';

const at = '2026-12-02T01:13:00.000Z';

describe('lastErrorInWords', () => {
  it('says what happened and what to do for a refused writer key, without the raw text', () => {
    const words = lastErrorInWords({
      kind: 'reauthorize',
      message: 'security_exception: unauthorized for API key id [VuaCfGcBCdbkQm-e5aOx]',
      at,
    });
    expect(words).toEqual({
      happened:
        'Elasticsearch refused the API key that collection writes with (it was removed, or its owner lost privileges).',
      toDo: 'Re-authorise the connection: a new key is granted as you, and collection resumes where it stopped.',
    });
  });

  it('tells a stopped backfill from a failed run', () => {
    const words = lastErrorInWords({ kind: 'network', message: 'Backfill: ECONNRESET', at });
    expect(words.happened).toBe(
      'The backfill stopped. Microsoft Graph could not be reached or did not answer in time.'
    );
  });

  it('has words for a kind it does not know', () => {
    expect(
      lastErrorInWords({ kind: 'internal', message: 'TypeError: x is undefined', at })
    ).toEqual({
      happened: 'The last run failed unexpectedly.',
      toDo: 'Open the details for the error; the next run tries again.',
    });
  });
});

describe('errorDetailsText', () => {
  it.each([
    [
      'action [indices:data/write/bulk[s]] is unauthorized for API key id [VuaCfGcBCdbkQm-e5aOx] of user [mail_admin]',
      'action [indices:data/write/bulk[s]] is unauthorized for API key id [(hidden)] of user [mail_admin]',
    ],
    ['api_key_id=VuaCfGcBCdbkQm-e5aOx refused', 'api_key_id=(hidden) refused'],
    ['no key mentioned [abc]', 'no key mentioned [abc]'],
  ])('hides the key id in %s', (message, expected) => {
    expect(errorDetailsText({ kind: 'reauthorize', message, at })).toBe(expected);
  });
});
