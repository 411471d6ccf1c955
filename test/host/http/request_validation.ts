import type { RouteValidationResultFactory } from '@kbn/core/server';

export class RequestValidationError extends Error {}

const resultFactory: RouteValidationResultFactory = {
  ok: (value) => ({ value }),
  badRequest: (error, path) => {
    const message = typeof error === 'string' ? error : (error as Error).message;
    const located = path?.length ? `[${path.join('.')}]: ${message}` : message;
    return { error: new RequestValidationError(located) } as never;
  },
};

interface SchemaLike {
  validate(value: unknown, context?: object, namespace?: string): unknown;
}

/**
 * A spec is a validation function or a config-schema type; Kibana reports the failure as
 * `[request body]: <reason>` and answers 400.
 */
export function validatePart(spec: unknown, data: unknown, namespace: string): unknown {
  if (spec === undefined) return {};
  if (typeof spec === 'function') {
    const result = spec(data, resultFactory) as { value?: unknown; error?: Error };
    if (result.error) throw new RequestValidationError(`[${namespace}]: ${result.error.message}`);
    return result.value;
  }
  try {
    return (spec as SchemaLike).validate(data, {}, namespace);
  } catch (error) {
    throw new RequestValidationError((error as Error).message);
  }
}
