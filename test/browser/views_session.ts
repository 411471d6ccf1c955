import type { Page } from 'playwright-core';
import type { GraphEmulator } from '../graph_emulator';
import { startEmulatedGraphHost } from '../host/emulated_graph_host';
import type { KibanaHost } from '../host/kibana_host';
import { createPageHandler } from '../host/public/page_handler';
import { sessionCookie } from '../host/test_support';
import { collectViewsTenant, type ViewsTenant } from '../host/views_tenant';
import {
  launchChromium,
  unexpected,
  watchPage,
  type LaunchedChromium,
  type PageProblems,
} from './chromium';

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
  tenantOptions: Parameters<typeof collectViewsTenant>[2],
  browserOptions: Parameters<typeof launchChromium>[0] = {}
): Promise<ViewsSession> {
  const { host, emulator } = await startEmulatedGraphHost({ pages: createPageHandler });
  const tenant = await collectViewsTenant(host, emulator, tenantOptions);
  const chromium = await launchChromium(browserOptions);
  await chromium.context.addCookies([await sessionCookie(host, 'elastic')]);
  const page = await chromium.context.newPage();
  return { chromium, host, emulator, tenant, page, problems: watchPage(page) };
}

/** Chromium and a host over the Graph emulator, started side by side; nothing collected yet. */
export async function openBrowserHost(): Promise<
  Pick<ViewsSession, 'chromium' | 'host' | 'emulator'>
> {
  const [chromium, { host, emulator }] = await Promise.all([
    launchChromium(),
    startEmulatedGraphHost({ pages: createPageHandler }),
  ]);
  return { chromium, host, emulator };
}

/** Closes what was opened, also after a partly failed open. */
export async function closeViewsSession(session: Partial<ViewsSession>): Promise<void> {
  await session.chromium?.close();
  await session.host?.stop();
  await session.emulator?.stop();
}

/**
 * One views session for a describe block: opened before its tests, closed after them, and every
 * test checked for console errors and external requests. The fields are set once it is open.
 */
export function useViewsSession(
  tenantOptions: Parameters<typeof collectViewsTenant>[2],
  browserOptions: Parameters<typeof launchChromium>[0] = {}
): ViewsSession {
  const session = {} as ViewsSession;
  beforeAll(async () => {
    Object.assign(session, await openViewsSession(tenantOptions, browserOptions));
  }, 300_000);
  afterAll(() => closeViewsSession(session));
  afterEach(() => {
    expect(unexpected(session.problems)).toEqual({ consoleErrors: [], externalRequests: [] });
  });
  return session;
}

export interface MessagePair {
  sender: string;
  recipient: string;
  /** When each of the pair's messages was received, newest first. */
  times: number[];
}

/** The tenant's collected messages by sender and recipient, from the synthetic tenant's truth. */
export function messagesByPair(tenant: ViewsTenant): MessagePair[] {
  const byPair = new Map<string, MessagePair>();
  for (const record of tenant.synthetic.descending(
    tenant.collected.startMs,
    tenant.collected.endMs
  )) {
    if (!record.senderAddress) continue;
    const key = `${record.senderAddress}|${record.recipientAddress}`;
    const pair = byPair.get(key) ?? {
      sender: record.senderAddress,
      recipient: record.recipientAddress,
      times: [],
    };
    pair.times.push(record.receivedMs);
    byPair.set(key, pair);
  }
  return [...byPair.values()];
}
