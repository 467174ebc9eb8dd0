import type { BrowserContext, Page } from 'playwright-core';
import { Harness, newContext, startHarness, watchErrors } from './browser-support';

jest.setTimeout(60_000);

/**
 * The public pages, as anyone (a journalist, an organizer on a phone) sees them: the map of
 * specialized places and routes, the language switcher and the deadline calculator.
 */
describe('public pages in Chromium', () => {
  let h: Harness;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    context = await newContext(h.browser);
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });

  it('shows the seeded Almaty places and routes as map layers and in the list, then Astana', async () => {
    await page.goto(`${h.api.baseUrl}/`);
    const list = page.getByTestId('venue-list');
    await list.getByRole('heading', { name: 'Gandhi park, Zharokov street' }).waitFor();
    await list
      .getByRole('heading', { name: 'Shevchenko street, Gandhi park to Walikhanov square' })
      .waitFor();
    expect(await page.locator('h1').textContent()).toBe('Места и маршруты для мирных собраний');

    // Leaflet drew them: the places as circle markers, the route as a line, one per list entry
    // (at least the seeded ones: another journey may add a place meanwhile).
    await page.locator('path.jiyn-venue').first().waitFor();
    const places = await page.locator('path.jiyn-venue--place').count();
    expect(places).toBeGreaterThanOrEqual(3);
    expect(await page.locator('path.jiyn-venue--route').count()).toBe(1);
    expect(await page.locator('.venue-item--place').count()).toBe(places);
    expect(await page.locator('.venue-item--route').count()).toBe(1);
    expect(await list.getByRole('heading', { name: 'Central park, northern entrance' }).count()).toBe(0);
    // The no-picketing zone around Almaty-2 station is drawn too.
    await page.locator('path.jiyn-zone').first().waitFor();

    // "Show on map" opens the venue's popup with its name, kind and occupancy.
    await page
      .locator('.venue-item', { hasText: 'Gandhi park, Zharokov street' })
      .getByRole('button')
      .click();
    const popup = page.locator('.leaflet-popup-content');
    await popup.waitFor();
    expect(await popup.textContent()).toContain('Gandhi park, Zharokov street');
    expect(await popup.textContent()).toContain('Специализированное место');
    expect(await popup.textContent()).toMatch(/500/);

    // Astana instead.
    await page.getByLabel('Город').selectOption('710000000');
    await list.getByRole('heading', { name: 'Central park, northern entrance' }).waitFor();
    expect(await list.getByRole('heading', { name: 'Gandhi park, Zharokov street' }).count()).toBe(0);
    expect(await page.locator('.venue-item').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('path.jiyn-venue').count()).toBe(await page.locator('.venue-item').count());
    expect(page.url()).toContain('j=710000000');
  });

  it('switches the language of the labels between Russian, English and Kazakh', async () => {
    await page.goto(`${h.api.baseUrl}/#/map`);
    await page
      .getByTestId('venue-list')
      .getByRole('heading', { name: 'Gandhi park, Zharokov street' })
      .waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    const nav = page.getByRole('navigation');

    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('h1').textContent()).toBe('Places and routes for assemblies');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await nav.getByRole('link', { name: 'Register' }).count()).toBe(1);
    expect(await page.getByTestId('venue-list').textContent()).toContain('Specialized places');

    await page.getByRole('button', { name: 'Қазақша' }).click();
    expect(await page.locator('h1').textContent()).toBe(
      'Бейбіт жиналыстарға арналған орындар мен маршруттар',
    );
    expect(await nav.getByRole('link', { name: 'Тізілім' }).count()).toBe(1);

    // The choice is remembered on reload.
    await page.reload();
    await page.locator('h1').waitFor();
    expect(await page.locator('h1').textContent()).toBe(
      'Бейбіт жиналыстарға арналған орындар мен маршруттар',
    );
  });

  it('calculates the filing deadline of a rally in Almaty on 2025-03-26 (Nauryz days off)', async () => {
    await page.goto(`${h.api.baseUrl}/#/deadlines`);
    await page.getByLabel('Форма мирного собрания').selectOption('rally');
    await page.getByLabel('Город').selectOption('750000000');
    await page.getByLabel('Дата собрания').fill('2025-03-26');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    const fileBy = page.getByTestId('file-by');
    await fileBy.waitFor();
    expect(await fileBy.getAttribute('datetime')).toBe('2025-03-14');
    expect(await page.getByTestId('deadlines').textContent()).toContain('2025-03-14');
    expect(await page.getByTestId('answer-days').textContent()).toContain('3');
    expect(await page.getByTestId('deemed-approval').textContent()).toBe('собрание считается согласованным');
  });

  it('looks right on a phone (390x844) and a desktop (1280x800): screenshots in /tmp', async () => {
    for (const [width, height, mobile] of [
      [390, 844, true],
      [1280, 800, false],
    ] as const) {
      const ctx = await newContext(h.browser, { width, height, mobile });
      const p = await ctx.newPage();
      const pageErrors = watchErrors(p);
      await p.goto(`${h.api.baseUrl}/#/map`);
      await p
        .getByTestId('venue-list')
        .getByRole('heading', { name: 'Gandhi park, Zharokov street' })
        .waitFor();
      await p.locator('path.jiyn-venue').first().waitFor();
      await p.waitForTimeout(400); // let the fit-to-bounds animation settle
      // Nothing sticks out sideways on a phone.
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await p.screenshot({ path: `/tmp/jiyn-map-${width}x${height}.png`, fullPage: false });
      await p.screenshot({ path: `/tmp/jiyn-map-${width}x${height}-full.png`, fullPage: true });
      expect(pageErrors).toEqual([]);
      await ctx.close();
    }
  });
});
