import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Where the browser tests find Chromium: CHROMIUM_PATH first, then where Debian/Ubuntu, snap, Fedora, Homebrew,
// macOS and Windows installers put Chromium or Google Chrome. playwright-core is used without its own browser
// download, so one of these must be installed.

export interface ChromiumSearch {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  home: string;
  isExecutable(file: string): boolean;
}

export function candidates(search: Pick<ChromiumSearch, 'platform' | 'home' | 'env'>): string[] {
  if (search.platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      path.join(search.home, 'Applications/Chromium.app/Contents/MacOS/Chromium'),
      path.join(search.home, 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
      '/opt/homebrew/bin/chromium',
      '/usr/local/bin/chromium',
    ];
  }
  if (search.platform === 'win32') {
    const roots = [search.env.PROGRAMFILES, search.env['PROGRAMFILES(X86)'], search.env.LOCALAPPDATA].filter(
      (root): root is string => Boolean(root),
    );
    return roots.flatMap((root) => [
      path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/lib/chromium/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
  ];
}

function installHint(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'brew install --cask chromium (or install Google Chrome)';
  if (platform === 'win32') return 'install Google Chrome or Chromium';
  return 'Debian: sudo apt-get install -y chromium; Ubuntu: sudo snap install chromium';
}

/** The Chromium executable to drive, or an Error that says what to install or set. */
export function findChromium(search: ChromiumSearch): string {
  const given = search.env.CHROMIUM_PATH;
  if (given !== undefined && given !== '') {
    if (search.isExecutable(given)) return given;
    throw new Error(
      `CHROMIUM_PATH is ${given}, which is not an executable file. Point it at Chromium or Google Chrome ` +
        '(for example /usr/bin/chromium), or unset it to search the usual places.',
    );
  }
  const tried = candidates(search);
  const found = tried.find((file) => search.isExecutable(file));
  if (found) return found;
  throw new Error(
    `The browser tests need Chromium or Google Chrome and found neither. Install one (${installHint(search.platform)}) ` +
      `or set CHROMIUM_PATH to its executable. Looked in: ${tried.join(', ')}.`,
  );
}

export function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function chromiumOnThisMachine(): string {
  return findChromium({ env: process.env, platform: process.platform, home: os.homedir(), isExecutable });
}
