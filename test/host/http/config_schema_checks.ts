/**
 * The few @kbn/config-schema types the route security schema is built from, with config-schema's
 * error texts and paths, so the host refuses a route's `security` in Kibana's own words.
 * Kibana: src/platform/packages/shared/kbn-config-schema/src/types/{object,array,union,literal,
 * string,never,conditional}_type.ts and errors/validation_error.ts (commits in the sources below).
 */

/** One failure; a union's failure lists each alternative's (SchemaTypesError). */
interface SchemaIssue {
  path: string[];
  message: string;
  alternatives?: SchemaIssue[];
}

export class SchemaValidationError extends Error {
  constructor(readonly issue: SchemaIssue) {
    super(render(issue));
  }
}

// Kibana: kbn-config-schema/src/errors/validation_error.ts @ b9f02a21 (extractMessage)
function render(issue: SchemaIssue, level = 0): string {
  let message = issue.message;
  if (issue.alternatives) {
    const children = issue.alternatives.map(
      (child) => `${' '.repeat(level)}- ${render(child, level + 1)}`
    );
    message = `${message}\n${children.join('\n')}`;
  }
  return issue.path.length === 0 ? message : `[${issue.path.join('.')}]: ${message}`;
}

/** What npm's type-detect answers for the values a route config can hold. */
export function typeDetect(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Array';
  if (typeof value !== 'object') return typeof value;
  return Object.prototype.toString.call(value).slice(8, -1);
}

export type Check<T = unknown> = (value: unknown, path: string[]) => T;

const fail = (path: string[], message: string): never => {
  throw new SchemaValidationError({ path, message });
};

// Kibana: string_type.ts @ fad10b04
export const string: Check<string> = (value, path) =>
  typeof value === 'string'
    ? value
    : fail(path, `expected value of type [string] but got [${typeDetect(value)}]`);

// Kibana: literal_type.ts @ 5f6678cc
export const literal =
  <T>(expected: T): Check<T> =>
  (value, path) =>
    value === expected ? expected : fail(path, `expected value to equal [${String(expected)}]`);

// Kibana: never_type.ts @ b1d36c47
export const never: Check<undefined> = (value, path) =>
  value === undefined ? undefined : fail(path, "a value wasn't expected to be present");

// Kibana: maybe_type.ts @ 6d9ae153
export const maybe =
  <T>(check: Check<T>): Check<T | undefined> =>
  (value, path) =>
    value === undefined ? undefined : check(value, path);

// Kibana: union_type.ts @ 9aa28d76 — each alternative's own path gets its index inserted.
export const oneOf =
  <T>(alternatives: Array<Check<T>>): Check<T> =>
  (value, path) => {
    if (value === undefined) {
      return fail(path, `expected at least one defined value but got [${typeDetect(value)}]`);
    }
    const failures: SchemaIssue[] = [];
    for (const [index, check] of alternatives.entries()) {
      try {
        return check(value, path);
      } catch (error) {
        if (!(error instanceof SchemaValidationError)) throw error;
        const childPath = [...error.issue.path];
        childPath.splice(path.length, 0, String(index));
        failures.push({ ...error.issue, path: childPath });
      }
    }
    throw new SchemaValidationError({
      path,
      message: 'types that failed validation:',
      alternatives: failures,
    });
  };

interface ArrayOptions<T> {
  minSize?: number;
  validate?: (value: T[]) => string | undefined;
}

// Kibana: array_type.ts @ d5471f13 — items first, then the size, then the custom validation.
export const arrayOf =
  <T>(item: Check<T>, { minSize, validate }: ArrayOptions<T> = {}): Check<T[]> =>
  (value, path) => {
    if (!Array.isArray(value)) {
      return fail(path, `expected value of type [array] but got [${typeDetect(value)}]`);
    }
    const items = value.map((entry, index) =>
      entry === undefined
        ? fail([...path, String(index)], 'sparse array are not allowed')
        : item(entry, [...path, String(index)])
    );
    if (minSize !== undefined && items.length < minSize) {
      fail(path, `array size is [${items.length}], but cannot be smaller than [${minSize}]`);
    }
    const problem = validate?.(items);
    return problem ? fail(path, problem) : items;
  };

/** A prop's check may read the already validated siblings (config-schema's `siblingRef`). */
export type PropCheck = (
  value: unknown,
  path: string[],
  siblings: Record<string, unknown>
) => unknown;

/**
 * Kibana: object_type.ts @ 027ff216 — `undefined` becomes `{}` (an object schema defaults to its
 * children's defaults), props are checked in order, then unknown keys are refused.
 */
export const object =
  (
    props: Record<string, PropCheck>,
    validate?: (value: Record<string, unknown>) => string | undefined
  ): Check<Record<string, unknown>> =>
  (value, path) => {
    const input = value === undefined ? {} : value;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return fail(path, `expected a plain object value, but found [${typeDetect(input)}] instead.`);
    }
    const record = input as Record<string, unknown>;
    const result: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(props)) {
      const checked = check(record[key], [...path, key], result);
      if (checked !== undefined) result[key] = checked;
    }
    const unexpected = Object.keys(record).find((key) => !(key in props));
    if (unexpected !== undefined) {
      fail(
        [...path, unexpected],
        `Additional properties are not allowed ('${unexpected}' was unexpected)`
      );
    }
    const problem = validate?.(result);
    return problem ? fail(path, problem) : result;
  };
