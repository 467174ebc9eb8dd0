import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import {
  Harness,
  kzDatePlus,
  newContext,
  signInWithStub,
  startHarness,
  watchErrors,
} from './browser-support';

jest.setTimeout(90_000);

const ORGANIZER = '880808300004'; // ERMEKOV TIMUR
const ALMATY_OFFICER = '870302400008'; // SULTANOVA AIGERIM
const PLACE = 'Square behind the Sary-Arka cinema';

async function person(browser: Browser, width = 1280, height = 900) {
  const context = await newContext(browser, { width, height, mobile: width < 500 });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

/** Fills the filing form for a meeting at PLACE on `date`, 16:00-17:00. */
async function fillMeeting(page: Page, date: string) {
  await page.getByLabel('Собрание').check();
  const venue = page.getByLabel('Место или маршрут');
  await venue.locator('option', { hasText: PLACE }).waitFor({ state: 'attached' });
  const value = await venue.locator('option', { hasText: PLACE }).getAttribute('value');
  await venue.selectOption(value!);
  await page.getByRole('textbox', { name: 'Дата', exact: true }).fill(date);
  await page.getByLabel('Начало').fill('16:00');
  await page.getByLabel('Окончание').fill('17:00');
  await page.getByLabel('Ожидаемое число участников').fill('40');
  await page.getByLabel('Цель').fill('За чистый воздух в Алматы');
  await page.getByLabel('Плакаты, транспаранты').check();
  await page.getByLabel('Регламент мирного собрания').fill('Открытие, выступления, закрытие.');
  await page.getByLabel('Источники финансирования').fill('Собственные средства организатора');
  await page.getByLabel('Место жительства или пребывания').fill('Алматы, пр. Абая, 10');
  await page.getByLabel('Мобильный телефон').fill('+77011234567');
  await page.getByLabel('Электронная почта').fill('timur@example.kz');
  await page.getByLabel('Я согласен(-на)').check();
}

/** Presses submit and signs in the development signer's dialog (prefilled with the session user). */
async function signAndSubmit(page: Page, button: string) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Подписать' }).click();
}

/**
 * The organizer files a meeting from a phone, signed with the development signer. A second filing
 * for the same slot is refused with alternatives, one of which refills the form and is filed. The
 * Almaty officer answers both (one race lost with a plain 409 not_pending, one reasoned refusal);
 * the organizer sees the answers and the public register shows them without the organizer.
 */
