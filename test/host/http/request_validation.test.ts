import type { RouteValidationFunction } from '@kbn/core/server';
import { RequestValidationError, validatePart } from './request_validation';

const refusal = (spec: unknown, data: unknown, message: string) =>
  expect(() => validatePart(spec, data, 'request body')).toThrow(
    new RequestValidationError(message)
  );

// Expected texts: Kibana's router-server-internal validator.ts @ 57f946aa, worded by
// config-schema's ValidationError ([namespace.path]: reason).
describe('validatePart (Kibana RouteValidator)', () => {
  it('gives {} for a part the route does not validate', () => {
    expect(validatePart(undefined, { a: 1 }, 'request body')).toEqual({});
  });

  it('returns what a validation function accepts', () => {
    const upper: RouteValidationFunction<string> = (data, { ok }) => ok(String(data).toUpperCase());
    expect(validatePart(upper, 'a', 'request query')).toBe('A');
  });

  it('words a refusal under the namespace, with the path the function gives', () => {
    const refuse: RouteValidationFunction<never> = (_data, { badRequest }) =>
      badRequest('expected a number', ['a', 'b']);
    refusal(refuse, {}, '[request body.a.b]: expected a number');
    const plain: RouteValidationFunction<never> = (_data, { badRequest }) =>
      badRequest(new Error('missing'));
    refusal(plain, {}, '[request body]: missing');
  });

  it('answers a throwing validation function as a refusal, not a crash', () => {
    const throwing = () => {
      throw new Error('cannot read');
    };
    refusal(throwing, {}, '[request body]: cannot read');
  });

  it('lets a config-schema type word its own failure and a zod type throw its own', () => {
    const configSchema = {
      validate: (_value: unknown, _context: object, namespace: string) => {
        throw new Error(`[${namespace}.a]: expected value of type [string] but got [number]`);
      },
    };
    refusal(
      configSchema,
      { a: 1 },
      '[request body.a]: expected value of type [string] but got [number]'
    );
    const zod = {
      _zod: {},
      parse: () => {
        throw new Error('Invalid input');
      },
    };
    refusal(zod, {}, 'Invalid input');
  });
});
