export interface RoutePathMatcher {
  match(pathname: string): Record<string, string> | undefined;
}

/** Kibana (hapi) path templates: `{name}` one segment, `{name?}` optional, `{name*}` the rest. */
export function compileRoutePath(template: string): RoutePathMatcher {
  const names: string[] = [];
  const pattern = template
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)(\?|\*)?\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      if (param[2] === '*') return '(.*)';
      return param[2] === '?' ? '([^/]*)' : '([^/]+)';
    })
    .join('/');
  const regex = new RegExp(`^${pattern}/?$`);
  return {
    match(pathname) {
      const found = regex.exec(pathname);
      if (!found) return undefined;
      return Object.fromEntries(
        names.map((name, index) => [name, decodeURIComponent(found[index + 1] ?? '')])
      );
    },
  };
}
