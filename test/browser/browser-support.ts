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

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
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
      ...extraArgs,
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

/**
 * The api in-process and Chromium. `env` overrides the api's configuration, for example
 * `CLOCK_START` so that dates a journey files for are timely whatever the day it runs.
 */
export async function startHarness(
  options: { chromiumArgs?: string[]; env?: Record<string, string | undefined> } = {},
): Promise<Harness> {
  assertWebBuilt();
  // Journeys sign in several people from 127.0.0.1 within a minute: lift the sign-in rate limit.
  const api = await startApi({ AUTH_ATTEMPTS_PER_MINUTE: '1000', ...options.env });
  let browser: Browser;
  try {
    browser = await launchChromium(options.chromiumArgs);
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

/**
 * Signs in through the page with the development signer (no NCALayer on the machine): the
 * person is picked from the demo accounts in the dialog.
 */
export async function signInWithStub(page: Page, baseUrl: string, iin: string): Promise<void> {
  await page.goto(`${baseUrl}/#/signin`);
  await page.getByRole('button', { name: 'Войти с ЭЦП' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator(`button[data-iin="${iin}"]`).click();
  await dialog.getByRole('button', { name: 'Подписать' }).click();
  await page.getByTestId('current-user').waitFor({ state: 'attached' });
}

/** A local date in Kazakhstan `days` from today, YYYY-MM-DD. */
export function kzDatePlus(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(at);
}
