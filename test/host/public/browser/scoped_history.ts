import { createBrowserHistory } from 'history';
import type { ScopedHistory } from '@kbn/core/public';

/**
 * Stands in for Kibana's ScopedHistory: a browser history rooted at the app's base path
 * (`<basePath>/app/<appId>`), so `history.push('/x')` goes to `<basePath>/app/<appId>/x`.
 */
export function createScopedHistory(basename: string): ScopedHistory {
  const history = createBrowserHistory({ basename });
  return Object.assign(history, {
    createSubHistory: (subPath: string) => createScopedHistory(`${basename}${subPath}`),
  }) as unknown as ScopedHistory;
}
