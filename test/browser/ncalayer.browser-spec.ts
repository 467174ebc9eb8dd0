import type { BrowserContext, Page } from 'playwright-core';
import { FakeNcaLayer, startFakeNcaLayer } from './fake-ncalayer';
import { Harness, newContext, startHarness, watchErrors } from './browser-support';

jest.setTimeout(60_000);

const FAKE_CMS = 'MIIBfakeCMSsignedDataForTheTest';

/**
 * Signing with NCALayer when it runs on the computer: the page sends the kz.gov.pki.knca.basics
 * request with the challenge's bytes and wraps the returned CMS in a {format:"cms"} envelope. The
 * fake NCALayer's CMS is not a real signature, so the api's answer to it is stood in for here.
 */
describe('sign-in through NCALayer in Chromium', () => {
  let h: Harness;
  let nca: FakeNcaLayer;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    nca = await startFakeNcaLayer(() => ({ status: true, body: { result: [FAKE_CMS] } }));
    h = await startHarness({ chromiumArgs: ['--ignore-certificate-errors'] });
    context = await newContext(h.browser);
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await context?.close();
    await h?.close();
    await nca?.close();
  });

  it('sends the challenge to NCALayer, posts the CMS envelope and says NCALayer signed', async () => {
    let sessionBody: any;
    await page.route('**/api/v1/auth/session', async (route) => {
      sessionBody = route.request().postDataJSON();
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          token: 'test-token',
          user: { iin: '880808300004', fullName: 'ERMEKOV TIMUR', roles: ['organizer'], jurisdictions: [] },
        }),
      });
    });
    const challenge = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/challenge'));
    // Back to the public map afterwards: the stand-in token means nothing to the real api.
    await page.goto(`${h.api.baseUrl}/#/signin?next=${encodeURIComponent('#/map')}`);
    await page.getByRole('button', { name: 'Войти с ЭЦП' }).click();
    const { challenge: text } = await (await challenge).json();

    await page.getByTestId('current-user').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0); // no development signer asked
    expect(nca.requests).toEqual([
      {
        module: 'kz.gov.pki.knca.basics',
        method: 'sign',
        args: {
          allowedStorages: ['PKCS12', 'AKKZIDCardStore', 'AKKaztokenStore'],
          format: 'cms',
          data: Buffer.from(text, 'utf8').toString('base64'),
          signingParams: { decode: true, encapsulate: true, digested: false },
          signerParams: { extKeyUsageOids: ['1.3.6.1.5.5.7.3.2'] },
          locale: 'ru',
        },
      },
    ]);
    expect(sessionBody).toEqual({ signature: { format: 'cms', cms: FAKE_CMS } });
    expect(await page.locator('.flash').textContent()).toContain('Подписано через NCALayer');
    expect(await page.getByTestId('current-user').textContent()).not.toContain('тестовая подпись');
    expect(errors).toEqual([]);
  });
});
