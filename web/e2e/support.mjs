// What the browser journeys share: headless Chromium, a company signed up by its administrator, a colleague invited
// with a role who accepts in another browser, a product in the catalogue, antd's dropdowns and dialogs, the API
// called with the page's session, and the run itself (each step printed; the failing one named, exit code 1,
// screenshots with SHOT=prefix).
import { chromium } from 'playwright-core';

export const base = process.env.BASE_URL ?? 'http://localhost:8080';
export const stamp = Date.now();
export const password = 'a sturdy password';

/** A page in a browser context of its own (its own session), English unless told, with generous timeouts. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1800, height: 1000 }, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.setDefaultNavigationTimeout(60_000);
  return page;
}

/** A new company signed up by its administrator, who lands in the app. */
export async function signUp(page, { company, name, email }) {
  await page.goto(base + '/sign-up');
  await page.getByLabel('Company name').fill(company);
  await page.getByLabel('Your full name').fill(name);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create a company' }).click();
  await page.getByTestId('company').filter({ hasText: company }).waitFor();
}

/** The administrator invites a colleague with a role (its English name, e.g. "Marketer"); the invitation link. */
export async function invite(admin, { email, role }) {
  await admin.getByRole('menuitem', { name: 'Users' }).click();
  await admin.getByRole('button', { name: 'Invite' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Invite' });
  await dialog.getByLabel('E-mail').fill(email);
  if (role) {
    await dialog.getByLabel('Role').click();
    await choose(admin, role);
  }
  await dialog.getByRole('button', { name: 'OK' }).click();
  const link = (await admin.getByTestId('invite-link').innerText()).trim();
  await clickUntilGone(admin.getByTestId('invite-link'), admin.getByRole('button', { name: 'Done' }));
  return link;
}

/** The invited colleague accepts in their own browser and lands in the app as who they are. */
export async function acceptInvitation(page, link, { firstName, lastName, role }) {
  await page.goto(link);
  await page.getByLabel('First name').fill(firstName);
  await page.getByLabel('Last name').fill(lastName);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Accept and sign in' }).click();
  await page.getByTestId('user').filter({ hasText: `${firstName} ${lastName} · ${role}` }).waitFor();
}

/** Puts a product or service in the catalogue (as an ADMIN or a MARKETER). */
export async function addProduct(page, { name, sku, price }) {
  await page.getByRole('menuitem', { name: 'Products and services' }).click();
  await page.getByRole('button', { name: 'New product' }).click();
  const form = page.getByTestId('product-form');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('SKU').fill(sku);
  await form.getByLabel('Price').fill(String(price));
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await page.getByText('Product saved').waitFor();
}

/** Picks an option of the open antd select dropdown by its title. */
export async function choose(page, title) {
  await page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: true }).click();
}

/** Clicks a dialog's button until the dialog closes: a click during the dialog's opening animation can be lost. */
export async function clickUntilGone(dialog, button) {
  for (let attempt = 1; ; attempt++) {
    await button.click();
    try {
      await dialog.waitFor({ state: 'hidden', timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Clicks a Popconfirm's trigger until its confirm button shows, then confirms: a click that lands while the
 * dialog around the trigger is still opening can be lost, and a closed Popconfirm stays in the page, hidden.
 */
export async function confirmWith(page, trigger, name) {
  const ok = page.locator('.ant-popconfirm').getByRole('button', { name }).filter({ visible: true }).first();
  for (let attempt = 1; ; attempt++) {
    await trigger.click();
    try {
      await ok.waitFor({ timeout: 3_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  await ok.click();
}

/** Calls the API with the page's session: { status, body }. */
export async function callApi(page, path, { method = 'GET', body } = {}) {
  return page.evaluate(async ({ path, method, body }) => {
    const { accessToken } = JSON.parse(localStorage.getItem('crm.session'));
    const response = await fetch(path, {
      method,
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }, { path, method, body });
}

/**
 * Runs a journey: `body(browser, step)` calls `step('what happens next')` before each step, which is printed.
 * A failure names the step, takes screenshots when SHOT is set, and sets the exit code to 1.
 */
export async function journey(name, body) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  let current = 'start';
  try {
    await body(browser, (step) => {
      current = step;
      console.log(`- ${step}`);
    });
    console.log(`${name}: all steps passed`);
  } catch (error) {
    console.error(`${name} failed at "${current}": ${error.message}`);
    if (process.env.SHOT) {
      for (const [i, open] of browser.contexts().flatMap((c) => c.pages()).entries()) await open.screenshot({ path: `${process.env.SHOT}-${i}.png` });
    }
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
