import type { BrowserContext, Page } from 'playwright-core';
import {
  Harness,
  kzDatePlus,
  newContext,
  signInWithStub,
  startHarness,
  watchErrors,
} from './browser-support';

jest.setTimeout(60_000);

const ALMATY_MASLIKHAT = '900515300107'; // BEKOV NURLAN

/** The maslikhat's journey: draw a specialized place on the map, describe it, and see it published. */
describe('the venues editor in Chromium', () => {
  let h: Harness;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    h = await startHarness();
    context = await newContext(h.browser);
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await context?.close();
    await h?.close();
  });

  it('draws an area by clicking on the map, saves it, and the public map lists it', async () => {
    const name = `Square by the Abay monument ${Date.now().toString(36)}`;
    await signInWithStub(page, h.api.baseUrl, ALMATY_MASLIKHAT);
    await page.getByRole('heading', { name: 'Специализированные места и маршруты' }).waitFor();

    // Saving with nothing drawn says what is missing, next to the field.
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Сначала нарисуйте место или маршрут на карте.').waitFor();

    await page.locator('input[type=radio][value=Polygon]').check();
    const box = (await page.locator('#editor-map').boundingBox())!;
    for (const [x, y] of [
      [0.4, 0.35],
      [0.6, 0.35],
      [0.6, 0.6],
      [0.4, 0.6],
    ]) {
      await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
    }
    expect((await page.getByLabel('Координаты').inputValue()).split('\n')).toHaveLength(4);
    await page.locator('path.jiyn-draft').waitFor();

    await page.getByLabel('Название').fill(name);
    await page.getByLabel('Предельная наполняемость (человек)').fill('150');
    await page.getByLabel('Решение маслихата').fill('Almaty city maslikhat decision No. 1 of 01.11.2026');
    await page.getByRole('textbox', { name: 'Действует с' }).fill(kzDatePlus(0));
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/venues'));
    await page.getByRole('button', { name: 'Сохранить' }).click();
    const body = (await posted).postDataJSON();
    expect(body).toMatchObject({
      name,
      jurisdiction: '750000000',
      maxOccupancy: 150,
      geometry: { type: 'Polygon' },
    });
    expect(body.geometry.coordinates[0]).toHaveLength(5); // closed ring
    expect(body.geometry.coordinates[0][0]).toEqual(body.geometry.coordinates[0][4]);
    await page.locator('.flash', { hasText: `«${name}» добавлено.` }).waitFor();

    await page.goto(`${h.api.baseUrl}/#/map?j=750000000`);
    await page.getByTestId('venue-list').getByRole('heading', { name }).waitFor();
    expect(errors).toEqual([]);
  });
});
