// An administrator gives a contact a photo: the card shows the contact's initials first; a file that is no picture
// and one larger than 5 MB are refused before they are sent, and a text file named like a JPEG by the server; a
// PNG drawn on the spot is taken, shown on the card scaled down to 512 pixels and kept after a reload, its arrival
// is in the card's history, and the list shows its 64-pixel thumbnail next to the name. Then the photo is removed
// and the initials are back. Headless Chromium through the gateway at BASE_URL; exits non-zero at the failing step.
import { chromium } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
const stamp = Date.now();
const password = 'a sturdy password';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
    '--no-first-run', '--disable-component-update', '--disable-sync'],
});

/** Waits until the image under the locator has loaded with this natural width (the size the server kept). */
async function imageLoaded(locator, width) {
  const image = locator.locator('img');
  await image.waitFor();
  await image.evaluate((img, expected) => new Promise((resolve, reject) => {
    const check = () => (img.complete && img.naturalWidth > 0 ? img.naturalWidth === expected ? resolve()
      : reject(new Error(`the picture is ${img.naturalWidth} pixels wide, not ${expected}`)) : setTimeout(check, 100));
    check();
  }), width);
}

let step = 'start';
try {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  // the first load of a dev server compiles every module, which takes long on a busy machine
  page.setDefaultNavigationTimeout(60_000);

  step = 'the administrator signs up';
  await page.goto(base + '/sign-up');
  await page.getByLabel('Company name').fill('Poltava Florists');
  await page.getByLabel('Your full name').fill('Iryna Savchuk');
  await page.getByLabel('E-mail').fill(`iryna-${stamp}@example.com`);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create a company' }).click();
  await page.getByTestId('company').filter({ hasText: 'Poltava Florists' }).waitFor();

  step = 'the administrator creates a contact and opens the card, which shows the initials';
  await page.getByRole('menuitem', { name: 'Contacts' }).click();
  await page.getByText('No contacts found').waitFor();
  await page.getByRole('button', { name: 'New contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'New contact' });
  await dialog.getByLabel('Last name').fill('Lysenko');
  await dialog.getByLabel('First name').fill('Hanna');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByRole('link', { name: 'Lysenko Hanna' }).click();
  await page.getByTestId('contact-title').filter({ hasText: 'Lysenko Hanna' }).waitFor();
  const section = page.getByTestId('contact-photo-section');
  await section.getByTestId('contact-initials').filter({ hasText: 'LH' }).waitFor();
  const input = section.locator('input[type=file]');

  step = 'a file that is no picture and one larger than 5 MB are refused before they are sent';
  await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('call her on Monday') });
  await page.getByText('A photo must be a JPEG, PNG or GIF picture').waitFor();
  await input.setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(6 * 1024 * 1024, 1) });
  await page.getByText('The file is larger than 5 MB').waitFor();

  step = 'a text file named like a JPEG is refused by the server, which reads the picture itself';
  await input.setInputFiles({ name: 'portrait.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a picture at all') });
  await page.getByText('This file cannot be read as a picture; choose a JPEG, PNG or GIF').waitFor();
  await section.getByTestId('contact-initials').waitFor();

  step = 'a PNG drawn on the spot becomes the photo, scaled down to 512 pixels';
  const png = Buffer.from(await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 800;
    canvas.height = 600;
    const paint = canvas.getContext('2d');
    paint.fillStyle = '#1677ff';
    paint.fillRect(0, 0, 800, 300);
    paint.fillStyle = '#fadb14';
    paint.fillRect(0, 300, 800, 300);
    return canvas.toDataURL('image/png').split(',')[1];
  }), 'base64');
  await input.setInputFiles({ name: 'hanna.png', mimeType: 'image/png', buffer: png });
  await page.getByText('Photo saved').waitFor();
  await imageLoaded(section.getByTestId('contact-photo'), 512);
  await section.getByRole('button', { name: 'Change the photo' }).waitFor();

  step = 'the photo is kept after a reload, in the card\'s title too';
  await page.reload();
  await imageLoaded(page.getByTestId('contact-photo-section').getByTestId('contact-photo'), 512);
  await page.getByTestId('contact-photo').nth(1).waitFor();

  step = 'the new photo is in the card\'s history';
  await page.getByRole('tab', { name: 'History' }).click();
  await page.getByTestId('history-entry').filter({ hasText: 'Iryna Savchuk' }).filter({ hasText: 'Photo: added' }).waitFor();

  step = 'the list shows the thumbnail next to the name';
  await page.getByRole('link', { name: 'All contacts' }).click();
  const row = page.getByRole('row', { name: /Lysenko Hanna/ });
  await imageLoaded(row.getByTestId('contact-thumb'), 64);

  step = 'the administrator removes the photo and the initials are back';
  await page.getByRole('link', { name: 'Lysenko Hanna' }).click();
  await page.getByTestId('contact-photo-section').getByRole('button', { name: 'Remove the photo' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'OK' }).click();
  await page.getByText('Photo removed').waitFor();
  await page.getByTestId('contact-photo-section').getByTestId('contact-initials').filter({ hasText: 'LH' }).waitFor();
  await page.getByTestId('contact-photo').first().waitFor({ state: 'detached' });
  await page.getByRole('tab', { name: 'History' }).click();
  await page.getByTestId('history-entry').filter({ hasText: 'Photo: removed' }).waitFor();

  step = 'the list has no thumbnail for the contact any more';
  await page.getByRole('link', { name: 'All contacts' }).click();
  await page.getByRole('row', { name: /Lysenko Hanna/ }).waitFor();
  await page.getByRole('row', { name: /Lysenko Hanna/ }).getByTestId('contact-thumb').waitFor({ state: 'detached' });

  console.log('contact photo journey: all steps passed');
} catch (error) {
  console.error(`contact photo journey failed at "${step}": ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
