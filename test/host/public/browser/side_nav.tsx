import { type MouseEvent, type ReactElement } from 'react';
import {
  EuiCollapsibleNav,
  EuiCollapsibleNavGroup,
  EuiFlexItem,
  EuiListGroup,
  EuiText,
  type EuiListGroupItemProps,
} from '@elastic/eui';
import type { App, AppCategory, AppDeepLink, AppDeepLinkLocations } from '@kbn/core/public';
import type { ApplicationService } from './application_service';
import { useBehaviorSubject } from './use_observable';

interface SideNavProps {
  id: string;
  isOpen: boolean;
  onClose(): void;
  button: ReactElement;
  application: ApplicationService;
}

const GROUP_STORAGE_PREFIX = 'core.navGroup.';

function isModifiedOrPrevented(event: MouseEvent) {
  return event.metaKey || event.altKey || event.ctrlKey || event.shiftKey || event.defaultPrevented;
}

/** One entry of Kibana's nav links: an app, or one of its deep links that has a path. */
interface NavLink {
  id: string;
  appId: string;
  title: string;
  path?: string;
  category?: AppCategory;
  order?: number;
  euiIconType?: string;
  visibleIn: AppDeepLinkLocations[];
}

/**
 * As Kibana's nav links service: the app, then its deep links flattened (nested ones too), each with
 * the id `<appId>:<deepLinkId>` and the app's category and order. A deep link's `visibleIn`
 * defaults to ['globalSearch'], so only the ones that ask for 'sideNav' show there.
 */
function navLinksOf(app: App<unknown>): NavLink[] {
  const appLink: NavLink = {
    id: app.id,
    appId: app.id,
    title: app.title,
    category: app.category,
    order: app.order,
    euiIconType: app.euiIconType,
    visibleIn: app.visibleIn ?? ['sideNav'],
  };
  const deepLinksOf = (links: AppDeepLink[] = []): NavLink[] =>
    links.flatMap((link) => [
      ...(link.path
        ? [
            {
              ...appLink,
              id: `${app.id}:${link.id}`,
              title: link.title,
              path: link.path,
              order: link.order ?? app.order,
              visibleIn: link.visibleIn ?? ['globalSearch'],
            },
          ]
        : []),
      ...deepLinksOf(link.deepLinks),
    ]);
  return [appLink, ...deepLinksOf(app.deepLinks)];
}

/** Links the user may see in the side nav, grouped by category in category order (as Kibana). */
function groupLinks(application: ApplicationService) {
  const visible = [...application.apps.values()]
    .filter((app) => application.isAccessible(app))
    .flatMap(navLinksOf)
    .filter((link) => link.visibleIn.includes('sideNav'));
  const byOrder = (a: { order?: number }, b: { order?: number }) => (a.order ?? 0) - (b.order ?? 0);
  const categories = new Map<string, { category: AppCategory; links: NavLink[] }>();
  const uncategorized: NavLink[] = [];
  for (const link of [...visible].sort(byOrder)) {
    if (!link.category) {
      uncategorized.push(link);
      continue;
    }
    const group = categories.get(link.category.id) ?? { category: link.category, links: [] };
    group.links.push(link);
    categories.set(link.category.id, group);
  }
  const grouped = [...categories.values()].sort((a, b) => byOrder(a.category, b.category));
  return { grouped, uncategorized };
}

/** Kibana's classic collapsible navigation; docked (pushing the page) while open on wide screens. */
export function SideNav({ id, isOpen, onClose, button, application }: SideNavProps) {
  const currentAppId = useBehaviorSubject(application.currentAppId$);
  const { grouped, uncategorized } = groupLinks(application);
  // Kibana marks a link active when its id is the current app's, so a deep link never is.
  const linkOf = (link: NavLink): EuiListGroupItemProps => ({
    label: link.title,
    href: application.getUrlForApp(link.appId, { path: link.path }),
    isActive: link.id === currentAppId,
    'data-test-subj': `collapsibleNavAppLink-${link.id}`,
    onClick: (event: MouseEvent) => {
      if (isModifiedOrPrevented(event)) return;
      event.preventDefault();
      void application.navigateToApp(link.appId, { path: link.path });
    },
  });

  return (
    <EuiCollapsibleNav
      id={id}
      data-test-subj="collapsibleNav"
      aria-label="Primary"
      isOpen={isOpen}
      isDocked={isOpen}
      showButtonIfDocked
      onClose={onClose}
      button={button}
      ownFocus={false}
      size={248}
    >
      <EuiFlexItem className="eui-yScroll">
        {grouped.map(({ category, links }) => (
          <EuiCollapsibleNavGroup
            key={category.id}
            iconType={category.euiIconType}
            iconSize="m"
            title={category.label}
            isCollapsible
            initialIsOpen={
              window.localStorage.getItem(GROUP_STORAGE_PREFIX + category.id) !== 'false'
            }
            onToggle={(open) =>
              window.localStorage.setItem(GROUP_STORAGE_PREFIX + category.id, String(open))
            }
            data-test-subj={`collapsibleNavGroup-${category.id}`}
          >
            <EuiListGroup
              aria-label={`Primary navigation links, ${category.label}`}
              listItems={links.map(linkOf)}
              maxWidth="none"
              color="subdued"
            />
          </EuiCollapsibleNavGroup>
        ))}
        {uncategorized.length > 0 && (
          <EuiCollapsibleNavGroup data-test-subj="collapsibleNavGroup-noCategory">
            <EuiListGroup
              listItems={uncategorized.map((link) => ({
                ...linkOf(link),
                iconType: link.euiIconType,
              }))}
              color="text"
            />
          </EuiCollapsibleNavGroup>
        )}
        {grouped.length === 0 && uncategorized.length === 0 && (
          <EuiCollapsibleNavGroup data-test-subj="collapsibleNavEmpty">
            <EuiText size="s" color="subdued">
              <p>Your roles grant no application.</p>
            </EuiText>
          </EuiCollapsibleNavGroup>
        )}
      </EuiFlexItem>
    </EuiCollapsibleNav>
  );
}
