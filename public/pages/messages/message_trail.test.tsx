import { fireEvent, render, screen } from '@testing-library/react';
import { EuiProvider } from '@elastic/eui';
import { MESSAGE_TRAIL_API_PATH } from '../../../common/http_api/views';
import { AppServicesProvider } from '../../components/app_services';
import {
  createFakeCore,
  createFakeHttp,
  fakeServices,
  HttpError,
} from '../../test_support/fake_core';
import { createViewsApi } from '../../services/views_api';
import { MessageTrail } from './message_trail';

const NOW = Date.parse('2026-11-24T10:00:00.000Z');
const RETRY_AT = '2026-11-24T10:04:01.000Z';
/** What the route answers when the user's part of the on-demand share is used up. */
const USED_UP = new HttpError(
  429,
  `Your share of on-demand Microsoft Graph requests to this tenant (6 per 5 minutes) is used up until ${RETRY_AT}; try again then`,
  { retryAt: RETRY_AT }
);

function renderTrail(answers: unknown[]) {
  const { http, calls } = createFakeHttp({
    [`POST ${MESSAGE_TRAIL_API_PATH}`]: () => answers.shift(),
  });
  // Advanced Settings as an admin would set them: the page must show times in this zone and format.
  const { core } = createFakeCore({
    http,
    canManage: false,
    uiSettings: { 'dateFormat:tz': 'America/New_York', dateFormat: 'DD/MM/YYYY HH:mm:ss z' },
  });
  render(
    <EuiProvider>
      <AppServicesProvider services={fakeServices(core, false)}>
        <MessageTrail api={createViewsApi(http)} traceId="trace-1" recipient="bob@contoso.com" />
      </AppServicesProvider>
    </EuiProvider>
  );
  return calls;
}

describe('the event trail in the message flyout', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('says when to try again, in words and with the time, when the share of requests is used up', async () => {
    const calls = renderTrail([USED_UP]);
    fireEvent.click(screen.getByTestId('emtTrailLoad-bob@contoso.com'));
    const retry = await screen.findByTestId('emtTrailRetryAt');
    // 10:04:01 UTC is 05:04:01 in New York (EST, UTC-5, in November), in the set dateFormat.
    const shown = '24/11/2026 05:04:01 EST';
    expect(retry.querySelector('.euiCallOutHeader__title')?.textContent).toBe(
      `Try again at ${shown}, in 4 minutes`
    );
    expect(retry.textContent).toContain(
      'kept apart so that collection is never delayed. That share, or your part of it, is used up until then.'
    );
    expect(screen.queryByTestId('emtTrailError')).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('shows any other failure as it is, and the trail once it loads', async () => {
    renderTrail([
      new HttpError(502, 'Microsoft Graph: unavailable'),
      { events: [], fetchedAt: '2026-11-24T10:00:00.000Z', cached: false },
    ]);
    fireEvent.click(screen.getByTestId('emtTrailLoad-bob@contoso.com'));
    expect((await screen.findByTestId('emtTrailError')).textContent).toBe(
      'Microsoft Graph: unavailable'
    );
    expect(screen.queryByTestId('emtTrailRetryAt')).toBeNull();
    fireEvent.click(screen.getByTestId('emtTrailLoad-bob@contoso.com'));
    await screen.findByTestId('emtTrail-bob@contoso.com');
  });
});
