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
