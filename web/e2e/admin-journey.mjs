// A company administrator's first visit, in headless Chromium through the gateway at BASE_URL:
// sign up, see the company, switch the language, create an API key (shown once), revoke it, invite a colleague
// and find the invitation e-mail sent in the log of sent messages (also in Ukrainian), which the colleague does
// not see; sign out, sign in again. Exits non-zero with the failing step on any failure.
import { chromium } from 'playwright-core';
import { acceptInvitation, callApi, clickUntilGone, invite, newPage } from './support.mjs';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
const email = `admin-${Date.now()}@example.com`;
const password = 'a sturdy password';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
    '--no-first-run', '--disable-component-update', '--disable-sync'],
});
let step = 'start';
try {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);

  step = 'open the app: not signed in, so the sign-in screen';
  await page.goto(base + '/');
  await page.getByRole('button', { name: 'Sign in' }).waitFor();

  step = 'sign up a company';
  await page.getByRole('link', { name: 'New here? Create your company' }).click();
  await page.getByLabel('Company name').fill('Kovalenko Trading');
  await page.getByLabel('Your full name').fill('Olena Kovalenko');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create a company' }).click();
  await page.getByTestId('company').filter({ hasText: 'Kovalenko Trading' }).waitFor();
  await page.getByTestId('user').filter({ hasText: 'Administrator' }).waitFor();

  step = 'switch the language to Ukrainian';
  await page.getByTestId('language').click();
  await page.getByTitle('Українська').click();
  await page.getByRole('menuitem', { name: 'Профіль' }).waitFor();
  await page.getByRole('button', { name: 'Вийти' }).waitFor();
  await page.getByRole('button', { name: 'Сповіщення' }).click();
  await page.getByText('Сповіщень поки немає').waitFor();
  await page.keyboard.press('Escape');

  step = 'back to English';
  await page.getByTestId('language').click();
  await page.getByTitle('English').click();

  step = 'create an API key, shown once';
  await page.getByRole('menuitem', { name: 'API keys' }).click();
  await page.getByRole('button', { name: 'Create key' }).click();
  const createDialog = page.getByRole('dialog', { name: 'Create key' });
  await createDialog.getByLabel('Name').fill('Online shop');
  await createDialog.getByRole('button', { name: 'OK' }).click();
  const key = (await page.getByTestId('new-key').innerText()).trim();
  if (!key.startsWith('crm_')) throw new Error(`unexpected key "${key}"`);
  await clickUntilGone(page.getByTestId('new-key'), page.getByRole('button', { name: 'Done' }));
  await page.getByTestId('new-key').waitFor({ state: 'detached' });
  await page.getByRole('cell', { name: 'Online shop' }).waitFor();
  if ((await page.content()).includes(key)) throw new Error('the key is still on the page after Done');

  step = 'the key works for an integration';
  const ping = await fetch(base + '/api/integrations/ping', { headers: { 'X-Api-Key': key } });
  if (ping.status !== 200) throw new Error(`ping with the new key answered ${ping.status}`);

  step = 'revoke the key';
  await page.getByRole('button', { name: 'Revoke' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'OK' }).click();
  await page.getByTestId('key-status').filter({ hasText: 'revoked' }).waitFor();

  step = 'invite a colleague';
  const colleagueEmail = `colleague-${Date.now()}@example.com`;
  const invitationLink = await invite(page, { email: colleagueEmail, role: 'Manager' });

  step = 'the invitation e-mail is in the log of sent messages, sent';
  await page.getByRole('menuitem', { name: 'Sent messages' }).click();
  await page.getByTestId('sent-channel').getByText('E-mail', { exact: true }).click();
  const invitationRow = page.locator(`[data-testid="sent-row"][data-recipient="${colleagueEmail}"]`);
  // the e-mail is sent a moment after the invitation, by the notifications service: refresh until it is
  for (let look = 1; ; look++) {
    try {
      await invitationRow.getByTestId('sent-status').filter({ hasText: 'Sent' }).waitFor({ timeout: 3_000 });
      break;
    } catch (error) {
      if (look === 20) throw error;
      await page.getByTestId('sent-refresh').click();
    }
  }
  await invitationRow.getByTestId('sent-subject').filter({ hasText: 'Invitation to' }).waitFor();
  await invitationRow.getByRole('cell', { name: 'E-mail', exact: true }).waitFor();

  step = 'the log filtered to failed messages is empty, and to sent ones shows the invitation again';
  await page.getByTestId('sent-status-filter').getByText('Failed', { exact: true }).click();
  await page.getByText('No messages match the filters').waitFor();
  await page.getByTestId('sent-status-filter').getByText('Sent', { exact: true }).click();
  await invitationRow.getByTestId('sent-status').filter({ hasText: 'Sent' }).waitFor();

  step = 'the log of sent messages in Ukrainian';
  await page.getByTestId('language').click();
  await page.getByTitle('Українська').click();
  await page.getByRole('menuitem', { name: 'Надіслані повідомлення' }).waitFor();
  await page.getByText('Листи та SMS, які CRM надіслала').waitFor();
  await page.getByTestId('sent-status-filter').getByText('Надіслано', { exact: true }).waitFor();
  await invitationRow.getByTestId('sent-status').filter({ hasText: 'Надіслано' }).waitFor();
  await page.getByTestId('language').click();
  await page.getByTitle('English').click();
  await page.getByRole('menuitem', { name: 'Sent messages' }).waitFor();

  step = 'the colleague, a manager, has no log of sent messages';
  const colleague = await newPage(browser);
  await acceptInvitation(colleague, invitationLink, { firstName: 'Taras', lastName: 'Melnyk', role: 'Manager' });
  await colleague.getByRole('menuitem', { name: 'Notifications' }).waitFor();
  if (await colleague.getByRole('menuitem', { name: 'Sent messages' }).count() !== 0) {
    throw new Error('a manager sees the menu item "Sent messages"');
  }
  const refused = await callApi(colleague, '/api/notifications/emails');
  if (refused.status !== 403) throw new Error(`the log answered a manager ${refused.status}, not 403`);
  await colleague.context().close();

  step = 'sign out and sign in again';
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('company').filter({ hasText: 'Kovalenko Trading' }).waitFor();

  step = 'a wrong password is refused on the screen';
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('not my password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' }).waitFor();

  step = 'asking for a password reset link';
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  // the sign-in form has an E-mail field too: fill the one of the reset page, once it is there
  await page.waitForURL('**/forgot-password');
  await page.getByRole('button', { name: 'Send me a link' }).waitFor();
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await page.getByText('a link to set a new password is on its way').waitFor();

  step = 'a reset link that is not valid is refused';
  await page.goto(base + '/reset-password?token=not-a-real-token');
  await page.getByLabel('New password').fill('another sturdy password');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await page.getByRole('alert').filter({ hasText: 'not valid any more' }).waitFor();

  console.log('admin journey: all steps passed');
} catch (error) {
  console.error(`admin journey failed at "${step}": ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
