import { readFileSync } from 'node:fs';
import { Client } from '@elastic/elasticsearch';
import type { Page } from 'playwright-core';
import { CONNECTION_DEFAULTS } from '../../common/connection';
import { PLUGIN_ID } from '../../common/constants';
import { dataStreamName } from '../../server/lib/data_stream/data_stream_name';
import { CONNECTION_SAVED_OBJECT_TYPE } from '../../server/saved_objects/connection_type';
import { FILE_FIXTURES, fixturePath } from '../fixtures/files/fixture_files';
import { exchangeMessageTracePlugin } from '../host/exchange_message_trace_plugin';
import type { KibanaHost } from '../host/kibana_host';
import { createPageHandler } from '../host/public/page_handler';
import { esUrl, startTestHost } from '../host/test_support';
import {
  launchChromium,
  subj,
  unexpected,
  watchPage,
  type LaunchedChromium,
  type PageProblems,
} from './chromium';
import { saveScreenshot } from './screenshots';

const IMPORT_PATH = `/app/${PLUGIN_ID}/import`;
/** Windows PowerShell 5.1's Export-Csv, with three broken rows among eight. */
const FIXTURE = FILE_FIXTURES.powershell51;
/** kibana.yml's upload limit: above the fixture, below two Graph NDJSON files end to end. */
const MAX_UPLOAD_BYTES = 3000;

