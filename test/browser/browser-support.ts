import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { RunningApi, startApi } from '../support/test-app';

export const WEB_DIST = join(__dirname, '../../dist/web');

/** The built web app must exist: `npx vite build --config apps/web/vite.config.ts`. */
export function assertWebBuilt(): void {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error('dist/web is missing: run `npx vite build --config apps/web/vite.config.ts` first');
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A fresh browser context (its own sessionStorage and localStorage) in Russian, the default
 * language, with map tiles blocked so that the tests never leave the machine.
 */
export async function newContext(
  browser: Browser,
  options: { width?: number; height?: number; locale?: string; mobile?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    locale: options.locale ?? 'ru-RU',
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    deviceScaleFactor: options.mobile ? 2 : 1,
    timezoneId: 'Asia/Almaty',
  });
  await context.route('**/tile.openstreetmap.org/**', (route) => route.abort());
  // Belt and braces: nothing but the api under test may be reached.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  return context;
}

/** Collects uncaught page errors, so a journey can assert the page never crashed. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error?.stack ?? error)));
  return errors;
}

export interface Harness {
  api: RunningApi;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  assertWebBuilt();
  const api = await startApi();
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await api.close();
    throw error;
  }
  return {
    api,
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      await api.close();
    },
  };
}
