// The activity drawer's tabs and insights, driven by real input: a click on a row and Enter open
// the drawer, clicks switch its tabs, a click on a country of the User tab filters the log, and
// the drawer's size is kept across a reload. userInsights()/ipInsights() are checked against
// query() and values() counts of the same filter (the subject plus last_days 30).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openWatchedPage, waitForReady, screenshot, rectOf, useBrowserAndServer, until } from './lib/browser.mjs';

const env = useBrowserAndServer({ before, after });

const DAY = 86400000;
const NEWEST = Date.UTC(2025, 5, 30, 12);
const iso = (ms) => new Date(ms).toISOString();

// One UPN in three spellings, an IPv6 address, activities inside and outside the 30 days.
function fixture() {
  const rows = [['id', 'time', 'app', 'activity_type', 'user', 'ip', 'ip_category', 'ip_tags', 'country', 'city', 'isp', 'admin']];
  const add = (n, days, user, ip, country, city, isp, admin = false, category = '', tags = '') => {
    for (let i = 0; i < n; i++)
      rows.push([`r${rows.length}`, iso(NEWEST - days * DAY - i * 3600000), 'Microsoft Exchange Online', 'Log on', user, ip,
        category, tags, country, city, isp, admin ? 'true' : 'false']);
  };
  add(1, 0, 'DebraB@contoso.com', '2001:db8::5', 'US', 'Seattle', 'Contoso Net', true, 'VPN', 'Anonymous proxy; Tor');
  add(4, 1, 'DebraB@contoso.com', '198.51.100.7', 'US', 'Seattle', 'Contoso Net');
  add(3, 3, 'debrab@contoso.com', '203.0.113.9', 'DE', 'Berlin', 'Telekom');
  add(2, 5, 'DEBRAB@contoso.com', '2001:DB8::5', 'DE', 'Munich', 'Telekom', true);
  add(2, 40, 'DebraB@contoso.com', '192.0.2.1', 'JP', 'Tokyo', 'NTT');
  add(5, 2, 'alex@contoso.com', '2001:db8::5', 'FR', 'Paris', 'Orange');
  return rows.map((r) => r.join(',')).join('\n') + '\n';
}

// A real click that first rests the mouse on the widget for a few frames, as a hand does: ImGui
// ignores a press on a tab whose first hovered frame is the press itself while another item was
// hovered the frame before (tabs allow overlap), which lib/browser.mjs's click() can produce.
async function click(page, name) {
  const r = await rectOf(page, name);
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  await page.waitForTimeout(150);
  await rectOf(page, name); // two more frames drawn with the mouse here
  await page.mouse.down();
  await page.waitForTimeout(60);
  await page.mouse.up();
}

const drawn = (page, name) => page.evaluate(async (n) => !(await window.sightline.itemRect(n)).error, name);

// A click selects the row and Enter opens it. (A double click opens it too, but headless
// Chromium's two clicks reach ImGui within one frame, which sees a single click.)
async function openDrawerOnFirstRow(page) {
  const row = await rectOf(page, 'row:first');
  await page.mouse.click(row.x + row.width / 2, row.y + row.height / 2);
  await page.waitForTimeout(100);
  await page.keyboard.press('Enter');
  await until(page, 'the drawer opens', () => drawn(page, 'drawer:tab:General'));
}

