import { existsSync } from 'node:fs';
import { Browser, chromium, Page } from 'playwright-core';
import { BILLING_FORM } from './psp-sandbox';

/** Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it), or CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A headless Chromium for browser tests, launched as DESIGN says. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** What a shopper does on the hosted cashier page: type a card (and a billing address when asked), press Pay. */
export async function payOnHostedPage(page: Page, sessionUrl: string, card: string): Promise<void> {
  await page.goto(sessionUrl);
  await typeCard(page, card, '12/30');
  await Promise.all([page.waitForLoadState('load'), page.click('#pay')]);
}

/** Types a card into the hosted page's form, and the billing address when the page asks for one. */
export async function typeCard(page: Page, card: string, expiry: string): Promise<void> {
  await page.fill('#card_number', card);
  await page.fill('#expiry', expiry);
  await page.fill('#cvc', '123');
  if (await page.isVisible('#billing_address_line1')) {
    for (const [input, value] of Object.entries(BILLING_FORM)) await page.fill(`#${input}`, value);
  }
}

/** A shopper paying in a tab of their own, closed afterwards; answers the result page's heading, if any. */
export async function payInNewTab(
  browser: Browser,
  sessionUrl: string,
  card: string,
): Promise<string | null> {
  const page = await browser.newPage();
  try {
    await payOnHostedPage(page, sessionUrl, card);
    return await page.textContent('#result', { timeout: 1_000 }).catch(() => null);
  } finally {
    await page.close();
  }
}
