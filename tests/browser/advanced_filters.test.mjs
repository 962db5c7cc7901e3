// Time of day on Date and the "as" role on User name (issue #4): through setFilter, compared
// with query() and with the rows themselves, then built row by row in the advanced filters
// with real clicks and typing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openWatchedPage, waitForReady, waitForStatus, screenshot, rectOf, click, focusTextBox, waitForKeyboardFree, useBrowserAndServer } from './lib/browser.mjs';

const env = useBrowserAndServer({ before, after });

// Opens a combo and clicks one of its items. The item's rect may be left over from the same
// combo of an earlier row (rects stay until redrawn): wait until it has been drawn anew.
async function pick(page, combo, item) {
  const stale = JSON.stringify(await page.evaluate((n) => window.sightline.itemRect(n), item));
  await click(page, combo);
  const deadline = Date.now() + 10000;
  while (JSON.stringify(await page.evaluate((n) => window.sightline.itemRect(n), item)) === stale) {
    if (Date.now() > deadline) throw new Error(`${item} was not drawn after opening ${combo}`);
    await page.waitForTimeout(30);
  }
  await click(page, item);
}

const count = (page, filter) => page.evaluate((f) => window.sightline.query({ filter: f, limit: 0 }).then((r) => r.total), filter);
const all = (...conditions) => ({ all: conditions });
const night = { field: 'time', op: 'time_of_day', values: ['22:00', '06:00'] };

// The user name that is most often an activity object in the demo data (mail recipients,
// delegates, role assignees), as the value picker lists it.
async function userAmongObjects(page) {
  const objects = await page.evaluate(() => window.sightline.values('objects', { limit: 500 }));
  const user = objects.find((v) => /^[^@\s]+@[^@\s]+$/.test(v.value));
  assert.ok(user, 'the demo data has users among its activity objects');
  return user.value;
}

test('time_of_day and user as object through setFilter match query and the rows', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const total = (await page.evaluate(() => window.sightline.status())).total;

    const expected = await count(page, all(night));
    assert.ok(expected > 0 && expected < total, `night rows: ${expected} of ${total}`);
    const set = await page.evaluate((f) => window.sightline.setFilter(f), all(night));
    assert.equal(set.visible, expected);
    assert.deepEqual(await page.evaluate(() => window.sightline.getFilter()), all(night));
    const day = await count(page, all({ ...night, values: ['06:00', '22:00'] }));
    assert.equal(expected + day, total, 'the wrapped range and its complement cover the day');
    const rows = (await page.evaluate((f) => window.sightline.query({ filter: f, limit: 500 }), all(night))).rows;
    for (const row of rows) {
      const hour = Number(row.time.slice(11, 13));
      assert.ok(hour >= 22 || hour < 6, `${row.time} is between 22:00 and 06:00 UTC`);
    }

    const user = await userAmongObjects(page);
    const asObject = all({ field: 'user', as: 'object', op: 'eq', values: [user.toUpperCase()] });
    const objectRows = await count(page, asObject);
    assert.ok(objectRows >= await count(page, all({ field: 'objects', op: 'eq', values: [user] })) && objectRows > 0,
      'as object compares without case with the objects');
    await page.evaluate((f) => window.sightline.setFilter(f), asObject);
    const status = await waitForStatus(page, (s) => s.visible === objectRows);
    assert.equal(status.visible, objectRows);
    const actorRows = await count(page, all({ field: 'user', op: 'eq', values: [user] }));
    const anyRows = await count(page, all({ field: 'user', as: 'any', op: 'eq', values: [user] }));
    assert.ok(anyRows >= Math.max(actorRows, objectRows) && anyRows <= actorRows + objectRows, 'any is actor or object');
    assert.equal(await count(page, all({ field: 'user', as: 'any', op: 'neq', values: [user] })), total - anyRows);

    const refused = await page.evaluate(() => window.sightline.setFilter(
      { all: [{ field: 'app', as: 'object', op: 'eq', values: ['Box'] }] }));
    assert.match(refused.error, /all\[0\]\.as: a role applies only to field "user"/);
    const badTime = await page.evaluate(() => window.sightline.setFilter(
      { all: [{ field: 'time', op: 'time_of_day', values: ['24:00', '06:00'] }] }));
    assert.match(badTime.error, /all\[0\]\.values\[0\]: not a time of day/);
    assert.equal((await page.evaluate(() => window.sightline.status())).visible, objectRows, 'a refused filter changes nothing');
    assert.deepEqual(problems.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('advanced filters: a User row "as Object" and a Date row "time of day" built by clicking and typing', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const user = await userAmongObjects(page);
    await click(page, 'filter:advanced');

    // Row 0: User, as Object, equals <user> ticked in the value picker (which lists objects).
    await click(page, 'advanced:add');
    await pick(page, 'advanced:field:0', 'advanced:field-item:User');
    await pick(page, 'advanced:role:0', 'advanced:role-item:object');
    await click(page, 'advanced:values:0');
    await page.waitForFunction(() => window.sightline.uiState().then((s) => s.wantTextInput), null, { timeout: 10000 });
    await page.keyboard.type(user);
    await page.waitForTimeout(300);  // the list narrows to the typed name; let its rows settle
    await click(page, `picker:${user}`);
    const asObject = { field: 'user', as: 'object', op: 'eq', values: [user] };
    const objectRows = await count(page, all(asObject));
    await waitForStatus(page, (s) => s.visible === objectRows);
    assert.deepEqual(await page.evaluate(() => window.sightline.getFilter()), all(asObject));
    await click(page, 'counter');  // closes the picker
    await waitForKeyboardFree(page);

    // Row 1: Date, time of day (UTC), 22:00 to 06:00, typed.
    await click(page, 'advanced:add');
    await pick(page, 'advanced:field:1', 'advanced:field-item:Date');
    await pick(page, 'advanced:op:1', 'advanced:op-item:time_of_day');
    await focusTextBox(page, 'advanced:value:1:0');
    await page.keyboard.type('22:00');
    await focusTextBox(page, 'advanced:value:1:1');
    await page.keyboard.type('06:00');
    await page.keyboard.press('Enter');
    const both = all(asObject, night);
    const expected = await count(page, both);
    assert.ok(expected > 0 && expected < objectRows, `${expected} of ${objectRows} at night`);
    await waitForStatus(page, (s) => s.visible === expected);
    assert.deepEqual(await page.evaluate(() => window.sightline.getFilter()), both);
    await rectOf(page, 'advanced:value:1:1');
    await page.waitForTimeout(200);
    await screenshot(page, 'advanced-time-of-day-user-as-object');
    assert.deepEqual(problems.consoleErrors, []);
  } finally {
    await context.close();
  }
});
