import type { KibanaResponseFactory } from '@kbn/core/server';
import { toHttpAnswer } from '../../test/host/http/response_adapter';
import { kibanaResponseFactory } from '../../test/host/http/response_factory';
import { OnDemandShareUsedUp } from '../lib/budget/on_demand_share';
import { budgetUsedUpAnswer } from './budget_used_up_answer';

describe('budgetUsedUpAnswer', () => {
  it('answers 429 with the time in the message, as attributes.retryAt and as Retry-After', () => {
    const error = new OnDemandShareUsedUp(Date.parse('2026-11-24T10:04:01Z'), 'requester', {
      collection: 48,
      onDemand: 12,
      perRequester: 6,
    });
    const answer = budgetUsedUpAnswer(
      kibanaResponseFactory as unknown as KibanaResponseFactory,
      error
    );
    // Retry-After as an HTTP date (RFC 9110 §10.2.3: HTTP-date or delay-seconds).
    expect(toHttpAnswer(answer)).toEqual({
      status: 429,
      headers: { 'retry-after': 'Tue, 24 Nov 2026 10:04:01 GMT' },
      body: {
        statusCode: 429,
        error: 'Too Many Requests',
        message:
          'Your share of on-demand Microsoft Graph requests to this tenant (6 per 5 minutes) is used up until 2026-11-24T10:04:01.000Z; try again then',
        attributes: { retryAt: '2026-11-24T10:04:01.000Z' },
      },
    });
  });
});
