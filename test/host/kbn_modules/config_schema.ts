import { typeDetect } from './type_detect';

/**
 * The part of @kbn/config-schema that our entry file uses at runtime, for the host and for tests of
 * the built zip, and that the host's stand-ins build Kibana's own registration schemas from (route
 * security, features), so they refuse what Kibana refuses in Kibana's words:
 * `[key.path]: expected value of type [string] but got [number]`.
 * Kibana: src/platform/packages/shared/kbn-config-schema/src/types/*.ts (commits beside each type).
 * Stricter than Kibana in one way: a number or boolean given as text (`'2'`, `'true'`) is refused,
 * where Kibana's Joi converts it (internals/index.ts @ 3f18033c).
 */
type Path = readonly string[];
/** The object around the value, as validated so far, for `siblingRef`. */
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

function fail(path: Path, reason: string): never {
  throw new SchemaError(path, reason);
}

interface Options<T> {
  defaultValue?: T;
  /** Runs after the type's own checks; a returned string, or a thrown error's message, fails. */
  validate?: (value: T) => string | void;
}

// Kibana: type.ts @ 0621698a `convertValidationFunction`.
function customProblem<T>(validate: Options<T>['validate'], value: T): string | undefined {
  let problem: unknown;
  try {
    problem = validate?.(value);
  } catch (error) {
    problem = (error as Error).message || error;
  }
  return typeof problem === 'string' ? problem : undefined;
}

/** Kibana: type.ts @ 0621698a: every type takes a default and a custom validation. */
export class Type<T> {
  /** Kibana's router takes a validation entry for config-schema by this marker. */
  // Kibana: typeguards/is_config_schema.ts @ 74bf8acc
  readonly __isKbnConfigSchemaType = true;

  private readonly run: Validator<T>;

  constructor(
    check: Validator<T>,
    options: Options<T> = {},
    /** `never` is Joi's `forbidden()`. */
    private readonly forbidden = false
  ) {
    this.run = (value, path, siblings) => {
      if (value === undefined && options.defaultValue !== undefined) return options.defaultValue;
      const checked = check(value, path, siblings);
      const problem = customProblem(options.validate, checked);
      return problem === undefined ? checked : fail(path, problem);
    };
  }

  validate(value: unknown, _context?: object, namespace?: string): T {
    return this.run(value, namespace === undefined ? [] : [namespace]);
  }

  at(value: unknown, path: Path, siblings?: Siblings): T {
    return this.run(value, path, siblings);
  }

  /** Joi's `optional()`, which Kibana puts on array items: it lifts `never`'s `forbidden()`. */
  optional(): Type<T> {
    return this.forbidden ? new Type<T>((value) => value as T) : this;
  }
}

function primitive<T>(expected: string, options: Options<T>, refine?: (v: T, path: Path) => void) {
  return new Type<T>((value, path) => {
    if (typeof value !== expected)
      fail(path, `expected value of type [${expected}] but got [${typeDetect(value)}]`);
    refine?.(value as T, path);
    return value as T;
  }, options);
}

// Kibana: internals/index.ts @ 3f18033c: Kibana validates with Joi's `convert` on, so an object or
// an array may come as its JSON text.
function fromJson(value: unknown, path: Path, kind: 'object' | 'array') {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return fail(path, `could not parse ${kind} value from json input`);
  }
}

/** A Joi `when` with a literal `is` matches a present, equal value; with a schema, what it accepts. */
function conditionHolds(is: unknown, operand: unknown) {
  if (!(is instanceof Type)) return operand !== undefined && operand === is;
  try {
    is.at(operand, []);
    return true;
  } catch (error) {
    if (error instanceof SchemaError) return false;
    throw error;
  }
}

