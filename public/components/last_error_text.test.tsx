import { configure, fireEvent, screen } from '@testing-library/react';
import { renderWithServices } from '../test_support/fake_core';
import { LastErrorText } from './last_error_text';

configure({ testIdAttribute: 'data-test-subj' });

const KEY_ID = 'VuaCfGcBCdbkQm-e5aOx';
const raw = `Elasticsearch refused to store documents with this connection's credentials (403: action [indices:data/write/bulk[s]] is unauthorized for API key id [${KEY_ID}] of user [mail_admin])`;

describe('LastErrorText', () => {
  it('reads in words, and shows the recorded error without the key id only on demand', () => {
    renderWithServices(
      <LastErrorText
        error={{ kind: 'reauthorize', message: raw, at: '2026-12-02T01:13:00.000Z' }}
        data-test-subj="emtLastError-c1"
      />,
      { routes: {}, uiSettings: { 'dateFormat:tz': 'America/New_York' } }
    );
    const shown = screen.getByTestId('emtLastError-c1');
    expect(screen.getByTestId('emtLastError-c1-happened').textContent).toBe(
      'Elasticsearch refused the API key that collection writes with (it was removed, or its owner lost privileges).'
    );
    expect(screen.getByTestId('emtLastError-c1-toDo').textContent).toBe(
      'Re-authorise the connection: a new key is granted as you, and collection resumes where it stopped.'
    );
    expect(shown.textContent).not.toContain('indices:data/write');
    expect(screen.queryByTestId('emtLastError-c1-detailsText')).toBeNull();

    fireEvent.click(screen.getByTestId('emtLastError-c1-details'));
    const details = screen.getByTestId('emtLastError-c1-detailsText').textContent!;
    expect(details).toContain('is unauthorized for API key id [(hidden)] of user [mail_admin]');
    // Kibana's default dateFormat, in the zone of dateFormat:tz (01:13 UTC is 20:13 EST the day before).
    expect(details).toContain('Dec 1, 2026 @ 20:13:00.000 (reauthorize)');
    expect(details).not.toContain(KEY_ID);
  });
});
