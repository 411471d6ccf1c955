import { PLUGIN_ID } from '../constants';

/**
 * Paths into our pages that explain an alert. They are relative to Kibana's base URL and carry the
 * space, so a message can put `{{kibanaBaseUrl}}` in front of them (and the framework's
 * getViewInAppRelativeUrl gets them without it, adding the space itself).
 */
export type AppPage = 'suspicious_senders' | 'messages' | 'delivery_status' | 'settings';

export function appPath(page: AppPage, query: Record<string, string | undefined> = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
  const text = search.toString();
  return `/app/${PLUGIN_ID}/${page}${text ? `?${text}` : ''}`;
}

/** The path as seen from the space's root: Kibana's default space has no prefix. */
export function inSpace(spaceId: string, path: string) {
  return spaceId === 'default' ? path : `/s/${encodeURIComponent(spaceId)}${path}`;
}

/**
 * The connections and namespaces a rule reads, as the pages' URL names them (VIEW_SCOPE_PARAMS in
 * public/components/view_filters/use_view_scope.ts): its link opens the page over what it judged.
 */
export const sourcesQuery = ({
  connectionIds,
  namespaces,
}: {
  connectionIds?: readonly string[];
  namespaces?: readonly string[];
}) => ({ connections: connectionIds?.join(','), namespaces: namespaces?.join(',') });
