import { execFileSync } from 'node:child_process';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/**
 * Debian's chromium (`.ci/run` installs it): playwright-core drives it without downloading a browser of its own.
 * CHROMIUM_PATH names another binary.
 */
export function chromiumPath(): string | null {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || null;
    } catch {}
  }
  return null;
}

/** Browser tests run wherever a Chromium is installed, and CI must have one: there a missing browser fails the run. */
export const describeWithBrowser: jest.Describe = (() => {
  if (chromiumPath()) return describe;
  if (process.env.CI) throw new Error('CI needs Chromium for the browser tests: apt-get install chromium (.ci/run does)');
  console.warn('Browser tests skipped: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH).');
  return describe.skip;
})();

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath()!, args: ['--no-sandbox', '--disable-gpu'] });
}

/**
 * Cuts a browser context off from every host but this machine (the pages must work offline, from no CDN): a request
 * elsewhere fails as if the network were down, and its address is pushed onto `leftLocalhost` for the test to check.
 */
export function keepOffline(context: BrowserContext, leftLocalhost: string[]): Promise<void> {
  return context.route('**/*', (route) => {
    const url = route.request().url();
    if (['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname) || url.startsWith('blob:')) return route.continue();
    leftLocalhost.push(url);
    return route.abort('internetdisconnected');
  });
}
