import type { RouteValidationResultFactory } from '@kbn/core/server';

/** A request part failed its route's validation; Kibana answers 400 with the message. */
export class RequestValidationError extends Error {}

/** Kibana's RouteValidationError: a reason and the path inside the validated part. */
class RouteValidationFailure extends Error {
  constructor(
    error: unknown,
    readonly path: string[] = []
  ) {
    super(typeof error === 'string' ? error : (error as Error).message);
  }
}

const resultFactory: RouteValidationResultFactory = {
  ok: (value) => ({ value }),
  badRequest: (error, path) => ({ error: new RouteValidationFailure(error, path) }) as never,
};

interface ConfigSchemaLike {
  validate(value: unknown, context: object, namespace: string): unknown;
}

interface ZodLike {
  parse(value: unknown): unknown;
}

type ValidationFunction = (
  data: unknown,
  factory: RouteValidationResultFactory
) => { value?: unknown; error?: RouteValidationFailure };

/**
 * Kibana: src/core/packages/http/router-server-internal/src/validator.ts @ 57f946aa
 * (`RouteValidator.validate`). A function's failure, returned or thrown, reads
 * `[<namespace>.<path>]: <reason>` (config-schema's ValidationError); a config-schema type words its
 * own; a zod type's ZodError is passed on as it is. The spec kinds were checked at registration.
 */
export function validatePart(spec: unknown, data: unknown, namespace: string): unknown {
  if (spec === undefined) return {};
  try {
    if (typeof spec === 'function') {
      let result: ReturnType<ValidationFunction>;
      try {
        result = (spec as ValidationFunction)(data, resultFactory);
      } catch (error) {
        result = { error: new RouteValidationFailure(error) };
      }
      if (result.error) {
        const path = [namespace, ...result.error.path].join('.');
        throw new RequestValidationError(`[${path}]: ${result.error.message}`);
      }
      return result.value;
    }
    if ('_zod' in (spec as object)) return (spec as ZodLike).parse(data);
    return (spec as ConfigSchemaLike).validate(data, {}, namespace);
  } catch (error) {
    if (error instanceof RequestValidationError) throw error;
    throw new RequestValidationError((error as Error).message);
  }
}
