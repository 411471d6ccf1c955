import { Client } from '@elastic/elasticsearch';
import type { Page } from 'playwright-core';
import { PLUGIN_ID } from '../../common/constants';
import type { ConnectionView } from '../../common/http_api/connections';
import { lastErrorInWords } from '../../common/last_error_words';
import type { CollectTaskState } from '../../server/tasks/collect_task_state';
import { addSettledTenant } from '../collector/chaos_tenant';
import type { GraphEmulator } from '../graph_emulator';
import {
  connectionRequest,
  createConnection,
  settledTask,
  viewOf,
} from '../host/emulated_graph_host';
import type { KibanaHost } from '../host/kibana_host';
import { esUrl } from '../host/test_support';
import { storedWriterKeyId } from '../secured/writer_key';
import { subj, unexpected, watchPage, type LaunchedChromium, type PageProblems } from './chromium';
import { closeViewsSession, openBrowserHost } from './views_session';

const stateOf = (task: { state: Record<string, unknown> }) => task.state as CollectTaskState;
/** Not the app's secret: Entra (the emulator) refuses the sign-in with AADSTS7000215. */
const WRONG_SECRET = 'Wrong8Q~secret-value-0123456789abcdefghij';

describe('collection health on every page, in Chromium, on a secured host with the Graph emulator', () => {
  let chromium: LaunchedChromium;
  let host: KibanaHost;
  let emulator: GraphEmulator;
  let page: Page;
  let problems: PageProblems;
  const es = new Client({ node: esUrl() });

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
  });

  afterEach(async () => {
    expect(unexpected(problems)).toEqual({ consoleErrors: [], externalRequests: [] });
    await page.close();
  });

  const openAs = async (username: string, view: string) => {
    const next = encodeURIComponent(`/app/${PLUGIN_ID}/${view}`);
    await page.goto(`${host.url}/host/login?user=${username}&next=${next}`);
  };

  /** A connection saved by mail_admin that has collected its tenant once. */
  async function collectedConnection(seed: number, name: string): Promise<ConnectionView> {
    const tenantId = addSettledTenant(emulator, seed, 48, Date.now());
    const created = await createConnection(host, connectionRequest(tenantId, { name }));
    await settledTask(host, created.id, (task) => stateOf(task).status.caughtUp === true);
    return viewOf(host, created.id);
  }

  it('warns on Delivery status within one refresh once a wrong client secret fails collection', async () => {
    const connection = await collectedConnection(9601, 'Contoso');
    await openAs('mail_admin', 'delivery_status');
    await page.locator(subj('emtFreshness')).waitFor();
    expect(await page.locator(subj('emtFreshness')).innerText()).toMatch(
      /^Data as of \d\d:\d\d, .+ behind$/
    );
    expect(await page.locator(subj('emtCollectionWarning')).count()).toBe(0);

    // A second connection, saved with a secret Entra does not know: its first run is refused.
    const tenantId = addSettledTenant(emulator, 9603, 48, Date.now());
    const broken = await createConnection(
      host,
      connectionRequest(tenantId, { name: 'Northwind', clientSecret: WRONG_SECRET })
    );
    const failed = await settledTask(
      host,
      broken.id,
      (task) => stateOf(task).status.lastError !== undefined,
      'the run with the wrong secret to fail'
    );
    const recorded = stateOf(failed).status.lastError!;
    expect(recorded.kind).toBe('authentication');
    expect(recorded.message).toContain('AADSTS7000215');

    await page.locator(subj('superDatePickerApplyTimeButton')).click();
    const warning = page.locator(subj('emtCollectionWarning'));
    await warning.waitFor();
    expect(await warning.locator('.euiCallOutHeader__title').innerText()).toBe(
      'Collection is failing for Northwind: this view may miss recent messages'
    );
    expect(await page.locator(subj(`emtCollectionProblem-${broken.id}`)).innerText()).toContain(
      `Northwind: ${lastErrorInWords(recorded).happened}`
    );
    expect(await page.locator(subj(`emtCollectionProblem-${connection.id}`)).count()).toBe(0);
    expect(await warning.innerText()).not.toContain('AADSTS7000215');

    await page.locator(subj('emtCollectionWarningSettings')).click();
    const lastError = page.locator(subj(`emtLastError-${broken.id}`));
    await lastError.waitFor();
    expect(await lastError.locator(subj(`emtLastError-${broken.id}-toDo`)).innerText()).toBe(
      lastErrorInWords(recorded).toDo
    );
  });

  it('re-authorises from the Settings callout after a confirmation naming the user; the error reads in words, without the key id', async () => {
    const tenantId = addSettledTenant(emulator, 9602, 48, Date.now());
    // The first page takes a while; meanwhile an administrator revokes the writer key.
    emulator.faults.inject({ kind: 'hang', delayMs: 3000, tenantId });
    const connection = await createConnection(
      host,
      connectionRequest(tenantId, { name: 'Fabrikam' })
    );
    const keyIdOf = () => storedWriterKeyId(host, connection.id);
    const oldKeyId = await keyIdOf();
    await es.security.invalidateApiKey({ ids: [oldKeyId] });
    const failed = await settledTask(
      host,
      connection.id,
      (task) => stateOf(task).status.lastError !== undefined,
      'the run with the revoked key to fail'
    );
    const recorded = stateOf(failed).status.lastError!;
    expect(recorded.kind).toBe('reauthorize');

    await openAs('mail_admin', 'settings');
    const lastError = page.locator(subj(`emtLastError-${connection.id}`));
    await lastError.waitFor();
    const { happened, toDo } = lastErrorInWords(recorded);
    expect(await lastError.innerText()).toBe(`${happened}\n${toDo}\nDetails`);
    await lastError.locator(subj(`emtLastError-${connection.id}-details`)).click();
    const details = await lastError
      .locator(subj(`emtLastError-${connection.id}-detailsText`))
      .innerText();
    expect(details).toContain(`(${recorded.kind})`);
    expect(details).not.toContain(oldKeyId);
    expect(await page.locator(subj('emtSettingsPage')).innerText()).not.toContain(oldKeyId);

    const callOut = page.locator(subj('emtReauthorizeCallOut'));
    expect(await callOut.locator('.euiCallOutHeader__title').innerText()).toBe(
      '1 connection needs re-authorisation'
    );
    const button = callOut.locator(subj('emtReauthorizeAll'));
    expect(await button.innerText()).toBe('Re-authorise as mail_admin');
    await button.click();
    const confirm = page.locator(subj('emtReauthorizeConfirm'));
    expect(await confirm.innerText()).toContain('Re-authorise Fabrikam as mail_admin?');
    expect(await confirm.innerText()).toContain('a new API key granted as mail_admin');
    expect(await keyIdOf()).toBe(oldKeyId);
    await confirm.locator(subj('confirmModalConfirmButton')).click();

    await callOut.waitFor({ state: 'detached' });
    expect(await keyIdOf()).not.toBe(oldKeyId);
    const resumed = await settledTask(
      host,
      connection.id,
      (task) => stateOf(task).status.caughtUp === true && !stateOf(task).status.lastError,
      'collection to resume with the new key'
    );
    expect(stateOf(resumed).status.lastError).toBeUndefined();
    expect((await viewOf(host, connection.id)).authorization).toMatchObject({
      state: 'granted',
      grantedBy: 'mail_admin',
    });
  });
});
