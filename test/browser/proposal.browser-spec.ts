import type { BrowserContext, Page } from 'playwright-core';
import { PEOPLE, post, Session, signBody, signIn } from '../support/auth';
import { filingBody, GANDHI_PARK, hourSlot, WALIKHANOV_SQUARE } from '../support/filings';
import { Harness, newContext, signInWithStub, startHarness, watchErrors } from './browser-support';

jest.setTimeout(90_000);

/** The system's clock for this journey: the api's, and the browser's too. */
const CLOCK_START = '2026-12-01T05:00:00.000Z'; // Tuesday 1 December 2026, 10:00 in Almaty
/** One working day from CLOCK_START: the end of Wednesday 2 December in Almaty (as the e2e tests fix it). */
const REPLY_DEADLINE = '2026-12-02T19:00:00.000Z';
const WALIKHANOV = 'Shoqan Walikhanov square, by the Academy of Sciences';
const GANDHI = 'Gandhi park, Zharokov street';

/**
 * An akimat proposes another place and time (Art. 12); the organizer answers it in the browser.
 * Two rallies in Almaty are filed through the api with a stub signature, the Almaty officer
 * proposes a change to each through the api, and the organizer, on a phone, accepts the first
 * (the filing is approved at the new place and time) and declines the second with a reason.
 */
