import { useState } from 'react';
import {
  EuiAvatar,
  EuiContextMenuItem,
  EuiContextMenuPanel,
  EuiHeaderSectionItemButton,
  EuiHorizontalRule,
  EuiPopover,
  EuiPopoverTitle,
  EuiText,
  EuiTextColor,
} from '@elastic/eui';
import type { HostMetadata } from '../host_metadata';
import type { ThemeService } from './theme_service';
import { useBehaviorSubject } from './use_observable';

interface UserMenuProps {
  metadata: HostMetadata;
  theme: ThemeService;
}

/** Kibana's user menu, plus the host's user switcher (`/host/login`) and the dark-mode toggle. */
export function UserMenu({ metadata, theme }: UserMenuProps) {
  const [isOpen, setIsOpen] = useState(false);
  const { darkMode } = useBehaviorSubject(theme.theme$);
  const { user, users, basePath } = metadata;
  const next = `${window.location.pathname}${window.location.search}`;
  const switchHref = (username: string) =>
    `${basePath}/host/login?${new URLSearchParams({ user: username, next }).toString()}`;

  const items = [
    ...users
      .filter((other) => other.username !== user.username)
      .map((other) => (
        <EuiContextMenuItem
          key={other.username}
          icon="user"
          href={switchHref(other.username)}
          data-test-subj={`hostSwitchUser-${other.username}`}
        >
          Switch to {other.fullName} <EuiTextColor color="subdued">({other.username})</EuiTextColor>
        </EuiContextMenuItem>
      )),
    <EuiHorizontalRule key="separator" margin="none" />,
    <EuiContextMenuItem
      key="colorMode"
      icon={darkMode ? 'sun' : 'moon'}
      data-test-subj="hostColorModeToggle"
      onClick={() => theme.setDarkMode(!darkMode)}
    >
      {darkMode ? 'Light mode' : 'Dark mode'}
    </EuiContextMenuItem>,
  ];

  return (
    <EuiPopover
      id="hostUserMenu"
      data-test-subj="userMenu"
      anchorPosition="downRight"
      panelPaddingSize="none"
      isOpen={isOpen}
      closePopover={() => setIsOpen(false)}
      button={
        <EuiHeaderSectionItemButton
          aria-controls="hostUserMenu"
          aria-expanded={isOpen}
          aria-haspopup="true"
          aria-label="Account menu"
          data-test-subj="userMenuButton"
          onClick={() => setIsOpen(!isOpen)}
        >
          <EuiAvatar name={user.fullName} size="s" />
        </EuiHeaderSectionItemButton>
      }
    >
      <EuiPopoverTitle paddingSize="s">
        <span data-test-subj="userMenuFullName">{user.fullName}</span>
        <EuiText size="xs" color="subdued" data-test-subj="userMenuUsername">
          {user.username}
        </EuiText>
      </EuiPopoverTitle>
      <EuiContextMenuPanel items={items} />
    </EuiPopover>
  );
}
