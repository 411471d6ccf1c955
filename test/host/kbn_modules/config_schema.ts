/**
 * The part of @kbn/config-schema that our entry file uses at runtime, for the host and for tests of
 * the built zip, and that the host's stand-ins use to check registrations the way Kibana does.
 * Errors read like Kibana's: `[key.path]: expected value of type [string] but got [number]`.
 * Kibana: src/platform/packages/shared/kbn-config-schema/src/types/*.ts (commits beside each type).
 */
type Path = readonly string[];
/** The keys beside the value in its object, for `siblingRef`. */
type Siblings = Readonly<Record<string, unknown>>;
type Validator<T> = (value: unknown, path: Path, siblings?: Siblings) => T;

/** Kibana's SchemaTypeError: the failure's path is kept apart so a union can put its index in. */
class SchemaError extends Error {
  constructor(
    readonly path: Path,
    readonly reason: string
  ) {
    super(path.length > 0 ? `[${path.join('.')}]: ${reason}` : reason);
  }
}

/** What `type-detect` names a value: `Object`, `Array`, `Set` for objects, `typeof` otherwise. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return Object.prototype.toString.call(value).slice('[object '.length, -1);
}

function formatLiteral(value: unknown) {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function fail(path: Path, reason: string): never {
  throw new SchemaError(path, reason);
}

export class Type<T> {
  constructor(
    private readonly check: Validator<T>,
    readonly defaultValue?: T
  ) {}

  validate(value: unknown, _context?: object, namespace?: string): T {
    return this.at(value, namespace === undefined ? [] : [namespace]);
  }

  at(value: unknown, path: Path, siblings?: Siblings): T {
    if (value === undefined && this.defaultValue !== undefined) return this.defaultValue;
    return this.check(value, path, siblings);
  }
}

interface Options<T> {
  defaultValue?: T;
  validate?: (value: T) => string | void;
}

function primitive<T>(
  expected: string,
  options: Options<T> = {},
  refine?: (v: T, path: Path) => void
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
  // Kibana: literal_type.ts @ 09d2b636
  literal: <V extends string | number | boolean | null>(expected: V) =>
    new Type<V>((value, path) =>
      value === expected
        ? expected
        : fail(
            path,
            `expected value to equal [${formatLiteral(expected)}] but got [${formatLiteral(value)}]`
          )
    ),
  // Kibana: never_type.ts @ 2756b0ea
  never: () =>
    new Type<never>((value, path) =>
      value === undefined
        ? (undefined as never)
        : fail(path, "a value wasn't expected to be present")
    ),
  maybe: <V>(inner: Type<V>) =>
    new Type<V | undefined>((value, path, siblings) =>
      value === undefined ? undefined : inner.at(value, path, siblings)
    ),
  siblingRef: (key: string) => ({ siblingKey: key }),
  // Kibana: conditional_type.ts @ 095bc1f7, a Joi `when` whose literal `is` must be present and equal.
  conditional: <A, B>(
    reference: { siblingKey: string },
    equals: unknown,
    equalType: Type<A>,
    notEqualType: Type<B>
  ) =>
    new Type<A | B>((value, path, siblings) => {
      const operand = siblings?.[reference.siblingKey];
      return operand !== undefined && operand === equals
        ? equalType.at(value, path, siblings)
        : notEqualType.at(value, path, siblings);
    }),
  // Kibana: union_type.ts @ 057dcf9c and errors/validation_error.ts @ 8137d1cd. Alternatives are
  // tried at the union's own path; each failure gets its index put in right after that path (a
  // nested union's entries keep theirs) and a nested union's list is indented one space deeper.
  oneOf: <Types extends Array<Type<unknown>>, V = TypeOf<Types[number]>>(
    types: [...Types],
    options: Options<V> = {}
  ) =>
    new Type<V>((value, path, siblings) => {
      if (value === undefined)
        fail(path, 'expected at least one defined value but got [undefined]');
      const problems: string[] = [];
      for (const [index, type] of types.entries()) {
        try {
          return type.at(value, path, siblings) as V;
        } catch (error) {
          if (!(error instanceof SchemaError)) throw error;
          const indexed = [...path, String(index), ...error.path.slice(path.length)];
          const [first, ...nested] = new SchemaError(indexed, error.reason).message.split('\n');
          problems.push([`- ${first}`, ...nested.map((line) => ` ${line}`)].join('\n'));
        }
      }
      return fail(path, `types that failed validation:\n${problems.join('\n')}`);
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
      return value.map((entry, index) => item.at(entry, [...path, String(index)]));
    }, options.defaultValue),
  // Kibana: record_type.ts @ 28dff78b: a key that fails is named `key("<key>")` in the path.
  recordOf: <K extends string, V>(keyType: Type<K>, valueType: Type<V>) =>
    new Type<Record<K, V>>((value, path) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        fail(path, `expected value of type [object] but got [${typeName(value)}]`);
      }
      const entries = Object.entries(value as Record<string, unknown>).map(([key, entry]) => [
        keyType.at(key, [...path, `key("${key}")`]),
        valueType.at(entry, [...path, key]),
      ]);
      return Object.fromEntries(entries) as Record<K, V>;
    }),
  // Kibana: object_type.ts @ 027ff216 (9.5 wording, PR #258633). Joi checks the declared keys in
  // order before it looks for unknown ones, and stops at the first error.
  object: <P extends Props>(props: P, options: { unknowns?: 'allow' | 'ignore' | 'forbid' } = {}) =>
    new Type<TypeOfProps<P>>((value, path) => {
      const input = value === undefined ? {} : value;
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        fail(path, `expected a plain object value, but found [${typeName(input)}] instead.`);
      }
      const record = input as Record<string, unknown>;
      const entries = Object.entries(props).map(([key, type]) => [
        key,
        type.at(record[key], [...path, key], record),
      ]);
      const unknown = Object.keys(record).find((key) => !(key in props));
      if (unknown !== undefined && (options.unknowns ?? 'forbid') === 'forbid') {
        fail(
          [...path, unknown],
          `Additional properties are not allowed ('${unknown}' was unexpected)`
        );
      }
      return Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as TypeOfProps<P>;
    }),
};

export type TypeOf<T extends Type<unknown>> = T extends Type<infer V> ? V : never;
