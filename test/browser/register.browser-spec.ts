import type { BrowserContext, Page, Request } from 'playwright-core';
import { PEOPLE, post, signBody, signIn } from '../support/auth';
import { filingBody, hourSlot } from '../support/filings';
import { Harness, newContext, startHarness, watchErrors } from './browser-support';

jest.setTimeout(120_000);

/** The api's clock: the assembly days below are timely then, whatever day the tests run. */
const CLOCK_START = '2026-12-01T05:00:00.000Z';
const SHYMKENT = '790000000';
const INDEPENDENCE_PARK = '0b8e4f4a-5d0e-4c41-9d1e-7a1f00000008';
/** Six days of Shymkent that no other suite files for: ten one-hour meetings a day, 60 in all. */
const DAYS = ['2027-01-18', '2027-01-19', '2027-01-20', '2027-01-21', '2027-01-22', '2027-01-23'];
const HOURS = [9, 10, 11, 12, 13, 14, 15, 16, 17, 18];
const TOTAL = DAYS.length * HOURS.length;
const FROM = DAYS[0];
const TO = DAYS[DAYS.length - 1];

/**
 * The public register pages by 50: more entries than one page are filed through the api, and a
 * visitor on a phone sees the total, loads the rest with "Show more" (in Russian, English and
 * Kazakh), and keeps the filters in the address.
 */
describe('the public register in pages, in Chromium', () => {
  let h: Harness;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const numbers: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ env: { CLOCK_START } });
    const organizer = await signIn(h.api.baseUrl, PEOPLE.organizer);
    for (const day of DAYS) {
      for (const hour of HOURS) {
        const body = filingBody({
          form: 'meeting',
          jurisdiction: SHYMKENT,
          venueId: INDEPENDENCE_PARK,
          expectedParticipants: 30,
          purpose: `Register page ${day} ${hour}:00`,
          ...hourSlot(day, hour),
        });
        const created = await post(
          h.api.baseUrl,
          '/api/v1/filings',
          organizer,
          signBody(body, PEOPLE.organizer),
        );
        if (created.status !== 201)
          throw new Error(`filing: ${created.status} ${JSON.stringify(created.body)}`);
        numbers.push(created.body.number);
      }
    }
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    context = await newContext(h.browser, { width: 390, height: 844, mobile: true });
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });

  const rows = () => page.locator('.register tbody tr');
  const numbersShown = () => page.locator('.register tbody tr td:first-child .block').allTextContents();

  it('shows the total, loads the rest with "Show more" by the cursor, and keeps the filters', async () => {
    const registerRequests: Request[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/v1/register') registerRequests.push(r);
    });
    await page.goto(`${h.api.baseUrl}/#/register?j=${SHYMKENT}&from=${FROM}&to=${TO}`);
    const count = page.getByTestId('register-count');
    await count.filter({ hasText: `Показано 50 из ${TOTAL}` }).waitFor();
    expect(await rows().count()).toBe(50);
    expect(await numbersShown()).toEqual(numbers.slice(0, 50));

    const more = page.getByRole('button', { name: 'Показать ещё' });
    // On a phone the button spans the column and nothing scrolls sideways.
    const box = await more.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The same button in English and Kazakh.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Show more' }).waitFor();
    expect(await count.textContent()).toBe(`Showing 50 of ${TOTAL}`);
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await page.getByRole('button', { name: 'Тағы көрсету' }).waitFor();
    await page.getByRole('button', { name: 'Русский' }).click();

    await more.click();
    await count.filter({ hasText: `Записей: ${TOTAL}` }).waitFor();
    expect(await rows().count()).toBe(TOTAL);
    expect(await numbersShown()).toEqual(numbers);
    expect(await more.count()).toBe(0);
    // The next page was asked for with the filters and the first page's nextCursor.
    expect(registerRequests).toHaveLength(2);
    const [first, second] = registerRequests.map((r) => new URL(r.url()).searchParams);
    expect(first.get('cursor')).toBeNull();
    expect(second.get('cursor')).toMatch(/^[A-Za-z0-9_-]+$/);
    for (const q of [first, second]) {
      expect(q.get('jurisdiction')).toBe(SHYMKENT);
      expect(q.get('from')).toBe(FROM);
      expect(q.get('to')).toBe(TO);
      expect(q.get('limit')).toBe('50');
    }
    // The first new entry has the focus, where the reader goes on.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(numbers[50]);
    // The address still holds the filters.
    const query = new URL(page.url().replace('#/register', '')).searchParams;
    expect([query.get('j'), query.get('from'), query.get('to')]).toEqual([SHYMKENT, FROM, TO]);
  });

  it('starts again from the first page when the filters change, and after a reload', async () => {
    await page.goto(`${h.api.baseUrl}/#/register?j=${SHYMKENT}&from=${FROM}&to=${TO}`);
    const count = page.getByTestId('register-count');
    await count.filter({ hasText: `Показано 50 из ${TOTAL}` }).waitFor();
    await page.getByRole('button', { name: 'Показать ещё' }).click();
    await count.filter({ hasText: `Записей: ${TOTAL}` }).waitFor();

    // One day: ten entries, no "Show more"; the address follows.
    await page.getByLabel('По').fill(FROM);
    await page.getByRole('button', { name: 'Показать', exact: true }).click();
    await count.filter({ hasText: `Записей: ${HOURS.length}` }).waitFor();
    expect(await rows().count()).toBe(HOURS.length);
    expect(await page.getByRole('button', { name: 'Показать ещё' }).count()).toBe(0);
    expect(page.url()).toContain(`to=${FROM}`);

    await page.reload();
    await count.filter({ hasText: `Записей: ${HOURS.length}` }).waitFor();
    expect(await page.getByLabel('По').inputValue()).toBe(FROM);
    expect(await numbersShown()).toEqual(numbers.slice(0, HOURS.length));
  });
});
