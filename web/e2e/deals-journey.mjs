// An administrator puts a product in the catalogue, adds a stage to the order funnel, renames it and drags it up;
// a manager they invite takes a lead in, drags it on the funnel board to the next stage, loads more of a busy
// column and searches the board, deletes a lead taken in by mistake from its panel, drags the lead onto "Deal
// created", which converts it, adds a line with the product to the deal and a comment mentioning the
// administrator, drags the deal to "Successful", finds it in the
// list of all leads and deals and exports it, drags it again after someone else changed it (the board says so and
// shows it where it is), and reads the board in Ukrainian; an order the shop sends shows on the order board, its
// return is approved, and the customer's contact card lists it. Headless Chromium through the gateway at BASE_URL;
// exits non-zero at the failing step.
import { readFile } from 'node:fs/promises';
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

/** Picks an option of the open antd select dropdown by its title. */
async function choose(page, title) {
  await page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: true }).click();
}

/** The board's column of a stage. */
const column = (page, stage) => page.locator(`[data-testid=column][data-stage="${stage}"]`);

/** Drags a card onto a column with the mouse, in small steps as a hand does (dnd-kit starts after a few pixels). */
async function drag(page, card, target) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 4, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 20 });
  await page.mouse.up();
}

/** Waits until a column says it holds this many cards. */
async function columnCount(page, stage, count) {
  await column(page, stage).getByTestId('column-count').filter({ hasText: new RegExp(`^${count} cards$`) }).waitFor();
}

