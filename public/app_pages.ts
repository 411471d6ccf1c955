import type { AppDeepLink } from '@kbn/core/public';

/**
 * The app's pages, in tab order. Each one is a deep link (global search, the side nav) and a tab
 * in the app; its component is wired in components/app.tsx.
 */
export const APP_PAGES = [
  { id: 'delivery_status', title: 'Delivery status', path: '/delivery_status' },
  { id: 'suspicious_senders', title: 'Suspicious senders', path: '/suspicious_senders' },
  { id: 'messages', title: 'Messages', path: '/messages' },
  { id: 'campaign', title: 'Campaigns', path: '/campaign' },
  { id: 'settings', title: 'Settings', path: '/settings' },
  { id: 'import', title: 'Import files', path: '/import', requiresManage: true },
] as const;

export type AppPageId = (typeof APP_PAGES)[number]['id'];

/**
 * Where the app opens: Delivery status, what analysts come for, once there is a connection;
 * before one, Settings, where it is made (the views would have nothing to show).
 */
export const landingPageFor = (hasConnections: boolean) =>
  APP_PAGES.find(({ id }) => id === (hasConnections ? 'delivery_status' : 'settings'))!;

const needsManage = (page: (typeof APP_PAGES)[number]) => 'requiresManage' in page;

/** The tabs a user gets: a page that changes data only with the feature's `manage` capability. */
export const pagesFor = (canManage: boolean) =>
  APP_PAGES.filter((page) => canManage || !needsManage(page));

/**
 * Deep links are registered once, for every user (narrowing them per user takes an `updater$`),
 * so a page for `manage` only is reached from its tab.
 */
export const APP_DEEP_LINKS: AppDeepLink[] = pagesFor(false).map(({ id, title, path }) => ({
  id,
  title,
  path,
  visibleIn: ['globalSearch', 'sideNav'],
}));
