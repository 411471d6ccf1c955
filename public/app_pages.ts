import type { AppDeepLink } from '@kbn/core/public';

/**
 * The app's pages, in tab order. Each one is a deep link (global search, the side nav) and a tab
 * in the app; its component is wired in components/app.tsx. The first page is the landing page.
 */
export const APP_PAGES = [{ id: 'settings', title: 'Settings', path: '/settings' }] as const;

export type AppPageId = (typeof APP_PAGES)[number]['id'];

export const LANDING_PAGE = APP_PAGES[0];

export const APP_DEEP_LINKS: AppDeepLink[] = APP_PAGES.map(({ id, title, path }) => ({
  id,
  title,
  path,
  visibleIn: ['globalSearch', 'sideNav'],
}));