const hasOwn = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

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
  // Kibana: literal_type.ts @ 5f6678cc; no "but got [...]" in 2026 either (union_type.test.ts
  // @ 137d1e8b, which has the 9.5 unknown-key text).
  literal: <V extends string | number | boolean | null>(expected: V) =>
    new Type<V>((value, path) =>
      value === expected ? expected : fail(path, `expected value to equal [${String(expected)}]`)
    ),
  // Kibana: never_type.ts @ 2756b0ea
  never: () =>
    new Type<never>(
      (value, path) =>
        value === undefined
          ? (undefined as never)
          : fail(path, "a value wasn't expected to be present"),
      {},
      true
    ),
  maybe: <V>(inner: Type<V>) =>
    new Type<V | undefined>((value, path, siblings) =>
      value === undefined ? undefined : inner.at(value, path, siblings)
    ),
  siblingRef: (key: string) => ({ siblingKey: key }),
  // Kibana: conditional_type.ts @ fad10b04: `is` is a value or a type.
  conditional: <A, B>(
    reference: { siblingKey: string },
    is: unknown,
    equalType: Type<A>,
    notEqualType: Type<B>
  ) =>
    new Type<A | B>((value, path, siblings) =>
      conditionHolds(is, siblings?.[reference.siblingKey])
        ? equalType.at(value, path, siblings)
        : notEqualType.at(value, path, siblings)
    ),
  // Kibana: union_type.ts @ 057dcf9c and errors/validation_error.ts @ 8137d1cd. Alternatives are
  // tried at the union's own path; each failure gets its index put in right after that path (a
  // nested union's entries keep theirs) and a nested union's list is indented one space deeper.
  // Joi answers a lone alternative's failure as it is (union_type.test.ts @ 137d1e8b).
  oneOf: <Types extends Array<Type<unknown>>, V = TypeOf<Types[number]>>(
    types: [...Types],
    options: Options<V> = {}
  ) =>
    new Type<V>((value, path, siblings) => {
      if (value === undefined)
        fail(path, 'expected at least one defined value but got [undefined]');
      const failures: SchemaError[] = [];
      for (const type of types) {
        try {
          return type.at(value, path, siblings) as V;
        } catch (error) {
          if (!(error instanceof SchemaError)) throw error;
          failures.push(error);
        }
      }
      if (failures.length === 1) throw failures[0];
      const problems = failures.map((error, index) => {
        const indexed = [...path, String(index), ...error.path.slice(path.length)];
        const [first, ...nested] = new SchemaError(indexed, error.reason).message.split('\n');
        return [`- ${first}`, ...nested.map((line) => ` ${line}`)].join('\n');
      });
      return fail(path, `types that failed validation:\n${problems.join('\n')}`);
    }, options),
  // Kibana: array_type.ts @ d5471f13: Joi checks the items (sparse ones refused) before the sizes.
  arrayOf: <V>(
    item: Type<V>,
    options: Options<V[]> & { minSize?: number; maxSize?: number } = {}
  ) => {
    const itemType = item.optional();
    return new Type<V[]>((value, path) => {
      const input = fromJson(value, path, 'array');
      if (!Array.isArray(input))
        fail(path, `expected value of type [array] but got [${typeDetect(input)}]`);
      const items = Array.from(input as unknown[], (entry, index) =>
        entry === undefined
          ? fail([...path, String(index)], 'sparse array are not allowed')
          : itemType.at(entry, [...path, String(index)])
      );
      if (options.minSize !== undefined && items.length < options.minSize) {
        fail(
          path,
          `array size is [${items.length}], but cannot be smaller than [${options.minSize}]`
        );
      }
      if (options.maxSize !== undefined && items.length > options.maxSize) {
        fail(
          path,
          `array size is [${items.length}], but cannot be greater than [${options.maxSize}]`
        );
      }
      return items;
    }, options);
  },
  // Kibana: record_type.ts @ 28dff78b: a key that fails is named `key("<key>")` in the path.
  recordOf: <K extends string, V>(keyType: Type<K>, valueType: Type<V>) =>
    new Type<Record<K, V>>((value, path) => {
      if (typeDetect(value) !== 'Object') {
        fail(path, `expected value of type [object] but got [${typeDetect(value)}]`);
      }
      const entries = Object.entries(value as Record<string, unknown>).map(([key, entry]) => [
        keyType.at(key, [...path, `key("${key}")`]),
        valueType.at(entry, [...path, key]),
      ]);
      return Object.fromEntries(entries) as Record<K, V>;
    }),
  // Kibana: object_type.ts @ 027ff216 (9.5 wording, PR #258633), unknown keys forbidden (its
  // default). Joi checks the declared keys in order, each seeing the object as validated so far,
  // before it looks for unknown ones, and stops at the first error.
  object: <P extends Props>(props: P, options: Options<TypeOfProps<P>> = {}) =>
    new Type<TypeOfProps<P>>((value, path) => {
      const input = value === undefined ? {} : fromJson(value, path, 'object');
      if (typeDetect(input) !== 'Object') {
        fail(path, `expected a plain object value, but found [${typeDetect(input)}] instead.`);
      }
      const result: Record<string, unknown> = { ...(input as object) };
      for (const [key, type] of Object.entries(props)) {
        const checked = type.at(result[key], [...path, key], result);
        if (checked === undefined) delete result[key];
        else result[key] = checked;
      }
      const unknown = Object.keys(result).find((key) => !hasOwn(props, key));
      if (unknown !== undefined) {
        fail(
          [...path, unknown],
          `Additional properties are not allowed ('${unknown}' was unexpected)`
        );
      }
      return result as TypeOfProps<P>;
    }, options),
};

export type TypeOf<T extends Type<unknown>> = T extends Type<infer V> ? V : never;
