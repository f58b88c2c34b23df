// An administrator signs up, keeps a client with a phone, gives themselves extension 101 in the telephony settings
// and creates an API key for the exchange there. The exchange (this script, posting as a PBX would) rings 101 from
// the client's number: the caller's card pops up over the screen, the administrator opens the full card from it,
// the call is answered and ends, and the pop-up goes; the call is in the card's calls tab and on the calls page. A
// call from an unknown number pops up "create contact", which opens the new contact with the number filled in;
// that call ends unanswered, and the bell tells of the missed call, which is opened and marked read. The
// notification preferences are saved and still there after a reload. The administrator calls the client back
// with one click (the exchange, played by a small HTTP server of this script as WireMock plays it in the
// service's tests, is asked to ring extension 101 and then the client) and uploads the answered call's recording,
// which then plays. Headless Chromium through BASE_URL; each step is printed, and the journey exits non-zero at
// the failing one.
import { createServer } from 'node:http';
import { base, choose, clickUntilGone, journey, newPage, signUp, stamp } from './support.mjs';

/** The exchange's click-to-call endpoint (the generic format: POST /originate): what it was asked. */
const originated = [];
const pbx = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => { body += chunk; });
  request.on('end', () => {
    originated.push({ method: request.method, path: request.url, body: body ? JSON.parse(body) : null });
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ callId: `pbx-out-${originated.length}` }));
  });
});
await new Promise((resolve) => pbx.listen(0, '127.0.0.1', resolve));
const pbxUrl = `http://127.0.0.1:${pbx.address().port}`;