describe('filing and answering in Chromium', () => {
  let h: Harness;
  let org: { context: BrowserContext; page: Page; errors: string[] };
  const date = kzDatePlus(47);
  let number = '';
  let second = '';
  let groundTitle = '';

  beforeAll(async () => {
    h = await startHarness();
    org = await person(h.browser, 390, 844);
  });
  afterAll(async () => {
    await org?.context.close();
    await h?.close();
  });

  it('the organizer files a meeting with live deadlines and gets its number (one POST, with an Idempotency-Key)', async () => {
    const { page } = org;
    await signInWithStub(page, h.api.baseUrl, ORGANIZER);
    await page.goto(`${h.api.baseUrl}/#/file`);
    // Prefilled from the session, and the IIN is the signer's.
    expect(await page.getByLabel('ИИН').inputValue()).toBe(ORGANIZER);
    expect(await page.getByLabel('ФИО').inputValue()).toBe('ERMEKOV TIMUR');
    await fillMeeting(page, date);
    await page.getByTestId('file-by').waitFor();

    const posts: Request[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/v1/filings') && posts.push(r));
    await signAndSubmit(page, 'Подписать и отправить');

    const created = page.getByTestId('filing-created');
    await created.waitFor();
    number = (await created.locator('.big-number strong').textContent()) ?? '';
    expect(number).toMatch(/\S+/);
    expect(await created.textContent()).toContain('Ожидает ответа');
    expect(await created.textContent()).toContain('отладочной подписью');
    expect(posts).toHaveLength(1);
    expect(posts[0].headers()['idempotency-key']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const body = posts[0].postDataJSON();
    expect(body).toMatchObject({
      form: 'meeting',
      jurisdiction: '750000000',
      startsAt: `${date}T16:00:00+05:00`,
      endsAt: `${date}T17:00:00+05:00`,
      expectedParticipants: 40,
      personalDataConsent: true,
      equipment: { sound: false, vehicles: false, structures: false, visualAids: true },
      organizer: { iin: ORGANIZER, fullName: 'ERMEKOV TIMUR' },
      signature: { format: 'stub', iin: ORGANIZER, fullName: 'ERMEKOV TIMUR' },
    });
    expect(body.signature.digest).toMatch(/^[0-9a-f]{64}$/);

    await page.getByRole('link', { name: 'Мои заявки' }).first().click();
    await page.locator('.card', { hasText: number }).waitFor();
    expect(await page.locator('.card', { hasText: number }).textContent()).toContain(PLACE);
    expect(org.errors).toEqual([]);
  });

  it('a second filing for the same slot is refused with alternatives; one refills the form and files', async () => {
    const { page } = org;
    await page.goto(`${h.api.baseUrl}/#/file`);
    await fillMeeting(page, date);
    await signAndSubmit(page, 'Подписать и отправить');
    const problem = page.locator('.problem').filter({ hasText: 'Место на это время уже занято.' });
    await problem.waitFor();
    const venue = page.getByLabel('Место или маршрут');
    const taken = `${await venue.inputValue()} ${date} 16:00`;
    const alternatives = problem.locator('.btn--alt');
    expect(await alternatives.count()).toBeGreaterThan(0);
    const offered = await alternatives.first().getAttribute('data-venue-id');
    await alternatives.first().click();
    await page.getByText('В форму подставлены новое место и время').waitFor();
    expect(await page.locator('.problem:visible').count()).toBe(0);
    const slot = await page.getByLabel('Начало').inputValue();
    const day = await page.getByRole('textbox', { name: 'Дата', exact: true }).inputValue();
    expect(await venue.inputValue()).toBe(offered);
    expect(`${await venue.inputValue()} ${day} ${slot}`).not.toBe(taken);

    // The form keeps everything else: signing again files it in the free slot.
    await signAndSubmit(page, 'Подписать и отправить');
    const created = page.getByTestId('filing-created');
    await created.waitFor();
    second = (await created.locator('.big-number strong').textContent()) ?? '';
    expect(second).toMatch(/\S+/);
    expect(second).not.toBe(number);
    expect(org.errors).toEqual([]);
  });

  it('the Almaty officer answers from the queue: a plain not_pending when beaten to it, and a reasoned refusal', async () => {
    const officer = await person(h.browser);
    try {
      const { page } = officer;
      await signInWithStub(page, h.api.baseUrl, ALMATY_OFFICER);
      await page.getByRole('heading', { name: 'Заявки, ожидающие ответа' }).waitFor();
      await page.locator('.card', { hasText: second }).waitFor();

      // The first filing: a colleague approves it while the form is open, then this approval is a 409.
      await page.locator('.card', { hasText: number }).getByRole('link').click();
      await page.getByRole('heading', { name: 'Ответ', exact: true }).waitFor();
      const firstId = decodeURIComponent(page.url().split('#/queue/')[1]);
      expect(await approveBehindTheBack(page, firstId)).toBe(200);
      await page.getByLabel('Согласовать', { exact: true }).check();
      await signAndSubmit(page, 'Подписать и зарегистрировать ответ');
      await page.getByRole('alert').filter({ hasText: 'Заявка больше не ожидает ответа' }).waitFor();
      expect(
        await page.getByRole('button', { name: 'Подписать и зарегистрировать ответ' }).isDisabled(),
      ).toBe(true);

      // The second: refused on a ground of Art. 14(1), with reasons.
      await page.goto(`${h.api.baseUrl}/#/queue`);
      await page.locator('.card', { hasText: second }).getByRole('link').click();
      await page.getByRole('heading', { name: 'Ответ', exact: true }).waitFor();
      await page.getByLabel('Отказать', { exact: true }).check();
      const ground = page.locator('.check--ground').nth(2); // (3) a threat to public order...
      groundTitle = ((await ground.textContent()) ?? '').replace(/^Art\. \S+\s*/, '').trim();
      await ground.locator('input').check();
      await page.getByLabel('Мотивировка').fill('В это время на площади ремонт покрытия.');
      await signAndSubmit(page, 'Подписать и зарегистрировать ответ');
      await page.locator('.flash', { hasText: `Ответ на заявку ${second} зарегистрирован` }).waitFor();
      expect(await page.locator('.card', { hasText: second }).count()).toBe(0);
      expect(officer.errors).toEqual([]);
    } finally {
      await officer.context.close();
    }

    await org.page.goto(`${h.api.baseUrl}/#/my`);
    await org.page.locator('.card', { hasText: number }).locator('[data-status="approved"]').waitFor();
    await org.page.locator('.card', { hasText: second }).locator('[data-status="refused"]').waitFor();
  });

  it('the public register shows both answers with the ground and reasons, and never the organizer', async () => {
    const visitor = await person(h.browser);
    try {
      const { page } = visitor;
      const [from, to] = [kzDatePlus(0), kzDatePlus(90)];
      await page.goto(`${h.api.baseUrl}/#/register?j=750000000&from=${from}&to=${to}`);
      const refused = page.locator('tr', { hasText: second });
      await refused.waitFor();
      expect(await refused.textContent()).toContain('Отказано');
      expect(await refused.textContent()).toContain('В это время на площади ремонт покрытия.');
      expect(await refused.textContent()).toContain(groundTitle.slice(0, 30));
      expect(await page.locator('tr', { hasText: number }).textContent()).toContain('Согласовано');
      expect(await page.locator('main').textContent()).not.toContain('ERMEKOV');
      const csv = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
      expect(csv).toBe(`/api/v1/register.csv?jurisdiction=750000000&from=${from}&to=${to}`);
      expect(visitor.errors).toEqual([]);
    } finally {
      await visitor.context.close();
    }
  });

  it('the organizer opens the approved filing, sees its answer, and withdraws it', async () => {
    const { page } = org;
    await page.goto(`${h.api.baseUrl}/#/my`);
    await page.locator('.card', { hasText: number }).getByRole('link').click();
    const facts = page.locator('.facts');
    await facts.getByText('Согласовано').first().waitFor();
    expect(await facts.textContent()).toContain(PLACE);
    page.once('dialog', (dialog) => void dialog.accept()); // "Withdraw this filing?"
    await page.getByRole('button', { name: 'Отозвать заявку' }).click();
    await page.locator('.flash', { hasText: 'Заявка отозвана.' }).waitFor();
    await page.locator('.filing-head [data-status="withdrawn"]').waitFor();
    expect(await page.getByRole('button', { name: 'Отозвать заявку' }).count()).toBe(0);
    expect(org.errors).toEqual([]);
  });
});

/** A colleague's approval, straight through the api with the page's session and a stub signature. */
async function approveBehindTheBack(page: Page, id: string): Promise<number> {
  return page.evaluate(async (filingId) => {
    const s = JSON.parse(sessionStorage.getItem('jiyn.session') ?? '{}');
    const canonical = '{"deliveredVia":"e_document","outcome":"approved"}'; // RFC 8785 form
    const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
    const digest = Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
    const response = await fetch(`/api/v1/filings/${encodeURIComponent(filingId)}/decision`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${s.token}`,
        'idempotency-key': crypto.randomUUID(),
      },
      body: JSON.stringify({
        outcome: 'approved',
        deliveredVia: 'e_document',
        signature: { format: 'stub', iin: s.user.iin, fullName: s.user.fullName, digest },
      }),
    });
    return response.status;
  }, id);
}
