import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (scripts/install_chromium.sh); playwright-core never downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Keeps Chromium from calling home: tests run with no network but loopback. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

export interface LaunchedChromium {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * A headless Chromium on a fresh profile (removed on close), 1280×900 like a laptop screen;
 * `timezoneId` sets the browser's own zone (the machine's otherwise).
 */
export async function launchChromium({
  timezoneId,
}: { timezoneId?: string } = {}): Promise<LaunchedChromium> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      ...(timezoneId ? { timezoneId } : {}),
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return {
      context,
      page,
      close: async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** The selector of an element by its `data-test-subj`, as Kibana's functional tests find them. */
export const subj = (id: string) => `[data-test-subj="${id}"]`;

export interface PageProblems {
  /** `console.error` messages and uncaught page errors. */
  consoleErrors: string[];
  /** Every request whose host is not on the loopback interface. */
  externalRequests: string[];
}

function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * Kibana 9 renders apps in React 18's legacy root (see public/application.tsx); React's
 * development build says so once per `ReactDOM.render`. Nothing else may reach console.error.
 */
const EXPECTED_CONSOLE_ERRORS = [/ReactDOM\.render is no longer supported in React 18/];

/** The problems a test must not see: what `watchPage` collected, less the expected warnings. */
export function unexpected(problems: PageProblems): PageProblems {
  return {
    consoleErrors: problems.consoleErrors.filter(
      (message) => !EXPECTED_CONSOLE_ERRORS.some((pattern) => pattern.test(message))
    ),
    externalRequests: problems.externalRequests,
  };
}

/** Collects what a browser test asserts is absent: console errors and non-loopback requests. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], externalRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    if (!isLoopback(request.url())) problems.externalRequests.push(request.url());
  });
  return problems;
}