/** One second of silence as a WAV file: an answered call's recording. */
function silence() {
  const rate = 8000;
  const data = Buffer.alloc(rate * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const client = { first: 'Olena', last: 'Kovalenko', phone: '+380 67 123 45 67' };
const unknownNumber = '+380 50 765 43 21';

/** Posts call events to the generic webhook as the exchange does, with the API key; the answer's status. */
async function exchange(key, events) {
  const response = await fetch(`${base}/api/integrations/telephony/events/generic`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Api-Key': key },
    body: JSON.stringify(events),
  });
  if (response.status !== 202) {
    throw new Error(`the webhook answered ${response.status}: ${await response.text()}`);
  }
}

let sequence = 0;
/** One generic event of a call ringing extension 101. */
const event = (callId, type, from) => ({
  eventId: `${callId}-${type}-${++sequence}`, callId, type, direction: 'INBOUND', from, to: '044 123 4567',
  extension: '101', occurredAt: new Date(Date.now() + sequence * 1000).toISOString(), recordingUrl: null,
});

await journey('telephony journey', async (browser, step) => {
  const page = await newPage(browser);
  // the push channel: the exchange rings only once the browser listens
  let listening = 0;
  page.on('websocket', (socket) => {
    if (!socket.url().includes('/ws/notifications')) return;
    listening++;
    socket.on('close', () => listening--);
  });
  const untilListening = async () => {
    for (let waited = 0; listening === 0; waited += 250) {
      if (waited > 20_000) throw new Error('the page never opened /ws/notifications');
      await page.waitForTimeout(250);
    }
  };

  step('the administrator signs up and keeps a client with a phone');
  await signUp(page, { company: 'Odesa Tea House', name: 'Iryna Shevchuk', email: `iryna-tel-${stamp}@example.com` });
  await page.getByRole('menuitem', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'New contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'New contact' });
  await dialog.getByLabel('Last name').fill(client.last);
  await dialog.getByLabel('First name').fill(client.first);
  await dialog.getByTestId('point-0').getByRole('textbox', { name: 'Phone' }).fill(client.phone);
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByTestId('contact-name').filter({ hasText: `${client.last} ${client.first}` }).waitFor();

  step('the administrator gives themselves extension 101 in the telephony settings');
  await page.getByRole('menuitem', { name: 'Telephony' }).click();
  await page.getByTestId('webhook-url').filter({ hasText: `${base}/api/integrations/telephony/events/generic` }).waitFor();
  const extensionForm = page.getByTestId('extension-form');
  await extensionForm.getByLabel('Extension').fill('101');
  await extensionForm.getByLabel('User').click();
  await choose(page, 'Iryna Shevchuk');
  await extensionForm.getByRole('button', { name: 'Add' }).click();
  await page.getByText('Extension saved').waitFor();
  await page.getByTestId('extensions').getByRole('row', { name: /101/ }).waitFor();

  step('the administrator creates the exchange\'s API key from the telephony settings');
  await page.getByTestId('create-telephony-key').click();
  const keyDialog = page.getByRole('dialog', { name: 'Create key' });
  await keyDialog.getByLabel('Name').fill('Office exchange');
  if (!(await keyDialog.getByRole('checkbox', { name: 'telephony:write' }).isChecked())) {
    throw new Error('the link did not choose the telephony:write scope');
  }
  await clickUntilGone(keyDialog, keyDialog.getByRole('button', { name: 'OK' }));
  const key = (await page.getByTestId('new-key').innerText()).trim();
  await clickUntilGone(page.getByTestId('new-key'), page.getByRole('button', { name: 'Done' }));

  step('the exchange rings extension 101 from the client\'s number: their card pops up');
  await untilListening();
  const known = `pbx-${stamp}-1`;
  await exchange(key, event(known, 'RINGING', client.phone));
  const popup = page.getByTestId('call-popup').filter({ has: page.getByTestId('popup-number') });
  await popup.getByTestId('popup-caller-name').filter({ hasText: new RegExp(`${client.first}|${client.last}`) }).waitFor();
  await popup.getByTestId('popup-number').filter({ hasText: '+380671234567' }).waitFor();

  step('the administrator opens the full card from the pop-up');
  await popup.getByRole('button', { name: 'Open card' }).click();
  await page.getByTestId('contact-title').filter({ hasText: client.first }).waitFor();

  step('the call is answered and ends: the pop-up goes');
  await exchange(key, event(known, 'ANSWERED', client.phone));
  await exchange(key, event(known, 'ENDED', client.phone));
  await page.getByTestId('call-popup').waitFor({ state: 'hidden' });

  step('the call is in the card\'s calls tab');
  await page.getByRole('tab', { name: 'Calls' }).click();
  await page.getByTestId('calls').getByTestId('call-row').filter({ hasText: 'Ended' }).filter({ hasText: '+380671234567' }).waitFor();

  step('the call is on the calls page, with a link to the client');
  await page.getByRole('menuitem', { name: 'Calls' }).click();
  await page.getByTestId('call-row').getByTestId('call-contact').filter({ hasText: client.first }).waitFor();

  step('a call from an unknown number offers to create the contact, with the number filled in');
  await untilListening();
  const stranger = `pbx-${stamp}-2`;
  await exchange(key, event(stranger, 'RINGING', unknownNumber));
  const newCaller = page.getByTestId('call-popup').filter({ has: page.getByTestId('popup-new') });
  await newCaller.getByTestId('popup-number').filter({ hasText: '+380507654321' }).waitFor();
  await newCaller.getByRole('button', { name: 'Create contact' }).click();
  const creation = page.getByRole('dialog', { name: 'New contact' });
  const typed = await creation.getByTestId('point-0').getByRole('textbox', { name: 'Phone' }).inputValue();
  if (typed.replace(/\D/g, '') !== '380507654321') throw new Error(`the phone was filled in as "${typed}"`);
  await creation.getByRole('button', { name: 'Cancel' }).click();
  await creation.waitFor({ state: 'hidden' });

  step('nobody answers it: the pop-up goes and the bell tells of the missed call');
  await exchange(key, event(stranger, 'ENDED', unknownNumber));
  await newCaller.waitFor({ state: 'hidden' });
  await page.getByTestId('bell-count').locator('.ant-badge-count').waitFor();
  await page.getByTestId('bell').click();
  const notification = (read) => page.locator(`[data-testid=notification][data-read=${read}]`).filter({ hasText: 'Missed call' });
  await notification(false).first().waitFor();

  step('the missed call is opened from the bell and marked read');
  await notification(false).first().click();
  await page.waitForURL(/\/calls/);
  await page.getByTestId('call-row').filter({ hasText: 'Missed' }).waitFor();
  await page.getByTestId('bell').click();
  await notification(true).first().waitFor();
  await page.getByTestId('bell-read-all').click();
  await page.getByTestId('bell-count').locator('.ant-badge-count').waitFor({ state: 'detached' });
  await page.keyboard.press('Escape');

  step('the administrator sets the exchange\'s address and calls the client back with one click');
  await page.getByRole('menuitem', { name: 'Telephony' }).click();
  await page.getByLabel('Exchange address (for click to call)').fill(pbxUrl);
  await page.getByTestId('telephony-settings').getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Telephony settings saved').waitFor();
  await page.getByRole('menuitem', { name: 'Contacts' }).click();
  await page.getByTestId('contact-name').filter({ hasText: client.first }).click();
  await page.getByTestId('contact-title').filter({ hasText: client.first }).waitFor();
  await page.getByTestId('call-number').first().click();
  await page.getByText(/pick up your phone when it rings/).waitFor();
  const asked = originated.find((request) => request.path === '/originate');
  if (!asked || asked.method !== 'POST' || asked.body.extension !== '101'
    || asked.body.number.replace(/\D/g, '') !== '380671234567') {
    throw new Error(`the exchange was asked ${JSON.stringify(originated)}`);
  }

  step('the missed call made a lead; its number is called back from the card on the lead funnel');
  await page.getByRole('menuitem', { name: 'Funnels' }).click();
  await page.getByTestId('card-phone').filter({ hasText: '+380507654321' }).getByTestId('call-number').click();
  for (let waited = 0; !originated.some((request) => request.body?.number?.replace(/\D/g, '') === '380507654321'); waited += 100) {
    if (waited > 10000) throw new Error(`the exchange was asked ${JSON.stringify(originated)}`);
    await page.waitForTimeout(100);
  }
  if (await page.getByTestId('panel-title').isVisible()) throw new Error('calling from the card also opened it');

  step('the answered call\'s recording is uploaded on the calls page and plays');
  await page.getByRole('menuitem', { name: 'Calls' }).click();
  const answered = page.getByTestId('call-row').filter({ hasText: 'Ended' }).filter({ hasText: client.first });
  await answered.locator('input[type=file]').setInputFiles({ name: 'call.wav', mimeType: 'audio/wav', buffer: silence() });
  await page.getByText('The recording is stored').waitFor();
  await answered.getByTestId('recording-play').click();
  await answered.getByTestId('recording').waitFor();

  step('the notification preferences are saved and still there after a reload');
  await page.getByRole('menuitem', { name: 'Notifications' }).click();
  const preferences = page.getByTestId('preferences');
  const importByEmail = preferences.getByRole('checkbox', { name: 'An import has finished: E-mail' });
  await importByEmail.check();
  await preferences.getByRole('checkbox', { name: 'Someone mentions you: SMS' }).check();
  await preferences.getByLabel('Phone for SMS').fill('+380 67 765 43 21');
  await preferences.getByRole('combobox', { name: 'Language of e-mails and SMS' }).click();
  await choose(page, 'Українська');
  await preferences.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Notification preferences saved').waitFor();
  await page.reload();
  await preferences.getByRole('checkbox', { name: 'An import has finished: E-mail' }).waitFor();
  if (!(await preferences.getByRole('checkbox', { name: 'An import has finished: E-mail' }).isChecked())
    || !(await preferences.getByRole('checkbox', { name: 'Someone mentions you: SMS' }).isChecked())) {
    throw new Error('the chosen channels were not kept');
  }
  const phone = await preferences.getByLabel('Phone for SMS').inputValue();
  if (phone.replace(/\D/g, '') !== '380677654321') throw new Error(`the SMS phone came back as "${phone}"`);
  await preferences.getByText('Українська').waitFor();
});
pbx.close();
