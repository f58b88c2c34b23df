// An administrator invites a manager, who accepts in another browser and sees only what a manager may;
// the server refuses the rest anyway. Then the administrator changes the manager's role and deactivates
// them. Headless Chromium through the gateway at BASE_URL; exits non-zero at the failing step.
import { chromium } from 'playwright-core';
import { clickUntilGone } from './support.mjs';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
const stamp = Date.now();
const password = 'a sturdy password';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
    '--no-first-run', '--disable-component-update', '--disable-sync'],
});
let step = 'start';
try {
  const adminContext = await browser.newContext({ locale: 'en-US' });
  const admin = await adminContext.newPage();
  admin.setDefaultTimeout(20_000);

  step = 'the administrator signs up';
  await admin.goto(base + '/sign-up');
  await admin.getByLabel('Company name').fill('Team Ltd');
  await admin.getByLabel('Your full name').fill('Iryna Admin');
  await admin.getByLabel('E-mail').fill(`admin-${stamp}@example.com`);
  await admin.getByLabel('Password').fill(password);
  await admin.getByRole('button', { name: 'Create a company' }).click();
  await admin.getByTestId('company').filter({ hasText: 'Team Ltd' }).waitFor();

  step = 'the administrator builds the company structure';
  await admin.getByRole('menuitem', { name: 'Company structure' }).click();
  await admin.getByRole('button', { name: 'Add department' }).click();
  let departmentDialog = admin.getByRole('dialog', { name: 'Add department' });
  await departmentDialog.getByLabel('Department').fill('Sales');
  await departmentDialog.getByRole('button', { name: 'OK' }).click();
  await admin.getByTestId('department-Sales').waitFor();
  await admin.getByRole('button', { name: 'Add department' }).click();
  departmentDialog = admin.getByRole('dialog', { name: 'Add department' });
  await departmentDialog.getByLabel('Department').fill('Retail');
  await departmentDialog.getByLabel('Part of').click();
  await admin.locator('.ant-select-dropdown:visible').getByTitle('Sales').click();
  await departmentDialog.getByRole('button', { name: 'OK' }).click();
  await admin.getByTestId('department-Retail').waitFor();

  step = 'the administrator sets their presence';
  await admin.getByTestId('presence').click();
  await admin.locator('.ant-select-dropdown:visible').getByText('Do not disturb').click();
  await admin.reload();
  await admin.getByTestId('presence').filter({ hasText: 'Do not disturb' }).waitFor();

  step = 'the administrator invites a manager into Sales';
  await admin.getByRole('menuitem', { name: 'Users' }).click();
  await admin.getByRole('button', { name: 'Invite' }).click();
  const inviteDialog = admin.getByRole('dialog', { name: 'Invite' });
  await inviteDialog.getByLabel('E-mail').fill(`taras-${stamp}@example.com`);
  await inviteDialog.getByLabel('Department').click();
  await admin.locator('.ant-select-dropdown:visible').getByTitle('Sales').click();
  await inviteDialog.getByRole('button', { name: 'OK' }).click();
  const link = (await admin.getByTestId('invite-link').innerText()).trim();
  if (!link.includes('/accept-invitation?token=')) throw new Error(`unexpected invitation link ${link}`);
  await clickUntilGone(admin.getByTestId('invite-link'), admin.getByRole('button', { name: 'Done' }));
  await admin.getByRole('cell', { name: `taras-${stamp}@example.com` }).waitFor();

  step = 'the manager accepts in another browser';
  const managerContext = await browser.newContext({ locale: 'en-US' });
  const manager = await managerContext.newPage();
  manager.setDefaultTimeout(20_000);
  await manager.goto(link);
  await manager.getByText('You are invited as Manager').waitFor();
  await manager.getByLabel('First name').fill('Taras');
  await manager.getByLabel('Last name').fill('Melnyk');
  await manager.getByLabel('Password').fill(password);
  await manager.getByRole('button', { name: 'Accept and sign in' }).click();
  await manager.getByTestId('user').filter({ hasText: 'Taras Melnyk · Manager' }).waitFor();

  step = 'the manager sees only a manager\'s sections';
  await manager.getByRole('menuitem', { name: 'Users' }).waitFor();
  if (await manager.getByRole('menuitem', { name: 'API keys' }).count() > 0) throw new Error('a manager sees API keys');
  await manager.goto(base + '/api-keys');
  await manager.waitForURL(/\/profile$/);
  await manager.getByRole('menuitem', { name: 'Users' }).click();
  if (await manager.getByRole('button', { name: 'Invite' }).count() > 0) throw new Error('a manager can invite');

  step = 'the manager fills in their profile';
  await manager.getByRole('menuitem', { name: 'Profile' }).click();
  await manager.getByLabel('Work phone').fill('+380 44 123 45 67');
  await manager.getByLabel('PBX extension').fill('101');
  await manager.getByLabel('Position').fill('Sales manager');
  await manager.getByRole('button', { name: 'Save' }).click();
  await manager.getByText('Profile saved').waitFor();
  await manager.reload();
  if (await manager.getByLabel('PBX extension').inputValue() !== '101') throw new Error('the extension was not kept');

  step = 'the manager uploads a photo';
  // a 2x2 PNG; the server scales and re-encodes whatever it gets
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP438AARAwQCgAt7gX9iz9uhAAAAABJRU5ErkJggg==', 'base64');
  await manager.locator('input[type=file]').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
  await manager.getByText('Photo saved').waitFor();
  await manager.getByTestId('avatar-photo').waitFor();

  step = 'the server refuses what the manager may not do';
  const refused = await manager.evaluate(async () => {
    const session = JSON.parse(localStorage.getItem('crm.session'));
    const response = await fetch('/api/identity/api-keys', { headers: { Authorization: `Bearer ${session.accessToken}` } });
    return response.status;
  });
  if (refused !== 403) throw new Error(`the API keys list answered ${refused} to a manager`);

  step = 'the invitation can be used only once';
  const thirdContext = await browser.newContext({ locale: 'en-US' });
  const third = await thirdContext.newPage();
  await third.goto(link);
  await third.getByRole('alert').filter({ hasText: 'not valid any more' }).waitFor();

  step = 'the administrator sees the manager in Sales';
  await admin.reload();
  await admin.getByRole('cell', { name: `taras-${stamp}@example.com` }).waitFor();
  await admin.getByRole('row', { name: `taras-${stamp}@example.com` }).getByTestId('avatar-photo').waitFor();
  await admin.getByRole('row', { name: new RegExp(`taras-${stamp}`) }).getByText('Sales').waitFor();
  await admin.getByRole('menuitem', { name: 'Company structure' }).click();
  await admin.getByTestId('department-Sales').filter({ hasText: '1 members' }).waitFor();
  await admin.getByRole('menuitem', { name: 'Users' }).click();

  step = 'the administrator deactivates the manager';
  await admin.getByRole('row', { name: new RegExp(`taras-${stamp}`) }).getByRole('button', { name: 'Deactivate' }).click();
  await admin.locator('.ant-popconfirm').getByRole('button', { name: 'OK' }).click();
  await admin.getByRole('row', { name: new RegExp(`taras-${stamp}`) }).getByText('deactivated').waitFor();

  step = 'the deactivated manager cannot sign in';
  await manager.getByRole('button', { name: 'Sign out' }).click();
  await manager.getByLabel('E-mail').fill(`taras-${stamp}@example.com`);
  await manager.getByLabel('Password').fill(password);
  await manager.getByRole('button', { name: 'Sign in' }).click();
  await manager.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' }).waitFor();

  console.log('team journey: all steps passed');
} catch (error) {
  console.error(`team journey failed at "${step}": ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