let step = 'start';
try {
  const adminContext = await browser.newContext({ locale: 'en-US', viewport: { width: 2400, height: 1100 } });
  const admin = await adminContext.newPage();
  admin.setDefaultTimeout(20_000);
  admin.setDefaultNavigationTimeout(60_000);

  step = 'the administrator signs up';
  await admin.goto(base + '/sign-up');
  await admin.getByLabel('Company name').fill('Kharkiv Coffee Traders');
  await admin.getByLabel('Your full name').fill('Iryna Shevchuk');
  await admin.getByLabel('E-mail').fill(`iryna-${stamp}@example.com`);
  await admin.getByLabel('Password').fill(password);
  await admin.getByRole('button', { name: 'Create a company' }).click();
  await admin.getByTestId('company').filter({ hasText: 'Kharkiv Coffee Traders' }).waitFor();

  step = 'the administrator puts a product in the catalogue';
  await admin.getByRole('menuitem', { name: 'Products and services' }).click();
  await admin.getByText('No products yet').waitFor();
  await admin.getByRole('button', { name: 'New product' }).click();
  const productForm = admin.getByTestId('product-form');
  await productForm.getByLabel('Name').fill('Espresso beans 1 kg');
  await productForm.getByLabel('SKU').fill('ESP-1');
  await productForm.getByLabel('Price').fill('450');
  await admin.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await admin.getByText('Product saved').waitFor();
  await admin.getByTestId('products').getByRole('row', { name: /Espresso beans 1 kg/ }).filter({ hasText: /UAH\s450\.00/ }).waitFor();

  step = 'the administrator adds a stage to the order funnel and renames it';
  await admin.getByRole('menuitem', { name: 'Funnel settings' }).click();
  const orders = admin.locator('[data-testid=pipeline-settings][data-pipeline="Orders"]');
  await orders.getByTestId('add-stage').getByLabel('New stage').fill('Tasting');
  await orders.getByRole('button', { name: 'Add stage' }).click();
  await orders.locator('[data-testid=stage-row][data-stage="Tasting"]').waitFor();
  const tasting = orders.locator('[data-testid=stage-row][data-stage="Tasting"]').getByLabel('Stage name');
  await tasting.fill('Tasting session');
  await tasting.press('Enter');
  await orders.locator('[data-testid=stage-row][data-stage="Tasting session"]').waitFor();
  // a new open stage goes before the closed ones
  const stages = await orders.getByTestId('stage-row').evaluateAll((rows) => rows.map((r) => r.dataset.stage));
  if (stages.indexOf('Tasting session') !== stages.indexOf('Successful') - 1) throw new Error(`stages in order: ${stages}`);

  step = 'the administrator drags the new stage up to second place, which stays after a reload';
  const handle = orders.getByRole('button', { name: 'Drag the stage Tasting session' });
  const assembly = orders.locator('[data-testid=stage-row][data-stage="Order assembly"]');
  const grip = await handle.boundingBox();
  const place = await assembly.boundingBox();
  await admin.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await admin.mouse.down();
  await admin.mouse.move(grip.x + grip.width / 2, grip.y - 10, { steps: 4 });
  await admin.mouse.move(grip.x + grip.width / 2, place.y + place.height / 2 - 4, { steps: 20 });
  await admin.mouse.up();
  await admin.getByText('Saved', { exact: true }).first().waitFor();
  await admin.reload();
  await orders.locator('[data-testid=stage-row][data-stage="Tasting session"]').waitFor();
  const reordered = await orders.getByTestId('stage-row').evaluateAll((rows) => rows.map((r) => r.dataset.stage));
  if (reordered.slice(0, 3).join() !== 'New order,Tasting session,Order assembly') throw new Error(`stages in order: ${reordered}`);

  step = 'the administrator invites a manager, who accepts in another browser';
  await admin.getByRole('menuitem', { name: 'Users' }).click();
  await admin.getByRole('button', { name: 'Invite' }).click();
  const inviteDialog = admin.getByRole('dialog', { name: 'Invite' });
  await inviteDialog.getByLabel('E-mail').fill(`bohdan-${stamp}@example.com`);
  await inviteDialog.getByRole('button', { name: 'OK' }).click();
  const link = (await admin.getByTestId('invite-link').innerText()).trim();
  await clickUntilGone(admin.getByTestId('invite-link'), admin.getByRole('button', { name: 'Done' }));
  const managerContext = await browser.newContext({ locale: 'en-US', viewport: { width: 2400, height: 1100 }, acceptDownloads: true });
  const page = await managerContext.newPage();
  page.setDefaultTimeout(20_000);
  page.setDefaultNavigationTimeout(60_000);
  // the manager's push channel passes through here, so that a step can hold its signals back for a moment (a
  // colleague's change whose signal has not arrived yet) and let them through afterwards
  let heldBack = null;
  let pushed = null;
  await page.routeWebSocket(/\/ws\/notifications/, (socket) => {
    pushed = socket;
    const server = socket.connectToServer();
    server.onMessage((frame) => (heldBack ? heldBack.push(frame) : socket.send(frame)));
    socket.onMessage((frame) => server.send(frame));
  });
  await page.goto(link);
  await page.getByLabel('First name').fill('Bohdan');
  await page.getByLabel('Last name').fill('Kravchenko');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Accept and sign in' }).click();
  await page.getByTestId('user').filter({ hasText: 'Bohdan Kravchenko · Manager' }).waitFor();

  step = 'the manager opens the lead funnel and takes a lead in';
  await page.getByRole('menuitem', { name: 'Funnels' }).click();
  await column(page, 'New request').waitFor();
  await page.getByRole('button', { name: 'New lead' }).click();
  const newLead = page.getByTestId('new-card');
  await newLead.getByLabel('Client name').fill('Olena Kovalenko');
  await newLead.getByLabel('Phone').fill('+380 67 123 4567');
  await newLead.getByLabel('Source', { exact: true }).fill('facebook');
  await newLead.getByLabel('Source detail').fill('FB - Coffee beans');
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await page.getByTestId('panel-title').filter({ hasText: 'Olena Kovalenko' }).waitFor();
  await page.getByTestId('panel-stage').filter({ hasText: 'New request' }).waitFor();
  await page.getByTestId('calls-placeholder').count();
  await page.keyboard.press('Escape');
  await page.getByTestId('card-panel').waitFor({ state: 'hidden' });
  const lead = column(page, 'New request').getByTestId('card').filter({ hasText: 'Olena Kovalenko' });
  await lead.filter({ hasText: 'FB - Coffee beans' }).waitFor();
  await columnCount(page, 'New request', 1);

  step = 'the manager drags the lead to Qualification, which stays after a reload';
  await drag(page, lead, column(page, 'Qualification'));
  await column(page, 'Qualification').getByTestId('card').filter({ hasText: 'Olena Kovalenko' }).waitFor();
  await columnCount(page, 'New request', 0);
  await page.reload();
  await columnCount(page, 'Qualification', 1);

  step = 'a busy column loads more cards on request, and the search box narrows the board';
  const created = await page.evaluate(async () => {
    const { accessToken } = JSON.parse(localStorage.getItem('crm.session'));
    const headers = { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' };
    const [leads] = await (await fetch('/api/deals/pipelines?kind=LEAD', { headers })).json();
    const notReached = leads.stages.find((s) => s.code === 'not-reached');
    let ok = 0;
    for (let i = 1; i <= 22; i++) {
      const response = await fetch('/api/deals/leads', {
        method: 'POST', headers, body: JSON.stringify({ stageId: notReached.id, contactName: `Caller ${i}`, sourceDetail: 'Missed call' }),
      });
      if (response.status === 201) ok++;
    }
    return ok;
  });
  if (created !== 22) throw new Error(`created ${created} leads`);
  await page.reload();
  await columnCount(page, 'Not reached', 22);
  if (await column(page, 'Not reached').getByTestId('card').count() !== 20) throw new Error('the first page is not 20 cards');
  await column(page, 'Not reached').getByRole('button', { name: 'Load more' }).click();
  await column(page, 'Not reached').getByTestId('card').nth(21).waitFor();
  await column(page, 'Not reached').getByRole('button', { name: 'Load more' }).waitFor({ state: 'detached' });
  await page.getByRole('searchbox', { name: 'Number, name, phone, text' }).fill('Caller 17');
  await columnCount(page, 'Not reached', 1);
  await columnCount(page, 'Qualification', 0);
  await page.getByRole('searchbox', { name: 'Number, name, phone, text' }).fill('');
  await columnCount(page, 'Qualification', 1);

  step = 'a lead dropped on Failed asks why first';
  await drag(page, column(page, 'Not reached').getByTestId('card').filter({ hasText: 'Caller 22' }), column(page, 'Failed'));
  const why = page.getByRole('dialog', { name: 'Why is it lost?' });
  await why.getByLabel('Why was it lost?').fill('Bought elsewhere');
  await clickUntilGone(why, why.getByRole('button', { name: 'Mark lost' }));
  await column(page, 'Failed').getByTestId('card').filter({ hasText: 'Caller 22' }).waitFor();
  await columnCount(page, 'Not reached', 21);

  step = 'a lead taken in by mistake is deleted from its panel after a confirmation, and leaves the board';
  await column(page, 'Not reached').getByTestId('card').filter({ hasText: 'Caller 21' }).click();
  await page.getByTestId('panel-title').filter({ hasText: 'Caller 21' }).waitFor();
  await page.getByTestId('delete-card').click();
  await page.getByTestId('delete-confirm').waitFor();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Delete' }).click();
  await page.getByTestId('card-panel').waitFor({ state: 'hidden' });
  await columnCount(page, 'Not reached', 20);
  if (await column(page, 'Not reached').getByTestId('card').filter({ hasText: 'Caller 21' }).count() !== 0) {
    throw new Error('the deleted lead is still on the board');
  }

  step = 'the stage history of the lead shows the move';
  await column(page, 'Qualification').getByTestId('card').filter({ hasText: 'Olena Kovalenko' }).click();
  await page.getByRole('tab', { name: 'Stages' }).click();
  await page.getByTestId('stage-move').filter({ hasText: 'New request → Qualification' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('card-panel').waitFor({ state: 'hidden' });

  step = 'dropping the lead on "Deal created" converts it into a deal';
  await drag(page, column(page, 'Qualification').getByTestId('card').filter({ hasText: 'Olena Kovalenko' }), column(page, 'Deal created'));
  const convert = page.getByRole('dialog', { name: 'Convert the lead to a deal' });
  await convert.getByLabel('Title').fill('Coffee for the office');
  await convert.getByRole('button', { name: 'Convert' }).click();
  await page.getByTestId('panel-title').filter({ hasText: 'Coffee for the office' }).waitFor();
  await page.getByTestId('panel-stage').filter({ hasText: 'New order' }).waitFor();

  step = 'the manager adds a line with the product to the deal';
  await page.getByRole('tab', { name: 'Order' }).click();
  await page.getByRole('button', { name: 'Add a line' }).click();
  const line = page.getByTestId('line').first();
  await line.getByRole('combobox', { name: 'Product or service' }).click();
  await line.getByRole('combobox', { name: 'Product or service' }).fill('Espresso');
  await choose(page, 'Espresso beans 1 kg (ESP-1)');
  await line.getByLabel('Qty').fill('2');
  await line.getByTestId('line-total').filter({ hasText: /UAH\s900\.00/ }).waitFor();
  await page.getByRole('button', { name: 'Save the order' }).click();
  // the conversion links the deal to a new contact of the client a moment later, which changes the deal: when that
  // came after the panel opened, the save is refused; the panel reloads it keeping the line, and it is saved again
  const outcome = await Promise.race([
    page.getByText('Saved', { exact: true }).first().waitFor().then(() => 'saved'),
    page.getByTestId('lines-stale').waitFor().then(() => 'stale'),
  ]);
  if (process.env.DEBUG) console.log(`the first save of the order: ${outcome}`);
  if (outcome === 'stale') {
    await page.getByRole('button', { name: 'Reload, keep my lines' }).click();
    await page.getByTestId('lines-stale').waitFor({ state: 'detached' });
    await line.getByTestId('line-total').filter({ hasText: /UAH\s900\.00/ }).waitFor();
    await page.getByRole('button', { name: 'Save the order' }).click();
    await page.getByText('Saved', { exact: true }).first().waitFor();
  }
  await page.getByTestId('panel-amount').filter({ hasText: /UAH\s900\.00/ }).waitFor();

  step = 'the manager comments on the deal and mentions the administrator';
  await page.getByRole('tab', { name: 'Comments' }).click();
  await page.getByLabel('Write a comment for your colleagues').fill('Two kilos every month, invoice to the office.');
  const mention = page.getByRole('combobox', { name: 'Mention colleagues' });
  await mention.click();
  await mention.fill('Iryna');
  await page.locator('.ant-select-dropdown:visible').getByTitle('Iryna Shevchuk', { exact: true }).waitFor();
  await mention.press('Enter');
  await page.getByLabel('Write a comment for your colleagues').click();
  await page.getByTestId('comment-new').getByText('Iryna Shevchuk').waitFor();
  await page.getByRole('button', { name: 'Post' }).click();
  await page.getByTestId('comment').filter({ hasText: 'Two kilos every month' }).filter({ hasText: '@Iryna Shevchuk' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('card-panel').waitFor({ state: 'hidden' });
  await column(page, 'Deal created').getByTestId('card').filter({ hasText: 'Olena Kovalenko' }).waitFor();

  step = 'on the order funnel the manager drags the deal to Successful';
  await page.getByTestId('pipeline-picker').click();
  await choose(page, 'Orders');
  await column(page, 'Tasting session').waitFor();
  const deal = column(page, 'New order').getByTestId('card').filter({ hasText: 'Coffee for the office' });
  await deal.filter({ hasText: /UAH\s900\.00/ }).waitFor();
  await drag(page, deal, column(page, 'Successful'));
  await column(page, 'Successful').getByTestId('card').filter({ hasText: 'Coffee for the office' }).waitFor();
  await columnCount(page, 'Successful', 1);
  await column(page, 'Successful').getByTestId('column-sum').filter({ hasText: /UAH\s900\.00/ }).waitFor();

  step = 'the list of all leads and deals finds the deal and the lead';
  await page.getByRole('menuitem', { name: 'Leads and deals' }).click();
  await page.getByRole('searchbox', { name: 'Number, name, phone, text' }).fill('Coffee for the office');
  const row = page.getByTestId('items').getByRole('row', { name: /Coffee for the office/ });
  await row.filter({ hasText: 'Deal' }).getByTestId('item-stage').filter({ hasText: 'Successful' }).waitFor();
  await page.getByRole('searchbox', { name: 'Number, name, phone, text' }).fill('Olena');
  await page.getByTestId('items').getByRole('row', { name: /Lead/ }).getByTestId('item-stage').filter({ hasText: 'Deal created' }).waitFor();

  step = 'the list exports as CSV with the same search';
  await page.getByRole('searchbox', { name: 'Number, name, phone, text' }).fill('Coffee for the office');
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid=items] tbody tr.ant-table-row')];
    return rows.length === 1 && rows[0].textContent.includes('Coffee for the office');
  });
  await page.getByRole('button', { name: 'Export' }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByText('CSV', { exact: false }).last().click()]);
  const csv = await readFile(await file.path(), 'utf8');
  if (!/Coffee for the office/.test(csv) || /Caller 17/.test(csv)) throw new Error(`unexpected export:\n${csv}`);

  step = 'someone else changes the deal; the manager\'s stale drag is refused, said, and the board shows the truth';
  await page.getByRole('menuitem', { name: 'Funnels' }).click();
  await page.getByTestId('pipeline-picker').click();
  await choose(page, 'Orders');
  const won = column(page, 'Successful').getByTestId('card').filter({ hasText: 'Coffee for the office' });
  await won.waitFor();
  // the board refreshes itself when told of a change: the drag must come before that signal to be stale
  heldBack = [];
  const changed = await page.evaluate(async () => {
    const { accessToken } = JSON.parse(localStorage.getItem('crm.session'));
    const headers = { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' };
    const found = await (await fetch('/api/deals/deals?q=' + encodeURIComponent('Coffee for the office'), { headers })).json();
    const response = await fetch(`/api/deals/deals/${found.items[0].id}`, {
      method: 'PATCH', headers, body: JSON.stringify({ comment: 'Changed by a colleague' }),
    });
    return response.status;
  });
  if (changed !== 200) throw new Error(`the other change answered ${changed}`);
  await drag(page, won, column(page, 'Order assembly'));
  await page.getByText('Someone changed this card meanwhile').waitFor();
  await column(page, 'Successful').getByTestId('card').filter({ hasText: 'Coffee for the office' }).waitFor();
  await columnCount(page, 'Order assembly', 0);
  const late = heldBack;
  heldBack = null;
  late.forEach((frame) => pushed?.send(frame));

  step = 'the board in Ukrainian';
  await page.getByTestId('language').click();
  await page.getByTitle('Українська').click();
  await page.getByRole('menuitem', { name: 'CRM воронки' }).waitFor();
  await column(page, 'Успішна').getByTestId('column-count').filter({ hasText: 'Карток: 1' }).waitFor();
  await column(page, 'Нове замовлення').waitFor();
  await page.getByRole('button', { name: 'Нова угода' }).waitFor();

  step = 'an order the shop sends appears on the order board, and the administrator approves its return';
  const sent = await admin.evaluate(async () => {
    const { accessToken } = JSON.parse(localStorage.getItem('crm.session'));
    const headers = { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' };
    const { key } = await (await fetch('/api/identity/api-keys', {
      method: 'POST', headers, body: JSON.stringify({ name: 'Shop', scopes: ['shop:write'] }),
    })).json();
    const shop = { 'X-Api-Key': key, 'Content-Type': 'application/json' };
    const order = await fetch('/api/integrations/shop/orders', {
      method: 'POST', headers: shop, body: JSON.stringify({
        orderId: '555555', version: 1, currency: 'UAH',
        customer: { customerId: 'cust-4411', name: 'Andrii Melnyk', phone: '+380 50 765 4321' },
        lines: [{ sku: 'GRN-1', name: 'Hand grinder', quantity: 1, unitPrice: 1250 }],
      }),
    });
    const returned = await fetch('/api/integrations/shop/returns', {
      method: 'POST', headers: shop, body: JSON.stringify({ returnId: 'ret-771', orderId: '555555', reason: 'Grinds unevenly',
        items: [{ sku: 'GRN-1', quantity: 1 }] }),
    });
    return [order.status, returned.status];
  });
  if (sent.join() !== '202,202') throw new Error(`the shop was answered ${sent}`);
  await admin.getByRole('menuitem', { name: 'Funnels' }).click();
  await admin.getByTestId('pipeline-picker').click();
  await choose(admin, 'Orders');
  const shopped = column(admin, 'New order').getByTestId('card').filter({ hasText: 'Andrii Melnyk' });
  await shopped.filter({ hasText: /UAH\s1,250\.00/ }).click();
  await admin.getByRole('tab', { name: 'Returns' }).click();
  await admin.getByTestId('return').filter({ hasText: 'Grinds unevenly' }).filter({ hasText: 'Hand grinder × 1' }).waitFor();
  await admin.getByTestId('return').getByRole('button', { name: 'Approve' }).click();
  await admin.getByRole('dialog', { name: 'Approve' }).getByLabel('A note for the client (optional)').fill('Refund to the card');
  await admin.getByRole('dialog', { name: 'Approve' }).getByRole('button', { name: 'Approve' }).click();
  await admin.getByTestId('return').filter({ hasText: 'Approved' }).filter({ hasText: 'Refund to the card' }).waitFor();

  step = 'the order is linked to its customer\'s contact card, whose tab lists it';
  await admin.getByRole('tab', { name: 'Details' }).click();
  await admin.getByRole('link', { name: 'Open the contact card' }).click({ timeout: 60_000 });
  await admin.getByTestId('contact-title').filter({ hasText: 'Melnyk' }).waitFor();
  await admin.getByRole('tab', { name: 'Leads and deals' }).click();
  await admin.getByTestId('contact-deals').getByRole('row', { name: /Deal/ }).filter({ hasText: 'New order' }).waitFor();

  console.log('deals journey: all steps passed');
} catch (error) {
  console.error(`deals journey failed at "${step}": ${error.message}`);
  if (process.env.SHOT) {
    for (const [i, open] of browser.contexts().flatMap((c) => c.pages()).entries()) await open.screenshot({ path: `${process.env.SHOT}-${i}.png` });
  }
  process.exitCode = 1;
} finally {
  await browser.close();
}
