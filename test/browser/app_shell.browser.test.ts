import type { Page } from 'playwright-core';
import { PLUGIN_ID, PLUGIN_NAME, STATUS_API_PATH } from '../../common/constants';
import { exchangeMessageTracePlugin } from '../host/exchange_message_trace_plugin';
import type { KibanaHost } from '../host/kibana_host';
import { createPageHandler } from '../host/public/page_handler';
import { elasticsearchVersion, startTestHost } from '../host/test_support';
import {
  launchChromium,
  subj,
  unexpected,
  watchPage,
  type LaunchedChromium,
  type PageProblems,
} from './chromium';
import { saveScreenshot } from './screenshots';

describe('the app in Chromium', () => {
  let chromium: LaunchedChromium;
  let host: KibanaHost | undefined;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    chromium = await launchChromium();
  });

  afterAll(async () => {
    await chromium?.close();
  });

  beforeEach(async () => {
    await chromium.context.clearCookies();
    page = await chromium.context.newPage();
    problems = watchPage(page);
  });

  afterEach(async () => {
    await page?.close();
    await host?.stop();
    host = undefined;
  });

  async function openApp(basePath?: string) {
    host = await startTestHost({
      plugins: [exchangeMessageTracePlugin()],
      pages: createPageHandler,
      port: 0,
      ...(basePath ? { basePath } : {}),
    });
    // No session yet: the login page, as Kibana's, then the app.
    await page.goto(`${host.url}/app/${PLUGIN_ID}`);
    await page.locator('[data-test-subj="hostLogin-elastic"]').click();
    return host;
  }

  /**
   * What the plugin puts on the page: its status line with the node's version, and its
   * breadcrumbs. Where the chrome lists the app (category, deep links) is the registration, which
   * public/plugin.test.ts checks.
   */
  async function expectApp(version: string) {
    const status = page.locator(subj('emtStatus'));
    await status.waitFor();
    expect(await status.innerText()).toContain(version);
    const breadcrumbs = await page.locator(subj('breadcrumbs')).innerText();
    expect(breadcrumbs).toContain(PLUGIN_NAME);
    expect(breadcrumbs).toContain('Settings');
  }

  it('shows the app with its breadcrumbs and the real Elasticsearch version', async () => {
    const version = await elasticsearchVersion();
    await openApp();
    await expectApp(version);

    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'app_shell.png');

    expect(unexpected(problems)).toEqual({ consoleErrors: [], externalRequests: [] });
  });

  it('works under a base path, for the page, its assets and the API calls', async () => {
    const version = await elasticsearchVersion();
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/internal/')) apiCalls.push(new URL(request.url()).pathname);
    });
    await openApp('/kbn');
    await expectApp(version);
    expect(apiCalls).toContain(`/kbn${STATUS_API_PATH}`);
    expect(new URL(page.url()).pathname).toBe(`/kbn/app/${PLUGIN_ID}/settings`);

    expect(unexpected(problems)).toEqual({ consoleErrors: [], externalRequests: [] });
  });

  it('hides the app from a user without the feature, and the API answers 403', async () => {
    await openApp();
    await page.locator(subj('emtStatus')).waitFor();

    // The user switcher in the user menu.
    await page.locator(subj('userMenuButton')).click();
    await page.locator(subj('hostSwitchUser-no_access')).click();
    await page.locator(subj('appNotFoundPageContent')).waitFor();

    expect(await page.locator(subj('emtApp')).count()).toBe(0);
    expect(unexpected(problems)).toEqual({ consoleErrors: [], externalRequests: [] });

    // What the app would have called, with this user's session cookie.
    const answer = await page.evaluate(async (url) => {
      const response = await fetch(url, { headers: { 'x-elastic-internal-origin': 'Kibana' } });
      return { status: response.status, body: (await response.json()) as { message: string } };
    }, STATUS_API_PATH);
    expect(answer.status).toBe(403);
    expect(answer.body.message).toContain('is unauthorized for user');
  });
});
