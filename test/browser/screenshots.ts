import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const REPO_ROOT = path.resolve(__dirname, '../..');

/**
 * Where the browser tests put their screenshots: .cache/screenshots/, so a test run leaves the
 * tree clean; docs/screenshots/ (the README's pictures) only with UPDATE_SCREENSHOTS=1.
 */
const SCREENSHOTS_DIR =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? path.join(REPO_ROOT, 'docs', 'screenshots')
    : path.join(REPO_ROOT, '.cache', 'screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, name) });
}
