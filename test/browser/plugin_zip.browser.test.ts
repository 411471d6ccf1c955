import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PLUGIN_NAME, STATUS_API_PATH } from '../../common/constants';
import {
  bundlePath,
  createKibanaPageHandler,
  type KibanaPageOptions,
} from '../build/kibana_page/page_handler';
import { buildAndUnpack, PLUGIN_ID, TEST_KIBANA_VERSION, type BuiltZip } from '../build/plugin_zip';
import type { HostedPlugin } from '../host/host_plugin';
import type { KibanaHost } from '../host/kibana_host';
import { sessionCookie, startTestHost } from '../host/test_support';
import { launchChromium, watchPage, type LaunchedChromium, type PageProblems } from './chromium';
import { saveScreenshot } from './screenshots';

// Kibana answers the zip's require('@kbn/config-schema'); under jest the host's stand-in does.
jest.mock('@kbn/config-schema', () => jest.requireActual('../host/kbn_modules/config_schema'), {
  virtual: true,
});

const subj = (id: string) => `[data-test-subj="${id}"]`;

/** The zip's server half, from the unpacked folder, so the app talks to the zip's own routes. */
function zipServerPlugin(pluginDir: string): HostedPlugin {
  const manifest = JSON.parse(readFileSync(path.join(pluginDir, 'kibana.json'), 'utf8'));
  return {
    id: manifest.id,
    configPath: manifest.configPath[0],
    requiredPlugins: manifest.requiredPlugins,
    optionalPlugins: manifest.optionalPlugins,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    load: async () => require(path.join(pluginDir, 'server', 'index.js')),
  };
}

describe('the plugin zip’s browser bundle, loaded the way Kibana 9.5 loads it', () => {
  let built: BuiltZip;
  let host: KibanaHost;
  let chromium: LaunchedChromium;
  let page: Page;
  let problems: PageProblems;
  let options: KibanaPageOptions;
  const requested: string[] = [];
  const failed: string[] = [];
  const cacheControl = new Map<string, string | undefined>();

  beforeAll(async () => {
    built = await buildAndUnpack();
    const manifest = JSON.parse(readFileSync(path.join(built.pluginDir, 'kibana.json'), 'utf8'));
    options = {
      pluginId: PLUGIN_ID,
      pluginVersion: manifest.version,
      kibanaVersion: TEST_KIBANA_VERSION,
      publicDir: path.join(built.pluginDir, 'target', 'public'),
    };
    host = await startTestHost({
      plugins: [zipServerPlugin(built.pluginDir)],
      pages: () => createKibanaPageHandler(options),
    });
    chromium = await launchChromium();
    await chromium.context.addCookies([await sessionCookie(host, 'elastic')]);
    page = await chromium.context.newPage();
    problems = watchPage(page);
    page.on('request', (request) => requested.push(request.url()));
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      cacheControl.set(response.url(), response.headers()['cache-control']);
    });
  });

  afterAll(async () => {
    await chromium?.close();
    await host?.stop();
    if (built) rmSync(built.outDir, { recursive: true, force: true });
  });

  it('registers with __kbnBundles__, runs setup and start, and loads no app code yet', async () => {
    await page.goto(`${host.url}/app/${PLUGIN_ID}`);
    await page.waitForFunction(() => window.__harness?.state.setupDone === true);
    expect(await page.evaluate(() => window.__harness.state.appIds)).toEqual([PLUGIN_ID]);
    const entry = `${host.url}${bundlePath(options)}${PLUGIN_ID}.plugin.js`;
    expect(requested).toContain(entry);
    // Under the zip's own version, which names its browser code, and cached as Kibana caches it.
    expect(options.pluginVersion).toMatch(/-public-[0-9a-f]{12}$/);
    expect(cacheControl.get(entry)).toBe('public, max-age=31536000, immutable');
    // The app page is a lazy chunk: Kibana's start-up pays only for the entry.
    expect(requested.filter((url) => url.includes('.chunk.'))).toEqual([]);
  });

  it('mounts the app, fetching its chunk from the public path, with React and EUI from Kibana', async () => {
    await page.evaluate(() => window.__harness.mount());
    const status = page.locator(subj('emtStatus'));
    await status.waitFor();
    expect(await page.locator('h1').innerText()).toBe(PLUGIN_NAME);
    expect(await status.innerText()).toContain(TEST_KIBANA_VERSION);
    expect(await page.evaluate(() => window.__harness.state)).toMatchObject({
      mounted: true,
      breadcrumbs: [PLUGIN_NAME, 'Settings'],
    });

    // The app's chunks (the page, and code it shares with the lazy rule editors), each from the
    // public path and nowhere else.
    const chunks = requested.filter((url) => url.includes('.chunk.'));
    expect(chunks.length).toBeGreaterThan(0);
    const publicPath = `${host.url}${bundlePath(options)}${PLUGIN_ID}.chunk.`;
    expect(
      chunks.filter((chunk) => !chunk.startsWith(publicPath) || !/\.chunk\.\d+\.js$/.test(chunk))
    ).toEqual([]);
    expect(requested).toContain(`${host.url}${STATUS_API_PATH}`);
    // EUI rendered through the shared instance: its Emotion styles are on the page.
    expect(await page.locator('style[data-emotion]').count()).toBeGreaterThan(0);

    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'plugin_zip.png');
    expect(failed).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], externalRequests: [] });
  });
});
