import { Client } from '@elastic/elasticsearch';
import type { Page } from 'playwright-core';
import {
  CONNECTIONS_API_PATH,
  DISCOVER_DOMAINS_API_PATH,
  TEST_CONNECTION_API_PATH,
  connectionPath,
} from '../../common/http_api/connections';
import { dataStreamName } from '../../server/lib/data_stream/data_stream_name';
import type { CollectTaskState } from '../../server/tasks/collect_task_state';
import { CHAOS_CLIENT_ID, CHAOS_SECRET, tenantIdFor } from '../collector/chaos_tenant';
import { compareWithTruth } from '../collector/observations';
import {
  TRANSPORT_DATA_PLATFORM_APP_ID,
  type ExplicitRow,
  type GraphEmulator,
  type TenantSpec,
} from '../graph_emulator';
import {
  collectTaskOf,
  connectionRequest,
  createConnection,
  viewOf,
} from '../host/emulated_graph_host';
import type { KibanaHost } from '../host/kibana_host';
import { callRoute, esUrl } from '../host/test_support';
import { subj, unexpected, watchPage, type LaunchedChromium, type PageProblems } from './chromium';
import { closeViewsSession, openBrowserHost } from './views_session';
import { SettingsPageDriver, type NewConnection } from './settings_page_driver';

/** The ID Entra lists beside a client secret's Value, and what people paste by mistake. */
const SECRET_ID = '5f0c3c8e-7d1a-4b2c-9e3f-0a1b2c3d4e5f';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

function inboundMail(count: number, now: number): ExplicitRow[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `0b5a${String(index).padStart(4, '0')}-1c2d-4e3f-8a9b-0c1d2e3f4a5b`,
    receivedDateTime: new Date(now - (index + 1) * 20 * MINUTE).toISOString(),
    senderAddress: `partner${index}@fabrikam.example`,
    recipientAddress: `user${index}@contoso.com`,
    subject: `Quarterly report ${index}`,
  }));
}

/** What the flyout is filled in with, for a tenant of `tenantWith`. */
function newConnection(name: string, tenantId: string, extra: Partial<NewConnection> = {}) {
  return {
    name,
    tenantId,
    clientId: CHAOS_CLIENT_ID,
    clientSecret: CHAOS_SECRET,
    localDomain: 'contoso.com',
    ...extra,
  };
}

/** A tenant whose app signs in with CHAOS_SECRET (its ID is SECRET_ID). */
function tenantWith(tenantId: string, overrides: Partial<TenantSpec>): TenantSpec {
  return {
    tenantId,
    apps: [{ clientId: CHAOS_CLIENT_ID, secrets: [{ value: CHAOS_SECRET, id: SECRET_ID }] }],
    ...overrides,
  };
}

