// Screenshots of what a 300 x 600 sidebar shows without scrolling, saved beside browser.ts's full-page ones.
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
