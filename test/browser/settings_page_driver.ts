import type { Locator, Page } from 'playwright-core';
import { PLUGIN_ID } from '../../common/constants';
import type { TestStepId, TestStepOutcome } from '../../common/http_api/connections';
import { subj } from './chromium';
import { saveScreenshot } from './screenshots';

const SETTINGS_PATH = `/app/${PLUGIN_ID}/settings`;

export interface NewConnection {
  name: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  localDomain: string;
  namespace?: string;
}

/** The settings page as a user drives it: the flyout, the test, the table, the chrome's menu. */
export class SettingsPageDriver {
  constructor(
    private readonly page: Page,
    private readonly hostUrl: string
  ) {}

  /** Logs in through the host's user switcher, straight onto the settings page. */
  async open(username: string) {
    const next = encodeURIComponent(SETTINGS_PATH);
    await this.page.goto(`${this.hostUrl}/host/login?user=${username}&next=${next}`);
    await this.page.locator(subj('emtSettingsPage')).waitFor();
    await this.page.locator(subj('emtStatus')).waitFor();
  }

  /** Opens the create flyout and fills it in as typed; returns the flyout. */
  async fillNewConnection(connection: NewConnection): Promise<Locator> {
    await this.page.locator(subj('emtCreateConnection')).click();
    const flyout = this.page.locator(subj('emtConnectionFlyout'));
    await flyout.locator(subj('emtField-name')).fill(connection.name);
    await flyout.locator(subj('emtField-tenantId')).fill(connection.tenantId);
    await flyout.locator(subj('emtField-clientId')).fill(connection.clientId);
    await flyout.locator(subj('emtField-clientSecret')).fill(connection.clientSecret);
    const domains = flyout.locator(`${subj('emtField-localDomains')} input`);
    await domains.fill(connection.localDomain);
    await domains.press('Enter');
    if (connection.namespace) {
      await flyout.locator(subj('emtField-namespace')).fill(connection.namespace);
    }
    return flyout;
  }

  /** Clicks Test and reads each step's outcome (`data-outcome`) off the page. */
  async testConnection(flyout: Locator) {
    await flyout.locator(subj('emtTestConnection')).click();
    await flyout.locator(subj('emtTestResults')).waitFor();
    const outcomes = await flyout
      .locator('[data-test-subj^="emtTestStep-"]')
      .evaluateAll((steps) =>
        steps.map((step) => [
          step.getAttribute('data-test-subj')!.replace('emtTestStep-', ''),
          step.getAttribute('data-outcome'),
        ])
      );
    return Object.fromEntries(outcomes) as Record<TestStepId, TestStepOutcome>;
  }

  stepText(flyout: Locator, id: TestStepId) {
    return flyout.locator(subj(`emtTestStep-${id}`)).innerText();
  }

  /** Cancels a filled form: the page asks first, and the typed values are discarded. */
  async discardFlyout(flyout: Locator) {
    await flyout.locator(subj('emtCancelConnection')).click();
    await this.page
      .locator(`${subj('emtDiscardConfirm')} ${subj('confirmModalConfirmButton')}`)
      .click();
    await flyout.waitFor({ state: 'detached' });
  }

  /** The table row of the connection named `name`, and its id. */
  async row(name: string) {
    const row = this.page.locator('[data-test-subj^="emtConnectionRow-"]', { hasText: name });
    const id = (await row.getAttribute('data-test-subj'))!.replace('emtConnectionRow-', '');
    return { row, id };
  }

  /** The row's "N documents" once N is at least `min`; the table polls for it. */
  async documentsLastRun(id: string, min: number) {
    const handle = await this.page.waitForFunction(
      ({ selector, min }) => {
        const text = document.querySelector(selector)?.textContent?.trim() ?? '';
        const digits = /^([\d,]+) documents$/.exec(text)?.[1]?.replace(/,/g, '');
        const count = digits === undefined ? NaN : Number(digits);
        return count >= min && { count };
      },
      { selector: subj(`emtDocumentsLastRun-${id}`), min },
      { timeout: 45_000 }
    );
    return ((await handle.jsonValue()) as { count: number }).count;
  }

  /** The text of each cell of `row` whose content is wider than the cell. */
  overflowingCells(row: Locator) {
    return row
      .locator('.euiTableCellContent')
      .evaluateAll((cells) =>
        cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent)
      );
  }

  async dismissToasts() {
    for (const close of await this.page.locator(subj('toastCloseButton')).all()) {
      await close.click();
    }
    await this.page.waitForFunction(() => document.querySelectorAll('.euiToast').length === 0);
  }

  async screenshot(name: string) {
    await saveScreenshot(this.page, name);
  }

  /** The host chrome's dark-mode toggle, in the user menu. */
  async setDarkMode(darkMode: boolean) {
    const scheme = darkMode ? 'dark' : 'light';
    const current = await this.page.evaluate(() => document.documentElement.style.colorScheme);
    if (current === scheme) return;
    await this.page.locator(subj('userMenuButton')).click();
    const toggle = this.page.locator(subj('hostColorModeToggle'));
    await toggle.click();
    await this.page.keyboard.press('Escape');
    await toggle.waitFor({ state: 'detached' });
    // The menu hands focus back to its button; a screenshot should not show the focus ring.
    await this.page.locator(subj('userMenuButton')).blur();
    await this.page.waitForFunction(
      (expected) => document.documentElement.style.colorScheme === expected,
      scheme
    );
  }
}
