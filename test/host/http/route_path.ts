export interface RoutePathMatcher {
  /** The path's parameters when it matches; an absent optional or wildcard parameter is left out. */
  match(pathname: string): Record<string, string> | undefined;
  /**
   * The shapes hapi files the route under (`/x/?` for `/x/{id}`); two routes of one method sharing a
   * shape conflict. An optional last parameter also files the path without it.
   */
  fingerprints: string[];
}

interface Segment {
  pattern: string;
  finger: string;
  name?: string;
  optional?: boolean;
}

const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');

function segmentOf(text: string): Segment {
  const param = /^\{(\w+)(\?|\*)?\}$/.exec(text);
  if (!param) return { pattern: `/${escape(text)}`, finger: text };
  const [, name, kind] = param;
  if (kind === '*') return { pattern: '(?:/(.*))?', finger: '#', name, optional: true };
  if (kind === '?') return { pattern: '(?:/([^/]*))?', finger: '?', name, optional: true };
  return { pattern: '/([^/]+)', finger: '?', name };
}

/**
 * Kibana (hapi) path templates: `{name}` one segment, `{name?}` an optional last segment, `{name*}`
 * the rest. Kibana sets no hapi router options, so matching is case-sensitive and a trailing slash
 * is part of the path: `/x/` does not match `/x`.
 * Kibana: src/platform/packages/shared/kbn-server-http-tools/src/get_server_options.ts @ 0a5ca8f2;
 * hapi: hapijs/call lib/index.js @ 0ab8b837 (`analyze`, and `add` filing an optional last segment).
 */
export function compileRoutePath(template: string): RoutePathMatcher {
  const segments = template.split('/').slice(1).map(segmentOf);
  const names = segments.flatMap((segment) => (segment.name ? [segment.name] : []));
  const regex = new RegExp(`^${segments.map((segment) => segment.pattern).join('')}$`);
  const fingerprint = (parts: Segment[]) => `/${parts.map((segment) => segment.finger).join('/')}`;
  const last = segments[segments.length - 1];
  const fingerprints =
    last?.optional && last.finger === '?'
      ? [fingerprint(segments), fingerprint(segments.slice(0, -1))]
      : [fingerprint(segments)];
  return {
    fingerprints,
    match(pathname) {
      const found = regex.exec(pathname);
      if (!found) return undefined;
      return Object.fromEntries(
        names.flatMap((name, index) => {
          const value = found[index + 1];
          return value === undefined ? [] : [[name, decodeURIComponent(value)]];
        })
      );
    },
  };
}
