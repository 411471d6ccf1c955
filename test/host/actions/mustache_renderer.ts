import Mustache from 'mustache';

/*
 * Kibana's rendering of action parameters with the rule's variables.
 * x-pack/platform/plugins/shared/actions/server/lib/mustache_renderer.ts @ 1bc5c1194a: variables
 * are copied through JSON, dotted keys become nested objects, every plain object renders as its
 * JSON and every array has `asJSON`; a render error is the text of the error, not a throw.
 * Kibana's lambdas (EvalMath, ParseHjson, FormatDate) are not provided: a template using them
 * renders them as missing sections.
 */

export type Escape = 'json' | 'none';
type Variables = Record<string, unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

function expandDottedKeys(object: Record<string, unknown>) {
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (isPlainObject(value)) expandDottedKeys(value);
    if (!key.includes('.')) continue;
    const path = key.split('.');
    let target = object;
    for (const part of path.slice(0, -1)) {
      if (!isPlainObject(target[part])) target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    target[path[path.length - 1]!] = value;
  }
}

function addToStringDeep(value: unknown) {
  if (Array.isArray(value)) {
    // A dotted key's value is also reachable from its nested copy: each is prepared once.
    if (Object.hasOwn(value, 'asJSON')) return;
    Object.defineProperty(value, 'asJSON', { value: () => JSON.stringify(value) });
    value.forEach(addToStringDeep);
  } else if (isPlainObject(value)) {
    if (!Object.hasOwn(value, 'toString')) {
      Object.defineProperty(value, 'toString', { value: () => JSON.stringify(value) });
    }
    Object.values(value).forEach(addToStringDeep);
  }
}

function augmented(variables: Variables): Variables {
  const copy = JSON.parse(JSON.stringify(variables)) as Variables;
  expandDottedKeys(copy);
  addToStringDeep(copy);
  return copy;
}

const ESCAPES: Record<Escape, (value: unknown) => string> = {
  none: (value) => (value === null || value === undefined ? '' : `${value}`),
  json: (value) => {
    if (value === null || value === undefined) return '';
    const quoted = JSON.stringify(`${value}`);
    return quoted.slice(1, -1);
  },
};

function renderAugmented(template: string, variables: Variables, escape: Escape): string {
  const previous = Mustache.escape;
  Mustache.escape = ESCAPES[escape];
  try {
    return Mustache.render(`${template}`, variables);
  } catch (error) {
    return `error rendering mustache template "${template}": ${(error as Error).message}`;
  } finally {
    Mustache.escape = previous;
  }
}

export function renderMustacheString(template: string, variables: Variables, escape: Escape) {
  return renderAugmented(template, augmented(variables), escape);
}

/** Every string in `params` rendered without escaping (a JS object needs none). */
export function renderMustacheObject<Params>(params: Params, variables: Variables): Params {
  const prepared = augmented(variables);
  const render = (value: unknown): unknown => {
    if (typeof value === 'string') return renderAugmented(value, prepared, 'none');
    if (Array.isArray(value)) return value.map(render);
    if (isPlainObject(value)) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, render(item)]));
    }
    return value;
  };
  return render(params) as Params;
}