describe('the import files page in Chromium, on a secured host', () => {
  let chromium: LaunchedChromium;
  let host: KibanaHost;
  let page: Page;
  let problems: PageProblems;
  const es = new Client({ node: esUrl() });
  const namespace = `import_page_${Date.now()}`;
  let connectionId: string;

  beforeAll(async () => {
    [chromium, host] = await Promise.all([
      launchChromium(),
      startTestHost({
        plugins: [exchangeMessageTracePlugin()],
        pages: createPageHandler,
        config: { exchange_message_trace: { files: { maxUploadBytes: MAX_UPLOAD_BYTES } } },
      }),
    ]);
    // A connection that never collects: the import takes its local domains and namespace.
    const now = new Date().toISOString();
    const connection = await host.savedObjects
      .repository([CONNECTION_SAVED_OBJECT_TYPE])
      .create(CONNECTION_SAVED_OBJECT_TYPE, {
        ...CONNECTION_DEFAULTS,
        name: 'Contoso',
        tenantId: 'contoso.onmicrosoft.com',
        clientId: '00000000-0000-4000-8000-000000000001',
        authMethod: 'secret',
        localDomains: ['contoso.com'],
        namespace,
        enabled: false,
        createdAt: now,
        updatedAt: now,
      });
    connectionId = connection.id;
  });

  afterAll(async () => {
    await chromium?.close();
    await host?.stop();
    await es.close();
  });

  beforeEach(async () => {
    await chromium.context.clearCookies();
    page = await chromium.context.newPage();
    problems = watchPage(page);
  });

  afterEach(async () => {
    expect(unexpected(problems)).toEqual({ consoleErrors: [], externalRequests: [] });
    await page.close();
  });

  async function openAs(username: string) {
    const next = encodeURIComponent(IMPORT_PATH);
    await page.goto(`${host.url}/host/login?user=${username}&next=${next}`);
    await page.locator(subj('emtApp')).waitFor();
  }

  /** Clicks Import and waits for the bar to fill and the result to show. */
  async function importFile() {
    await page.locator(subj('emtImportStart')).click();
    await page.locator(`${subj('emtImportProgress')}[data-phase="done"]`).waitFor();
    const progress = page.locator(subj('emtImportProgress'));
    const size = String(readFileSync(fixturePath(FIXTURE)).length);
    expect(await progress.getAttribute('max')).toBe(size);
    expect(await progress.getAttribute('value')).toBe(size);
    const result = page.locator(subj('emtImportResult'));
    await result.waitFor();
    const stat = async (id: string) =>
      Number((await result.locator(subj(`emtImportStat-${id}`)).innerText()).match(/^\d+/)?.[0]);
    return {
      result,
      rows: await stat('rows'),
      created: await stat('created'),
      present: await stat('present'),
      rejected: await stat('rejected'),
    };
  }

  it('uploads an export as mail_admin: progress, rejected rows by line, then nothing new', async () => {
    await openAs('mail_admin');
    await page.locator(subj('emtImportFilesPage')).waitFor();
    expect(await page.locator(subj('emtTab-import')).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator(subj('breadcrumbs')).innerText()).toContain('Import files');

    await page.locator(subj('emtImportFilePicker')).setInputFiles(fixturePath(FIXTURE));
    const connection = page.locator(subj('emtImportConnection'));
    await connection.locator(`option[value="${connectionId}"]`).waitFor({ state: 'attached' });
    await connection.selectOption(connectionId);

    const first = await importFile();
    expect(first).toMatchObject({ rows: 8, created: 5, present: 0, rejected: 3 });
    const lines = await first.result
      .locator('[data-test-subj^="emtRejectedRow-"]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-test-subj')));
    expect(lines).toEqual(['emtRejectedRow-8', 'emtRejectedRow-9', 'emtRejectedRow-10']);
    expect(await first.result.locator(subj('emtRejectedRow-9')).innerText()).toContain(
      'id is missing'
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      first.result.locator(subj('emtDownloadRejected')).click(),
    ]);
    expect(download.suggestedFilename()).toBe('get_messagetrace_ps51_en_us-rejected-rows.csv');
    const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(csv[0]).toBe('file,line,reason');
    expect(csv).toContain(`${FIXTURE},9,id is missing`);

    // The whole page in one view (a full-page capture would repeat the fixed header), unfocused.
    await first.result.locator(subj('emtDownloadRejected')).blur();
    await page.setViewportSize({ width: 1280, height: 1260 });
    await saveScreenshot(page, 'import_files.png');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Written with mail_admin's own privileges, into the connection's namespace.
    const index = dataStreamName(undefined, namespace);
    await es.indices.refresh({ index });
    expect((await es.count({ index })).count).toBe(5);

    const second = await importFile();
    expect(second).toMatchObject({ rows: 8, created: 0, present: 5, rejected: 3 });
    await es.indices.refresh({ index });
    expect((await es.count({ index })).count).toBe(5);
  });

  it('says a file is above the kibana.yml limit, naming the limit', async () => {
    const graphRows = readFileSync(fixturePath(FILE_FIXTURES.graphNdjson));
    const buffer = Buffer.concat([graphRows, graphRows]);
    expect(buffer.length).toBeGreaterThan(MAX_UPLOAD_BYTES);
    await openAs('mail_admin');
    await page
      .locator(subj('emtImportFilePicker'))
      .setInputFiles({ name: 'twice.ndjson', mimeType: 'application/x-ndjson', buffer });
    await page.locator(subj('emtImportStart')).click();
    const toast = page.locator('.euiToast', { hasText: 'twice.ndjson is too large to upload' });
    await toast.waitFor();
    expect(await toast.innerText()).toContain(
      'larger than 2.9 KB, the upload limit set in kibana.yml'
    );
    expect(await page.locator(subj('emtImportResult')).count()).toBe(0);
    // Chromium logs the refused request itself: the one console error this test expects.
    expect(unexpected(problems).consoleErrors).toEqual([
      expect.stringContaining('the server responded with a status of 413'),
    ]);
    problems.consoleErrors = [];
  });

  it('gives a soc_analyst, who may only read, no Import tab and no import page', async () => {
    await openAs('soc_analyst');
    // The import page is not theirs: the app lands where an analyst with a connection lands.
    await page.locator(subj('emtDeliveryStatusPage')).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/${PLUGIN_ID}/delivery_status`);
    expect(await page.locator(subj('emtTab-settings')).count()).toBe(1);
    expect(await page.locator(subj('emtTab-import')).count()).toBe(0);
    expect(await page.locator(subj('emtImportFilesPage')).count()).toBe(0);
  });
});