test('drawer tabs: User and IP address insights equal query() counts; a country pivot filters the log', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const loaded = await page.evaluate(async (text) => window.sightline.load([{ name: 'insights.csv', data: new TextEncoder().encode(text) }]), fixture());
    assert.equal(loaded.total, 17, JSON.stringify(loaded));
    const first = (await page.evaluate(() => window.sightline.query({ limit: 1 }))).rows[0];
    assert.equal(first.user, 'DebraB@contoso.com');

    await openDrawerOnFirstRow(page);
    await page.waitForTimeout(300);
    await screenshot(page, 'drawer-general');

    // The API against plain counts of the same filter.
    const window30 = { field: 'time', op: 'last_days', values: [30] };
    const counts = await page.evaluate(async ({ user, ip, window30 }) => {
      const s = window.sightline;
      const byUser = { all: [{ field: 'user', op: 'eq', values: [user.toLowerCase()] }, window30] };
      const byIp = { all: [{ field: 'ip', op: 'eq', values: [ip.toUpperCase()] }, window30] };
      return {
        user: await s.userInsights(user.toLowerCase()),
        ip: await s.ipInsights(ip.toUpperCase()),
        userTotal: (await s.query({ filter: byUser, limit: 0 })).total,
        userAdmin: (await s.query({ filter: { all: [...byUser.all, { field: 'admin', op: 'is_true', values: [] }] }, limit: 0 })).total,
        userCountries: await s.values('country', { filter: byUser }),
        userIsps: await s.values('isp', { filter: byUser }),
        userIps: await s.values('ip', { filter: byUser }),
        ipTotal: (await s.query({ filter: byIp, limit: 0 })).total,
        ipAdmin: (await s.query({ filter: { all: [...byIp.all, { field: 'admin', op: 'is_true', values: [] }] }, limit: 0 })).total,
        ipUsers: await s.values('user', { filter: byIp }),
        users: await s.values('user', {}),
      };
    }, { user: first.user, ip: first.ip, window30 });
    const u = counts.user;
    assert.equal(u.user, 'DebraB@contoso.com', 'the spelling seen most often');
    assert.equal(u.activities, counts.userTotal);
    assert.equal(u.activities, 10, 'hand count: 1 + 4 + 3 + 2 in the window, 2 outside');
    assert.equal(u.admin_activities, counts.userAdmin);
    assert.equal(u.countries, counts.userCountries.length);
    assert.equal(u.isps, counts.userIsps.length);
    assert.equal(u.ips, counts.userIps.length, 'IPv6 spellings are one address');
    assert.deepEqual(u.lists.countries, counts.userCountries);
    assert.equal(u.open_alerts, 0);
    assert.equal(u.matches, 0);
    assert.equal(u.daily.reduce((n, d) => n + d.count, 0), u.activities);
    assert.equal(u.daily.at(-1).day, '2025-06-30');
    assert.equal(u.window.start, iso(NEWEST - 30 * DAY));
    const ip = counts.ip;
    assert.equal(ip.activities, counts.ipTotal);
    assert.equal(ip.admin_activities, counts.ipAdmin);
    assert.deepEqual(ip.lists.users, counts.ipUsers);
    const debra = counts.users.find((v) => v.value.toLowerCase() === 'debrab@contoso.com');
    assert.deepEqual(debra, { value: 'DebraB@contoso.com', count: 12 }, 'value counts merge a UPN\'s spellings');

    // Real clicks: the User tab, its counts, then a country of its list.
    await click(page, 'drawer:tab:User');
    await until(page, 'the User tab shows its counts', () => drawn(page, 'insights:count:Activities'));
    await page.waitForTimeout(300);
    await screenshot(page, 'drawer-user');
    const top = u.lists.countries[0].value;
    await click(page, `insights:country:${top}`);
    const filter = await until(page, 'the pivot sets the filter', async () => {
      const f = await page.evaluate(() => window.sightline.getFilter());
      return JSON.stringify(f).includes(`"${top}"`) ? f : null;
    });
    assert.deepEqual(filter, { all: [{ field: 'user', op: 'eq', values: ['DebraB@contoso.com'] }, { field: 'country', op: 'eq', values: [top] }] });
    const status = await page.evaluate(() => window.sightline.status());
    const expected = await page.evaluate((f) => window.sightline.query({ filter: f, limit: 0 }), filter);
    assert.equal(status.visible, expected.total, 'the log shows the pivot\'s rows');
    assert.ok(status.visible > 0);

    // The IP address tab, then its "Filter by this IP address".
    await click(page, 'drawer:tab:IP address');
    await until(page, 'the IP tab shows its counts', () => drawn(page, 'insights:count:Admin activities'));
    await page.waitForTimeout(300);
    await screenshot(page, 'drawer-ip');
    await click(page, 'insights:filter-ip');
    const ipFilter = await until(page, 'filter by this IP', async () => {
      const f = await page.evaluate(() => window.sightline.getFilter());
      return JSON.stringify(f).includes('2001:db8::5') ? f : null;
    });
    assert.deepEqual(ipFilter, { all: [{ field: 'ip', op: 'eq', values: ['2001:db8::5'] }] });
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.foreignRequests, []);
  } finally {
    await context.close();
  }
});

