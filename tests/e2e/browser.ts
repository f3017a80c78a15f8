// Debian's headless Chromium driven by playwright-core: no browser download, real WebGPU (software).
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-webgpu',
];

export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Debian chromium not found: apt-get install chromium (or set CHROMIUM_PATH)');
  }
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

/**
 * A context in which every request to anything but the app's own origin is refused and recorded:
 * the product promise is that nothing leaves the device.
 */
export async function isolatedContext(
  browser: Browser,
  baseUrl: string,
  opts: { serviceWorkers?: 'allow' | 'block' } = {},
): Promise<{ context: BrowserContext; outside: string[] }> {
  // Service workers are blocked unless a test is about them: precaching the whole demo in every fresh
  // context would only slow the other tests down.
  const context = await browser.newContext({ serviceWorkers: opts.serviceWorkers ?? 'block' });
  const origin = new URL(baseUrl).origin;
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort('internetdisconnected');
  });
  return { context, outside };
}

/** Opens the app and waits until it has booted (feed shown). Collects page errors for assertions. */
export async function openApp(context: BrowserContext, baseUrl: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(baseUrl);
  await page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').first().waitFor({ timeout: 60_000 });
  // The first feed may be from words alone while the picture index loads (aria-busy until the refined one).
  await page.locator('ul[aria-label="Recommendations"][aria-busy="false"]').waitFor({ timeout: 60_000 });
  return { page, errors };
}

export async function feedIds(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: 'Recommendations' }).getByRole('listitem').evaluateAll((els) => els.map((e) => e.getAttribute('data-item-id') ?? ''));
}

/**
 * Waits until the feed on screen is the settled one: the view in the page's state says no refined
 * feed follows by itself (no picture index or phrase vectors still on their way) and the list shows
 * that view. A click on a card before then can land on a card that is about to move.
 */
export async function settledFeed(page: Page, timeout = 30_000): Promise<void> {
  const list = page.getByRole('list', { name: 'Recommendations' });
  const deadline = Date.now() + timeout;
  for (;;) {
    const state = await page.evaluate(() => {
      const s = (globalThis as unknown as { __recommender: { state: { refining: boolean; feed: { id: string }[] } } }).__recommender.state;
      return { refining: s.refining, ids: s.feed.map((c) => c.id) };
    });
    const [busy, shown] = await Promise.all([list.getAttribute('aria-busy'), feedIds(page)]);
    if (!state.refining && busy === 'false' && shown.join() === state.ids.join()) return;
    if (Date.now() > deadline) throw new Error(`The feed did not settle in ${timeout} ms (refining ${state.refining}, aria-busy ${busy})`);
    await page.waitForTimeout(50);
  }
}

export async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
}

/**
 * One Chromium per test file: launched before the file's tests, closed after them; every context made
 * through `isolated` is closed after its test.
 */
export function useChromium(): { isolated: (baseUrl: string, opts?: { serviceWorkers?: 'allow' | 'block' }) => ReturnType<typeof isolatedContext> } {
  let browser: Browser | null = null;
  const open: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launch();
  });
  afterEach(async () => {
    for (const c of open.splice(0)) await c.close().catch(() => {});
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async isolated(baseUrl, opts) {
      if (!browser) throw new Error('useChromium: the browser is not launched yet (call isolated inside a test)');
      const r = await isolatedContext(browser, baseUrl, opts);
      open.push(r.context);
      return r;
    },
  };
}
