// What a 300 x 600 sidebar shows without scrolling: the check that the state and its action are there, and
// screenshots of it saved beside browser.ts's full-page ones.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './browser';

export async function viewportShot(page: Page, name: string, extraPath?: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  if (extraPath) {
    fs.mkdirSync(path.dirname(extraPath), { recursive: true });
    fs.copyFileSync(file, extraPath);
  }
  return file;
}

/** The state and the primary action are visible without scrolling in a 300 x 600 sidebar. */
export async function expectAboveTheFold(page: Page): Promise<void> {
  await page.setViewportSize({ width: 300, height: 600 });
  const box = (selector: string) =>
    page.$eval(selector, (node) => {
      const rect = node.getBoundingClientRect();
      return { bottom: rect.bottom + window.scrollY, height: rect.height };
    });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  for (const selector of ['#headline', '#primary-button']) {
    const { bottom, height } = await box(selector);
    expect(height).toBeGreaterThan(0);
    expect(bottom).toBeLessThanOrEqual(600);
  }
}