describe('the settings page in Chromium, on a secured host with the Graph emulator', () => {
  let chromium: LaunchedChromium;
  let host: KibanaHost;
  let emulator: GraphEmulator;
  let page: Page;
  let problems: PageProblems;
  let settings: SettingsPageDriver;
  const es = new Client({ node: esUrl() });
  const namespace = `settings_page_${Date.now()}`;

  beforeAll(async () => {
    ({ chromium, host, emulator } = await openBrowserHost());
  });

  afterAll(async () => {
    await closeViewsSession({ chromium, host, emulator });
    await es.close();
  });

  beforeEach(async () => {
    page = await chromium.context.newPage();
    problems = watchPage(page);
    settings = new SettingsPageDriver(page, host.url);
  });

  afterEach(async () => {
    expect(unexpected(problems)).toEqual({ consoleErrors: [], externalRequests: [] });
    await page.close();
  });

  it('creates a connection in the flyout, tests it, saves it, and Run now collects', async () => {
    const tenantId = tenantIdFor(9101);
    const rows = inboundMail(12, Date.now());
    emulator.addTenant(tenantWith(tenantId, { rows }));
    await settings.open('mail_admin');

    const flyout = await settings.fillNewConnection(
      newConnection('Contoso', tenantId, { namespace })
    );
    expect(await settings.testConnection(flyout)).toEqual({
      token: 'passed',
      permission: 'passed',
      servicePrincipal: 'passed',
      query: 'passed',
    });
    await flyout.locator(subj('emtTestStep-query')).scrollIntoViewIfNeeded();
    await settings.screenshot('connection_test.png');

    // Saving schedules the first run at once. Microsoft refuses it (the message trace service
    // principal is provisioned for hours, one front end at a time), so nothing is collected yet.
    const tenant = emulator.tenant(tenantId);
    tenant.transportServicePrincipal = false;
    await flyout.locator(subj('emtSaveConnection')).click();
    await flyout.waitFor({ state: 'detached' });
    const { row, id } = await settings.row('Contoso');
    await row.locator(subj(`emtLastError-${id}`), { hasText: 'Service principal' }).waitFor();
    expect(await row.locator(subj(`emtHealth-${id}`)).innerText()).toBe('Failing');

    tenant.transportServicePrincipal = true;
    await row.locator(subj(`emtRunNow-${id}`)).click();
    const shown = await settings.documentsLastRun(id, 1);

    // Exactly the rows the emulator holds for the span collected, each once, in Elasticsearch.
    const { state } = await collectTaskOf(host, id);
    const comparison = await compareWithTruth({
      es,
      emulator,
      tenantId,
      dataStream: dataStreamName(undefined, namespace),
      checkpoint: (state as CollectTaskState).checkpoint!,
    });
    expect(comparison).toEqual({
      expected: rows.length,
      stored: shown,
      missing: [],
      unexpected: [],
      duplicates: 0,
    });
    expect(shown).toBe(rows.length);
    expect(await row.locator(subj(`emtHealth-${id}`)).innerText()).toBe('Healthy');
    expect(await row.locator(subj(`emtLastError-${id}`)).innerText()).toBe('—');
    // At a laptop's 1280 px every cell holds its content (no text runs into the next column).
    expect(await settings.overflowingCells(row)).toEqual([]);

    await settings.dismissToasts();
    await settings.screenshot('settings_page.png');
    await settings.setDarkMode(true);
    await settings.screenshot('settings_page_dark.png');
    await settings.setDarkMode(false);
  });

  it('explains a wrong secret: the secret ID pasted instead of its value', async () => {
    const tenantId = tenantIdFor(9102);
    emulator.addTenant(tenantWith(tenantId, { rows: [] }));
    await settings.open('mail_admin');

    const flyout = await settings.fillNewConnection({
      ...newConnection('Wrong', tenantId),
      clientSecret: SECRET_ID,
    });
    expect(await settings.testConnection(flyout)).toEqual({
      token: 'failed',
      permission: 'skipped',
      servicePrincipal: 'skipped',
      query: 'skipped',
    });
    const token = await settings.stepText(flyout, 'token');
    expect(token).toContain('AADSTS7000215');
    expect(token).toContain("The value entered is a GUID: that is the client secret's ID");
    expect(token).toContain('copy the Value of the secret (not the Secret ID)');
    expect(await flyout.locator(subj('emtTestOutcome')).innerText()).toContain(
      'The connection test failed'
    );
    await settings.discardFlyout(flyout);
  });

  it('gives the command that creates the missing message trace service principal', async () => {
    const tenantId = tenantIdFor(9103);
    emulator.addTenant(tenantWith(tenantId, { rows: [], transportServicePrincipal: false }));
    await settings.open('mail_admin');

    const flyout = await settings.fillNewConnection(newConnection('No SP', tenantId));
    expect(await settings.testConnection(flyout)).toEqual({
      token: 'passed',
      permission: 'passed',
      servicePrincipal: 'failed',
      query: 'skipped',
    });
    const servicePrincipal = await settings.stepText(flyout, 'servicePrincipal');
    expect(servicePrincipal).toContain(
      `New-MgServicePrincipal -AppId ${TRANSPORT_DATA_PLATFORM_APP_ID}`
    );
    expect(servicePrincipal).toMatch(/Provisioning can take several hours \(up to 24\)/);
    await settings.discardFlyout(flyout);
  });

  it('shows a read-only user the table without any control, and the API refuses each write', async () => {
    const tenantId = tenantIdFor(9104);
    const request = connectionRequest(tenantId, { name: 'Fabrikam', enabled: false });
    const connection = await createConnection(host, request);
    await settings.open('soc_analyst');

    await page.locator(subj(`emtConnectionRow-${connection.id}`)).waitFor();
    expect(await page.locator(subj('emtReadOnly')).count()).toBe(1);
    const controls = [
      'emtCreateConnection',
      'emtTestConnection',
      'emtEnabled-',
      'emtRunNow-',
      'emtBackfill-',
      'emtReauthorize-',
      'emtEdit-',
      'emtDelete-',
    ];
    const present = await page.evaluate(
      (prefixes) =>
        prefixes.filter((prefix) => document.querySelector(`[data-test-subj^="${prefix}"]`)),
      controls
    );
    expect(present).toEqual([]);

    const test = { tenantId, clientId: CHAOS_CLIENT_ID, authMethod: 'secret', secrets: {} };
    const writes: Array<[string, string, unknown]> = [
      ['POST', CONNECTIONS_API_PATH, request],
      ['PUT', connectionPath(connection.id), request],
      ['DELETE', connectionPath(connection.id), undefined],
      ['POST', connectionPath(connection.id, '_run'), undefined],
      ['POST', connectionPath(connection.id, '_backfill'), { start: ago(2 * DAY), end: ago(DAY) }],
      ['POST', connectionPath(connection.id, '_authorize'), undefined],
      ['POST', TEST_CONNECTION_API_PATH, { ...test, secrets: { clientSecret: CHAOS_SECRET } }],
      ['POST', DISCOVER_DOMAINS_API_PATH, { ...test, connectionId: connection.id }],
    ];
    const answers = await Promise.all(
      writes.map(async ([method, route, body]) => {
        const { status } = await callRoute(host, method, route, { user: 'soc_analyst', body });
        return `${method} ${route} ${status}`;
      })
    );
    expect(answers).toEqual(writes.map(([method, route]) => `${method} ${route} 403`));
    expect((await viewOf(host, connection.id)).settings).toEqual(connection.settings);
  });
});
