import * as t from 'io-ts';
import type { RouteValidationResultFactory } from '@kbn/core/server';
import { validateWith } from './route_validation';

const factory: RouteValidationResultFactory = {
  ok: (value) => ({ value }),
  badRequest: (error) => ({ error: new Error(String(error)) }) as never,
};

describe('validateWith', () => {
  const validate = validateWith(t.exact(t.type({ id: t.string })));

  it('returns the decoded value, without unknown keys', () => {
    expect(validate({ id: 'a', extra: 1 }, factory)).toEqual({ value: { id: 'a' } });
  });

  it('answers badRequest with field-level messages', () => {
    const result = validate({ id: 5 }, factory) as { error: Error };
    expect(result.error.message).toBe('id: expected string, got 5');
  });
});
