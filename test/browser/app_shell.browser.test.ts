import { mkdirSync } from 'node:fs';
import path from 'node:path';
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

const SCREENSHOT = path.resolve(__dirname, '../../docs/screenshots/app_shell.png');

describe('the app in the host chrome, in Chromium', () => {
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
    await page.goto(`${host.url}/app/${PLUGIN_ID}`);
    return host;
  }

  async function expectAppShell(version: string) {
    const status = page.locator(subj('emtStatus'));
    await status.waitFor();
    expect(await status.innerText()).toContain(version);

    const security = page.locator(subj('collapsibleNavGroup-securitySolution'));
    expect(await security.innerText()).toContain('Security');
    const link = security.locator(subj(`collapsibleNavAppLink-${PLUGIN_ID}`));
    expect((await link.innerText()).trim()).toBe(PLUGIN_NAME);
    expect(await link.getAttribute('aria-current')).toBe('true'); // the current app is highlighted
    // Its pages are deep links, listed beside it as Kibana's classic nav does.
    const settings = security.locator(subj(`collapsibleNavAppLink-${PLUGIN_ID}:settings`));
    expect((await settings.innerText()).trim()).toBe('Settings');

    expect(await page.locator(subj('breadcrumbs')).innerText()).toContain(PLUGIN_NAME);
    expect(await page.locator(subj('userMenuButton')).count()).toBe(1);
  }

  it('shows the app under Security in the side nav, its breadcrumb and the real ES version', async () => {
    const version = await elasticsearchVersion();
    await openApp();
    await expectAppShell(version);

    await page.waitForLoadState('networkidle');
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    expect(unexpected(problems)).toEqual({ consoleErrors: [], externalRequests: [] });
  });

  it('works under a base path, for the page, its assets and the API calls', async () => {
    const version = await elasticsearchVersion();
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/internal/')) apiCalls.push(new URL(request.url()).pathname);
    });
    const started = await openApp('/kbn');
    await expectAppShell(version);
    expect(apiCalls).toContain(`/kbn${STATUS_API_PATH}`);
    expect(new URL(page.url()).pathname).toBe(`/kbn/app/${PLUGIN_ID}/settings`);

    // The server root leads to the app, inside the base path.
    await page.goto(new URL(started.url).origin);
    await page.locator(subj('emtStatus')).waitFor();
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

    expect(new URL(page.url()).pathname).toBe(`/app/${PLUGIN_ID}/settings`);
    expect(await page.locator(subj('appNotFoundPageContent')).innerText()).toContain(
      'Application Not Found'
    );
    expect(await page.locator(subj(`collapsibleNavAppLink-${PLUGIN_ID}`)).count()).toBe(0);
    expect(await page.locator(subj('collapsibleNavEmpty')).count()).toBe(1);
    expect(await page.locator(subj('emtApp')).count()).toBe(0);
    await page.locator(subj('userMenuButton')).click();
    expect(await page.locator(subj('userMenuUsername')).innerText()).toBe('no_access');
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
