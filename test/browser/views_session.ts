import type { Page } from 'playwright-core';
import type { GraphEmulator } from '../graph_emulator';
import { startEmulatedGraphHost } from '../host/emulated_graph_host';
import type { KibanaHost } from '../host/kibana_host';
import { createPageHandler } from '../host/public/page_handler';
import { sessionCookie } from '../host/test_support';
import { collectViewsTenant, type ViewsTenant } from '../host/views_tenant';
import { launchChromium, watchPage, type LaunchedChromium, type PageProblems } from './chromium';

export interface ViewsSession {
  chromium: LaunchedChromium;
  host: KibanaHost;
  emulator: GraphEmulator;
  tenant: ViewsTenant;
  page: Page;
  problems: PageProblems;
}

/** A collected synthetic tenant, and a page signed in as `elastic`, watched for problems. */
export async function openViewsSession(
  tenantOptions: Parameters<typeof collectViewsTenant>[2]
): Promise<ViewsSession> {
  const { host, emulator } = await startEmulatedGraphHost({ pages: createPageHandler });
  const tenant = await collectViewsTenant(host, emulator, tenantOptions);
  const chromium = await launchChromium();
  await chromium.context.addCookies([await sessionCookie(host, 'elastic')]);
  const page = await chromium.context.newPage();
  return { chromium, host, emulator, tenant, page, problems: watchPage(page) };
}

/** Closes what was opened, also after a partly failed open. */
export async function closeViewsSession(session: Partial<ViewsSession>): Promise<void> {
  await session.chromium?.close();
  await session.host?.stop();
  await session.emulator?.stop();
}
