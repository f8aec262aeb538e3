import { chromiumOnThisMachine, findChromium, type ChromiumSearch } from './find-chromium';

function search(
  executables: string[],
  env: Record<string, string> = {},
  platform: NodeJS.Platform = 'linux',
) {
  const asked: string[] = [];
  const s: ChromiumSearch = {
    env,
    platform,
    home: '/home/owner',
    isExecutable: (file) => {
      asked.push(file);
      return executables.includes(file);
    },
  };
  return { s, asked };
}

describe('finding Chromium for the browser tests', () => {
  it('takes CHROMIUM_PATH first, before any usual place', () => {
    const { s, asked } = search(['/usr/bin/chromium', '/opt/my/chrome'], { CHROMIUM_PATH: '/opt/my/chrome' });
    expect(findChromium(s)).toBe('/opt/my/chrome');
    expect(asked).toEqual(['/opt/my/chrome']);
  });

  it('refuses a CHROMIUM_PATH that is not an executable, naming it, instead of falling back', () => {
    const { s } = search(['/usr/bin/chromium'], { CHROMIUM_PATH: '/nope/chrome' });
    expect(() => findChromium(s)).toThrow(/CHROMIUM_PATH is \/nope\/chrome, which is not an executable file/);
  });

  it.each([
    ['Debian', 'linux', '/usr/bin/chromium'],
    ['Ubuntu (apt)', 'linux', '/usr/bin/chromium-browser'],
    ['a snap', 'linux', '/snap/bin/chromium'],
    ['Google Chrome on Linux', 'linux', '/usr/bin/google-chrome'],
    ['macOS Chromium', 'darwin', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    ['macOS Google Chrome', 'darwin', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    [
      'macOS, installed for one user',
      'darwin',
      '/home/owner/Applications/Chromium.app/Contents/MacOS/Chromium',
    ],
  ] as const)('finds %s', (_, platform, file) => {
    expect(findChromium(search([file], {}, platform).s)).toBe(file);
  });

  it('finds Google Chrome under Program Files on Windows', () => {
    const file = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium(search([file], { PROGRAMFILES: 'C:\\Program Files' }, 'win32').s)).toBe(file);
  });

  it('prefers Debian chromium over Google Chrome when both are there', () => {
    expect(findChromium(search(['/usr/bin/google-chrome', '/usr/bin/chromium']).s)).toBe('/usr/bin/chromium');
  });

  it('names what to install and CHROMIUM_PATH when nothing is found', () => {
    expect(() => findChromium(search([]).s)).toThrow(
      /need Chromium or Google Chrome and found neither\. Install one \(Debian: sudo apt-get install -y chromium; Ubuntu: sudo snap install chromium\) or set CHROMIUM_PATH/,
    );
    expect(() => findChromium(search([], {}, 'darwin').s)).toThrow(/brew install --cask chromium/);
    expect(() => findChromium(search([]).s)).toThrow(
      /Looked in: \/usr\/bin\/chromium, \/usr\/bin\/chromium-browser/,
    );
  });

  it('finds the Chromium of this machine (the browser tests need one)', () => {
    expect(chromiumOnThisMachine()).toMatch(/chrom/i);
  });
});
