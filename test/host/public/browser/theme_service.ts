import { BehaviorSubject } from 'rxjs';
import type { CoreTheme, ThemeServiceStart } from '@kbn/core/public';
import { CHARTS_THEME_ELEMENT_ID } from '../host_metadata';

const STORAGE_KEY = 'host:darkMode';

export interface ThemeService extends ThemeServiceStart {
  theme$: BehaviorSubject<CoreTheme>;
  setDarkMode(darkMode: boolean): void;
}

/** `core.theme` with Borealis; dark mode is the chrome's toggle, kept in localStorage. */
export function createThemeService(assetsPath: string): ThemeService {
  const theme$ = new BehaviorSubject<CoreTheme>({
    darkMode: window.localStorage.getItem(STORAGE_KEY) === 'true',
    name: 'borealis',
  });
  theme$.subscribe(({ darkMode }) => {
    const link = document.getElementById(CHARTS_THEME_ELEMENT_ID) as HTMLLinkElement | null;
    const href = `${assetsPath}/charts_${darkMode ? 'dark' : 'light'}.css`;
    if (link && !link.href.endsWith(href)) link.href = href;
    document.documentElement.style.colorScheme = darkMode ? 'dark' : 'light';
  });
  return {
    theme$,
    getTheme: () => theme$.getValue(),
    setDarkMode: (darkMode) => {
      window.localStorage.setItem(STORAGE_KEY, String(darkMode));
      theme$.next({ ...theme$.getValue(), darkMode });
    },
  };
}
