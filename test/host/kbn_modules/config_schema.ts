/**
 * The part of @kbn/config-schema that our entry file uses at runtime, for the host and for tests of
 * the built zip. Errors read like Kibana's: `[key.path]: expected value of type [string] but got [number]`.
 */
type Validator<T> = (value: unknown, path: string) => T;

class SchemaError extends Error {}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'Array' : typeof value;
}

function fail(path: string, message: string): never {
  throw new SchemaError(path ? `[${path}]: ${message}` : message);
}

export class Type<T> {
  constructor(
    private readonly check: Validator<T>,
    readonly defaultValue?: T
  ) {}

  validate(value: unknown, _context?: object, namespace?: string): T {
    return this.at(value, namespace ?? '');
  }

  at(value: unknown, path: string): T {
    if (value === undefined && this.defaultValue !== undefined) return this.defaultValue;
    return this.check(value, path);
  }
}

interface Options<T> {
  defaultValue?: T;
  validate?: (value: T) => string | void;
}

function primitive<T>(
  expected: string,
  options: Options<T> = {},
  refine?: (v: T, path: string) => void
) {
  return new Type<T>((value, path) => {
    if (typeof value !== expected)
      fail(path, `expected value of type [${expected}] but got [${typeName(value)}]`);
    refine?.(value as T, path);
    const problem = options.validate?.(value as T);
    if (problem) fail(path, problem);
    return value as T;
  }, options.defaultValue);
}

type Props = Record<string, Type<unknown>>;
type TypeOfProps<P extends Props> = { [K in keyof P]: P[K] extends Type<infer V> ? V : never };

export const schema = {
  string: (options: Options<string> & { minLength?: number; maxLength?: number } = {}) =>
    primitive<string>('string', options, (value, path) => {
      if (options.minLength !== undefined && value.length < options.minLength) {
        fail(
          path,
          `value has length [${value.length}] but it must have a minimum length of [${options.minLength}].`
        );
      }
      if (options.maxLength !== undefined && value.length > options.maxLength) {
        fail(
          path,
          `value has length [${value.length}] but it must have a maximum length of [${options.maxLength}].`
        );
      }
    }),
  number: (options: Options<number> & { min?: number; max?: number } = {}) =>
    primitive<number>('number', options, (value, path) => {
      if (options.min !== undefined && value < options.min)
        fail(path, `Value must be equal to or greater than [${options.min}].`);
      if (options.max !== undefined && value > options.max)
        fail(path, `Value must be equal to or lower than [${options.max}].`);
    }),
  boolean: (options: Options<boolean> = {}) => primitive<boolean>('boolean', options),
  literal: <V extends string | number | boolean>(expected: V) =>
    new Type<V>((value, path) =>
      value === expected ? expected : fail(path, `expected value to equal [${String(expected)}]`)
    ),
  maybe: <V>(inner: Type<V>) =>
    new Type<V | undefined>((value, path) =>
      value === undefined ? undefined : inner.at(value, path)
    ),
  oneOf: <V>(types: Array<Type<V>>, options: Options<V> = {}) =>
    new Type<V>((value, path) => {
      const problems: string[] = [];
      for (const type of types) {
        try {
          return type.at(value, path);
        } catch (error) {
          problems.push((error as Error).message);
        }
      }
      return fail(
        path,
        `types that failed validation:\n${problems.map((p) => `- ${p}`).join('\n')}`
      );
    }, options.defaultValue),
  arrayOf: <V>(
    item: Type<V>,
    options: Options<V[]> & { minSize?: number; maxSize?: number } = {}
  ) =>
    new Type<V[]>((value, path) => {
      if (!Array.isArray(value))
        fail(path, `expected value of type [array] but got [${typeName(value)}]`);
      if (options.minSize !== undefined && value.length < options.minSize) {
        fail(
          path,
          `array size is [${value.length}], but cannot be smaller than [${options.minSize}]`
        );
      }
      if (options.maxSize !== undefined && value.length > options.maxSize) {
        fail(
          path,
          `array size is [${value.length}], but cannot be greater than [${options.maxSize}]`
        );
      }
      return value.map((entry, index) => item.at(entry, path ? `${path}.${index}` : String(index)));
    }, options.defaultValue),
  object: <P extends Props>(props: P, options: { unknowns?: 'allow' | 'ignore' | 'forbid' } = {}) =>
    new Type<TypeOfProps<P>>((value, path) => {
      const input = value === undefined ? {} : value;
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        fail(path, `expected a plain object value, but found [${typeName(input)}] instead.`);
      }
      const record = input as Record<string, unknown>;
      const unknown = Object.keys(record).filter((key) => !(key in props));
      if (unknown.length > 0 && (options.unknowns ?? 'forbid') === 'forbid') {
        fail(path ? `${path}.${unknown[0]}` : unknown[0]!, 'definition for this key is missing');
      }
      const entries = Object.entries(props).map(([key, type]) => [
        key,
        type.at(record[key], path ? `${path}.${key}` : key),
      ]);
      return Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as TypeOfProps<P>;
    }),
};

export type TypeOf<T extends Type<unknown>> = T extends Type<infer V> ? V : never;