test('the drawer can be resized and keeps its size across a reload', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    await openDrawerOnFirstRow(page);
    const before = await rectOf(page, 'drawer:width');
    // Drag the window's left edge 150 px to the left (ImGui resizes from edges).
    // Drag the resize grip at the window's bottom-right corner 150 px to the left. ImGui must
    // see the mouse rest on the grip before the press, and each step of the drag in a frame.
    const vp = page.viewportSize();
    const gx = vp.width - 4, gy = vp.height - 4;
    await page.mouse.move(gx, gy);
    await page.waitForTimeout(150);
    await rectOf(page, 'drawer:width');
    await page.mouse.down();
    for (let dx = 15; dx <= 150; dx += 15) {
      await page.mouse.move(gx - dx, gy);
      await page.waitForTimeout(60);
    }
    await rectOf(page, 'drawer:width');
    await page.mouse.up();
    const narrower = await until(page, 'the drawer narrows', async () => {
      const r = await page.evaluate(() => window.sightline.itemRect('drawer:width'));
      return !r.error && r.width < before.width - 100 ? r : null;
    });
    await page.waitForTimeout(300);
    await screenshot(page, 'drawer-resized');
    await page.reload();
    await waitForReady(page);
    await openDrawerOnFirstRow(page);
    const after = await rectOf(page, 'drawer:width');
    assert.ok(Math.abs(after.width - narrower.width) <= 2, `kept: ${after.width} vs ${narrower.width} (default ${before.width})`);
    assert.deepEqual(problems.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('Set as Risky IP in the IP tab tags every activity from the address, and Undo gives back the export', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const text = fixture();
    await page.evaluate(async (t) => window.sightline.load([{ name: 'insights.csv', data: new TextEncoder().encode(t) }]), text);
    // The fixture's rows from 2001:db8::5 in either spelling, and their exported categories.
    const fromAddress = text.trim().split('\n').slice(1).map((l) => l.split(',')).filter((c) => c[5].toLowerCase() === '2001:db8::5');
    const exported = fromAddress.map((c) => c[6]).sort();
    const categories = () => page.evaluate(async () => (await window.sightline.query({
      filter: { all: [{ field: 'ip', op: 'eq', values: ['2001:db8::5'] }] }, limit: 100 })).rows.map((r) => r.ip_category).sort());
    assert.deepEqual(await categories(), exported, 'before: the categories of the export');

    await openDrawerOnFirstRow(page);
    await click(page, 'drawer:tab:IP address');
    await until(page, 'the IP tab shows its actions', () => drawn(page, 'insights:set-risky'));
    await click(page, 'insights:set-risky');
    await until(page, 'every activity from the address is Risky', async () =>
      JSON.stringify(await categories()) === JSON.stringify(fromAddress.map(() => 'Risky')));
    const ranges = await page.evaluate(() => window.sightline.ipRanges());
    const mine = (ranges.ranges || ranges).find((r) => r.name === '2001:db8::5');
    assert.ok(mine && mine.category === 'Risky', JSON.stringify(ranges));
    const risky = await page.evaluate(() => window.sightline.query({ filter: { all: [{ field: 'ip_category', op: 'eq', values: ['Risky'] }] }, limit: 0 }));
    assert.equal(risky.total, fromAddress.length, 'the ip_category filter finds them');
    await page.waitForTimeout(300);
    await screenshot(page, 'drawer-ip-set-risky');

    await click(page, 'insights:undo-ip-range');
    await until(page, 'Undo gives back the exported categories', async () => JSON.stringify(await categories()) === JSON.stringify(exported));
    assert.deepEqual(problems.consoleErrors, []);
  } finally {
    await context.close();
  }
});
