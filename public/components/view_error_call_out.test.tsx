import { HttpError } from '../test_support/fake_core';
import { errorSentences } from './view_error_call_out';

describe('errorSentences', () => {
  it('says each refused field by its name on the page, once', () => {
    const refused = new HttpError(
      400,
      '[request body]: ip: must be an IP address or a network like 203.0.113.0/24; end: must be after start; end: must be after start'
    );
    expect(errorSentences(refused)).toEqual([
      'IP address must be an IP address or a network like 203.0.113.0/24.',
      'The end of the time range must be after start.',
    ]);
  });

  it('keeps any other failure in the server’s words', () => {
    expect(errorSentences(new HttpError(503, 'Elasticsearch cannot be reached: timeout'))).toEqual([
      'Elasticsearch cannot be reached: timeout.',
    ]);
  });
});
