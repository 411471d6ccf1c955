import { useState } from 'react';
import {
  EuiHeader,
  EuiHeaderBreadcrumbs,
  EuiHeaderLogo,
  EuiHeaderSection,
  EuiHeaderSectionItem,
  EuiHeaderSectionItemButton,
  EuiIcon,
  useGeneratedHtmlId,
} from '@elastic/eui';
import type { HostMetadata } from '../host_metadata';
import type { ApplicationService } from './application_service';
import type { ChromeService } from './chrome_service';
import { MountPointSlot } from './mount_point_slot';
import { SideNav } from './side_nav';
import type { ThemeService } from './theme_service';
import { useBehaviorSubject } from './use_observable';
import { UserMenu } from './user_menu';

interface HeaderProps {
  metadata: HostMetadata;
  application: ApplicationService;
  chrome: ChromeService;
  theme: ThemeService;
}

const NAV_OPEN_KEY = 'host:navIsOpen';

/** Kibana's classic header: a dark bar (logo, user menu) over breadcrumbs and the app's menu. */
export function Header({ metadata, application, chrome, theme }: HeaderProps) {
  const navId = useGeneratedHtmlId({ prefix: 'hostPrimaryNav' });
  const [isNavOpen, setNavOpen] = useState(
    () => window.localStorage.getItem(NAV_OPEN_KEY) !== 'false'
  );
  const setNav = (open: boolean) => {
    window.localStorage.setItem(NAV_OPEN_KEY, String(open));
    setNavOpen(open);
  };
  const breadcrumbs = useBehaviorSubject(chrome.breadcrumbs$);
  const actionMenu = useBehaviorSubject(chrome.actionMenu$);
  const homeHref = `${metadata.basePath}/`;

  return (
    <header className="headerGlobalNav" data-test-subj="headerGlobalNav">
      <EuiHeader
        theme="dark"
        position="fixed"
        sections={[
          {
            items: [
              <EuiHeaderLogo
                key="logo"
                iconType="logoElastic"
                href={homeHref}
                aria-label="Elastic home"
              >
                Elastic
              </EuiHeaderLogo>,
            ],
          },
          {
            items: [<UserMenu key="user" metadata={metadata} theme={theme} />],
          },
        ]}
      />
      <EuiHeader position="fixed">
        <EuiHeaderSection grow={false}>
          <EuiHeaderSectionItem>
            <SideNav
              id={navId}
              isOpen={isNavOpen}
              onClose={() => setNav(false)}
              application={application}
              button={
                <EuiHeaderSectionItemButton
                  aria-label="Toggle primary navigation"
                  data-test-subj="toggleNavButton"
                  onClick={() => setNav(!isNavOpen)}
                >
                  <EuiIcon type="menu" size="m" aria-hidden />
                </EuiHeaderSectionItemButton>
              }
            />
          </EuiHeaderSectionItem>
        </EuiHeaderSection>
        <EuiHeaderBreadcrumbs
          aria-label="Breadcrumbs"
          data-test-subj="breadcrumbs"
          breadcrumbs={breadcrumbs.map((breadcrumb, index) => ({
            ...breadcrumb,
            'data-test-subj':
              breadcrumb['data-test-subj'] ??
              `breadcrumb${index === breadcrumbs.length - 1 ? ' last' : ''}`,
          }))}
        />
        <EuiHeaderSection side="right">
          <EuiHeaderSectionItem>
            {actionMenu && (
              <MountPointSlot mount={actionMenu} data-test-subj="headerAppActionMenu" />
            )}
          </EuiHeaderSectionItem>
        </EuiHeaderSection>
      </EuiHeader>
    </header>
  );
}
