import { type MouseEvent, type ReactElement } from 'react';
import {
  EuiCollapsibleNav,
  EuiCollapsibleNavGroup,
  EuiFlexItem,
  EuiListGroup,
  EuiText,
  type EuiListGroupItemProps,
} from '@elastic/eui';
import type { App, AppCategory } from '@kbn/core/public';
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

/** Apps the user may see in the side nav, grouped by category in category order (as Kibana). */
function groupApps(application: ApplicationService) {
  const visible = [...application.apps.values()].filter(
    (app) => (app.visibleIn ?? ['sideNav']).includes('sideNav') && application.isAccessible(app)
  );
  const byOrder = (a: { order?: number }, b: { order?: number }) => (a.order ?? 0) - (b.order ?? 0);
  const categories = new Map<string, { category: AppCategory; apps: App<unknown>[] }>();
  const uncategorized: App<unknown>[] = [];
  for (const app of [...visible].sort(byOrder)) {
    if (!app.category) {
      uncategorized.push(app);
      continue;
    }
    const group = categories.get(app.category.id) ?? { category: app.category, apps: [] };
    group.apps.push(app);
    categories.set(app.category.id, group);
  }
  const grouped = [...categories.values()].sort((a, b) => byOrder(a.category, b.category));
  return { grouped, uncategorized };
}

/** Kibana's classic collapsible navigation; docked (pushing the page) while open on wide screens. */
export function SideNav({ id, isOpen, onClose, button, application }: SideNavProps) {
  const currentAppId = useBehaviorSubject(application.currentAppId$);
  const { grouped, uncategorized } = groupApps(application);
  const linkOf = (app: App<unknown>): EuiListGroupItemProps => ({
    label: app.title,
    href: application.getUrlForApp(app.id),
    isActive: app.id === currentAppId,
    'data-test-subj': `collapsibleNavAppLink-${app.id}`,
    onClick: (event: MouseEvent) => {
      if (isModifiedOrPrevented(event)) return;
      event.preventDefault();
      void application.navigateToApp(app.id);
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
        {grouped.map(({ category, apps }) => (
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
              listItems={apps.map(linkOf)}
              maxWidth="none"
              color="subdued"
            />
          </EuiCollapsibleNavGroup>
        ))}
        {uncategorized.length > 0 && (
          <EuiCollapsibleNavGroup data-test-subj="collapsibleNavGroup-noCategory">
            <EuiListGroup
              listItems={uncategorized.map((app) => ({
                ...linkOf(app),
                iconType: app.euiIconType,
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