describe('answering a change proposal in Chromium', () => {
  let h: Harness;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let organizer: Session;
  let officer: Session;
  const anchor = new Date();

  /** A rally at Gandhi park on `day`, 11:00-13:00; the officer proposes Walikhanov square, 15:00-17:00. */
  async function fileAndPropose(day: string, reason: string): Promise<{ id: string; number: string }> {
    const filed = await post(
      h.api.baseUrl,
      '/api/v1/filings',
      organizer,
      signBody(filingBody({ venueId: GANDHI_PARK, ...hourSlot(day, 11, 2) }), PEOPLE.organizer),
    );
    expect(filed.status).toBe(201);
    const proposed = await post(
      h.api.baseUrl,
      `/api/v1/filings/${filed.body.id}/decision`,
      officer,
      signBody(
        {
          outcome: 'change_proposed',
          reason,
          proposal: { venueId: WALIKHANOV_SQUARE, ...hourSlot(day, 15, 2) },
          deliveredVia: 'e_document',
        },
        PEOPLE.almatyOfficer,
      ),
    );
    expect(proposed.status).toBe(200);
    expect(proposed.body.proposal).toMatchObject({ reply: 'pending', replyDeadline: REPLY_DEADLINE });
    return { id: filed.body.id, number: filed.body.number };
  }

  beforeAll(async () => {
    h = await startHarness({ env: { CLOCK_START, CLOCK_ANCHOR: anchor.toISOString() } });
    [organizer, officer] = await Promise.all([
      signIn(h.api.baseUrl, PEOPLE.organizer),
      signIn(h.api.baseUrl, PEOPLE.almatyOfficer),
    ]);
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    context = await newContext(h.browser, { width: 390, height: 844, mobile: true });
    // The browser's clock reads what the api's does, as it would in real life.
    await context.clock.install({ time: Date.parse(CLOCK_START) + (Date.now() - anchor.getTime()) });
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });

  /** Signs in in the browser (development signer) and opens the filing from "My filings". */
  async function openFromMyFilings(number: string) {
    await signInWithStub(page, h.api.baseUrl, PEOPLE.organizer.iin);
    await page.goto(`${h.api.baseUrl}/#/my`); // where an organizer lands after signing in anyway
    const card = page.locator('.card', { hasText: number });
    await card.locator('[data-status="change_proposed"]').waitFor();
    // The card counts down the organizer's own deadline (about 38 hours), not the akimat's.
    expect(await card.getByTestId('reply-by').textContent()).toMatch(/^Срок вашего ответа: через 3[78] час/);
    await card.getByRole('link').click();
    await page.locator('.filing-head', { hasText: number }).waitFor();
  }

  it('the organizer sees the proposal with its place, time and reply deadline, and accepts it', async () => {
    const { id, number } = await fileAndPropose('2027-01-14', 'Road works on Zharokov street that day');
    await openFromMyFilings(number);

    const proposal = page.getByTestId('proposal');
    await proposal.waitFor();
    const text = (await proposal.textContent()) ?? '';
    expect(text).toContain('Акимат предлагает изменение');
    expect(text).toContain(WALIKHANOV);
    expect(text).toContain('15:00–17:00');
    expect(text).toContain('Road works on Zharokov street that day');
    expect(text).toContain('Ответить до');
    expect(await proposal.locator(`time[datetime="${REPLY_DEADLINE}"]`).count()).toBe(1);
    // The reply deadline in Almaty time: 3 December 2026, 00:00.
    expect(await proposal.locator('time').first().textContent()).toMatch(/0?3.*(12|дек).*2026.*00:00/);
    // What asks for an answer comes first on a phone, with the accept button in the first screen.
    const accept = proposal.getByRole('button', { name: 'Принять предложение' });
    const box = await accept.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    expect(box!.width).toBeGreaterThan(300);
    // Answered, a notification is no longer "deemed approved" at the answer deadline.
    expect(await page.locator('.facts').textContent()).not.toContain('Считается согласованным');
    // The filing itself is still at the park until the organizer accepts.
    expect(await page.locator('.facts').textContent()).toContain(GANDHI);
    await page.locator('.filing-head [data-status="change_proposed"]').waitFor();

    await accept.click();
    await page.locator('.flash', { hasText: 'Вы приняли предложение.' }).waitFor();
    await page.locator('.filing-head [data-status="approved"]').waitFor();
    expect(await page.getByTestId('proposal').count()).toBe(0);
    const facts = (await page.locator('.facts').textContent()) ?? '';
    expect(facts).toContain(WALIKHANOV);
    expect(facts).toContain('15:00–17:00');
    expect(facts).not.toContain(GANDHI);
    expect(facts).not.toContain('11:00–13:00');

    // What the api holds agrees, and "My filings" shows it approved.
    const stored = await page.evaluate(async (filingId) => {
      const s = JSON.parse(sessionStorage.getItem('jiyn.session') ?? '{}');
      const r = await fetch(`/api/v1/filings/${filingId}`, {
        headers: { authorization: `Bearer ${s.token}` },
      });
      return r.json();
    }, id);
    expect(stored).toMatchObject({
      status: 'approved',
      venueId: WALIKHANOV_SQUARE,
      startsAt: '2027-01-14T15:00:00+05:00',
      endsAt: '2027-01-14T17:00:00+05:00',
      proposal: { reply: 'accepted' },
    });
    await page.getByRole('link', { name: 'Мои заявки' }).first().click();
    await page.locator('.card', { hasText: number }).locator('[data-status="approved"]').waitFor();
  });

  it('the organizer declines the proposal with a reason; the page shows it declined', async () => {
    const { id, number } = await fileAndPropose('2027-01-15', 'A concert is planned in the park');
    await openFromMyFilings(number);

    const proposal = page.getByTestId('proposal');
    await proposal.waitFor();
    expect(await proposal.textContent()).toContain(WALIKHANOV);
    await proposal.getByLabel('Причина (необязательно)').fill('We need the park: it is near the school');
    await proposal.getByRole('button', { name: 'Отклонить' }).click();
    await page.locator('.flash', { hasText: 'Вы отклонили предложение.' }).waitFor();
    const declined = page.getByTestId('proposal-declined');
    await declined.waitFor();
    const text = (await declined.textContent()) ?? '';
    expect(text).toContain(WALIKHANOV);
    expect(text).toContain('15:00–17:00');
    expect(text).toContain('Вы отклонили предложение');
    expect(text).toContain('Ваша причина: We need the park: it is near the school');
    expect(text).toContain('Теперь акимат даст окончательный ответ');
    expect(await page.getByTestId('proposal').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Принять предложение' }).count()).toBe(0);
    // The assembly stays where it was filed; the proposal is on record, declined.
    const facts = (await page.locator('.facts').textContent()) ?? '';
    expect(facts).toContain(GANDHI);
    expect(facts).toContain('11:00–13:00');

    const stored = await page.evaluate(async (filingId) => {
      const s = JSON.parse(sessionStorage.getItem('jiyn.session') ?? '{}');
      const r = await fetch(`/api/v1/filings/${filingId}`, {
        headers: { authorization: `Bearer ${s.token}` },
      });
      return r.json();
    }, id);
    expect(stored).toMatchObject({
      status: 'change_proposed',
      venueId: GANDHI_PARK,
      proposal: { reply: 'declined', replyReason: 'We need the park: it is near the school' },
    });

    // Reloaded, the page still shows the answer and offers no buttons.
    await page.reload();
    await page.getByTestId('proposal-declined').getByText('Вы отклонили предложение').waitFor();
    expect(await page.getByRole('button', { name: 'Отклонить' }).count()).toBe(0);
  });
});
