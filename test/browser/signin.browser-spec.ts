import type { BrowserContext, Page } from 'playwright-core';
import { Harness, newContext, startHarness, watchErrors } from './browser-support';

jest.setTimeout(60_000);

/**
 * Signing in without NCALayer: the page tries wss://127.0.0.1:13579, finds nothing, and offers
 * the development signer, which builds a stub envelope over the challenge.
 */
describe('sign-in with the development signer in Chromium', () => {
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

  it('signs in the demo Almaty officer and shows her name and role, then signs out', async () => {
    await page.goto(`${h.api.baseUrl}/#/signin`);
    await page.getByRole('button', { name: 'Войти с ЭЦП' }).click();

    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('NCALayer');
    await dialog.locator('button[data-iin="870302400008"]').click();
    expect(await dialog.getByLabel('ИИН').inputValue()).toBe('870302400008');
    expect(await dialog.getByLabel('ФИО').inputValue()).toBe('SULTANOVA AIGERIM');
    await dialog.getByRole('button', { name: 'Подписать' }).click();

    const who = page.getByTestId('current-user');
    await who.waitFor();
    expect(await who.textContent()).toContain('SULTANOVA AIGERIM');
    expect(await who.textContent()).toContain('Сотрудник акимата');
    expect(await who.textContent()).toContain('тестовая подпись'); // which method signed
    expect(await page.locator('.flash').textContent()).toContain('отладочной подписью');
    // The officer's work is one click away, and the token is kept for this tab only.
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Очередь' }).count()).toBe(1);
    const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem('jiyn.session') ?? 'null'));
    expect(stored).toMatchObject({ method: 'stub', user: { iin: '870302400008' } });
    expect(typeof stored.token).toBe('string');

    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByRole('link', { name: 'Войти' }).waitFor();
    expect(await page.getByTestId('current-user').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('jiyn.session'))).toBeNull();
  });

  it('says so plainly when signing is cancelled', async () => {
    await page.goto(`${h.api.baseUrl}/#/signin`);
    await page.getByRole('button', { name: 'Войти с ЭЦП' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await page.getByRole('alert').filter({ hasText: 'Подписание отменено.' }).waitFor();
    expect(await page.getByTestId('current-user').count()).toBe(0);
  });
});
