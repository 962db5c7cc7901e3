// IP address ranges through the UI: View > IP address ranges, a range typed into the form and
// saved by real clicks and keys, a bad CIDR refused in the window, the category seen in query()
// and in the table, the range kept across a reload, Remove and Undo clicked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openWatchedPage, waitForReady, screenshot, click, focusTextBox, waitForKeyboardFree, rectOf,
  poll, useBrowserAndServer } from './lib/browser.mjs';

const env = useBrowserAndServer({ before, after });

const OFFICE_IP = '192.0.2.130'; // the demo's London office, exported as Corporate
const vpnFilter = { all: [{ field: 'ip_category', op: 'eq', values: ['VPN'] }] };

// The activities from 192.0.2.128/26, counted here from the value counts of `ip` with a check
// written without the app: the dotted quad as a number.
async function expectedCount(page) {
  const ips = await page.evaluate(() => window.sightline.values('ip', { limit: 1000000 }));
  const asNumber = (ip) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
  const network = asNumber('192.0.2.128');
  return ips.filter(({ value }) => /^\d+\.\d+\.\d+\.\d+$/.test(value) && Math.floor(asNumber(value) / 64) === network / 64)
    .reduce((sum, { count }) => sum + count, 0);
}

const customRanges = (page) => page.evaluate(() => window.sightline.ipRanges().then((r) => r.filter((x) => !x.builtin)));
const vpnTotal = (page) => page.evaluate((f) => window.sightline.query({ filter: f, limit: 0 }).then((r) => r.total), vpnFilter);

// Replaces a text box's one line of text: End, then Backspace over what is there. ImGui reads a
// key as held or not once a frame, so each press waits for frames to pass (typed characters
// queue up and need no wait).
async function typeInto(page, name, text, erase = 0) {
  await focusTextBox(page, name);
  await page.keyboard.press('End', { delay: 60 });
  for (let i = 0; i < erase; i++) {
    await page.keyboard.press('Backspace', { delay: 60 });
    await page.waitForTimeout(60);
  }
  await page.keyboard.type(text);
}

test('an IP range added in its window changes ip_category at once, survives a reload, and is undone', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const expected = await expectedCount(page);
    assert.ok(expected > 50, `the demo has activities from 192.0.2.128/26 (${expected})`);
    const exportedVpn = await vpnTotal(page); // the demo exports some VPN addresses of its own
    const builtin = await page.evaluate(() => window.sightline.ipRanges());
    assert.ok(builtin.some((r) => r.builtin && r.tags.includes('Internal') && r.cidrs.includes('10.0.0.0/8')), 'built-in ranges listed');

    await click(page, 'menu:View');
    await click(page, 'menu:View/IP address ranges');
    await click(page, 'ipranges:add');
    await typeInto(page, 'ipranges:name', 'London VPN');
    await typeInto(page, 'ipranges:cidrs', '192.0.2.300/26');
    await click(page, 'ipranges:category');
    await click(page, 'ipranges:category/VPN');
    await typeInto(page, 'ipranges:tags', 'Office VPN');
    await click(page, 'ipranges:save');
    // Refused in the window, nothing changed.
    await rectOf(page, 'ipranges:error');
    assert.deepEqual(await customRanges(page), []);
    await screenshot(page, 'ip-ranges-error');

    await typeInto(page, 'ipranges:cidrs', '192.0.2.128/26', '192.0.2.300/26'.length);
    await click(page, 'ipranges:save');
    await waitForKeyboardFree(page);
    const ranges = await poll(page, () => window.sightline.ipRanges().then((r) => r.filter((x) => !x.builtin)), null,
      (r) => r.length === 1, 'the range was saved');
    assert.deepEqual(ranges[0], { name: 'London VPN', cidrs: ['192.0.2.128/26'], category: 'VPN', tags: ['Office VPN'], isp: '', country: '' });

    // query() and the table agree with the independent count.
    assert.equal(await vpnTotal(page), exportedVpn + expected);
    const inRange = { all: [...vpnFilter.all, { field: 'ip', op: 'in_cidr', values: ['192.0.2.128/26'] }] };
    const rows = await page.evaluate((f) => window.sightline.query({ filter: f, limit: 5 }), inRange);
    assert.equal(rows.total, expected);
    for (const row of rows.rows) assert.ok(row.ip_tags.includes('Office VPN') && row.ip_tags.includes('Corporate network'), JSON.stringify(row.ip_tags));
    const set = await page.evaluate((f) => window.sightline.setFilter(f), vpnFilter);
    assert.equal(set.visible, exportedVpn + expected, 'the table shows the VPN activities');
    assert.equal((await page.evaluate((f) => window.sightline.setFilter(f), inRange)).visible, expected);
    const office = await page.evaluate((ip) => window.sightline.query({ filter: { all: [{ field: 'ip', op: 'eq', values: [ip] }] }, limit: 1 }), OFFICE_IP);
    assert.equal(office.rows[0].ip_category, 'VPN');
    // The window closed from the View menu; a double click on the first row opens its drawer.
    await click(page, 'menu:View');
    await click(page, 'menu:View/IP address ranges');
    await poll(page, () => window.sightline.itemRect('ipranges:window'), null, (r) => !!r.error, 'the window closed');
    const first = await rectOf(page, 'row:first');
    // Two clicks in two frames: ImGui counts a double click across frames.
    await page.mouse.click(first.x + 40, first.y + first.height / 2);
    await page.waitForTimeout(120);
    await page.mouse.click(first.x + 40, first.y + first.height / 2);
    await page.waitForTimeout(800);
    await screenshot(page, 'ip-ranges-applied');

    // A reload keeps the range and applies it again.
    await page.reload();
    await waitForReady(page);
    assert.deepEqual(await customRanges(page), ranges);
    assert.equal(await vpnTotal(page), exportedVpn + expected, 'applied again after the reload');

    // Remove and Undo, clicked.
    await page.evaluate(() => window.sightline.setFilter({ all: [] }));
    await click(page, 'menu:View');
    await click(page, 'menu:View/IP address ranges');
    await click(page, 'ipranges:remove/London VPN');
    await poll(page, (f) => window.sightline.query({ filter: f, limit: 0 }).then((r) => r.total), vpnFilter, (n) => n === exportedVpn, 'removed');
    const restored = await page.evaluate((ip) => window.sightline.query({ filter: { all: [{ field: 'ip', op: 'eq', values: [ip] }] }, limit: 1 }), OFFICE_IP);
    assert.equal(restored.rows[0].ip_category, 'Corporate', 'the exported category is back');
    assert.deepEqual(restored.rows[0].ip_tags, ['Corporate network']);
    await click(page, 'ipranges:undo');
    await poll(page, (f) => window.sightline.query({ filter: f, limit: 0 }).then((r) => r.total), vpnFilter, (n) => n === exportedVpn + expected, 'undone');
    assert.equal((await customRanges(page)).length, 1);
    await screenshot(page, 'ip-ranges-window');
    assert.deepEqual(problems.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('the API refuses bad and overlapping ranges with the reason and changes nothing', async () => {
  const { page, context } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const api = (name, ...args) => page.evaluate(([n, a]) => window.sightline[n](...a), [name, args]);
    assert.deepEqual(await api('setIpRange', { name: 'A', cidrs: ['10.0.0.0/33'], category: 'VPN' }),
      { error: 'cidrs[0] "10.0.0.0/33": prefix length 33 is longer than 32 (IPv4)' });
    assert.equal((await api('setIpRange', { name: 'A', cidrs: ['203.0.113.0/24'], category: 'corporate' })).ok, true);
    assert.deepEqual(await api('setIpRange', { name: 'B', cidrs: '203.0.113.64/26', category: 'Risky' }),
      { error: 'cidrs[0] "203.0.113.64/26" overlaps "203.0.113.0/24" of the range "A"' });
    assert.deepEqual(await api('removeIpRange', 'Loopback'), { error: '"Loopback" is a built-in range and cannot be removed' });
    const asRisky = await api('setIpAs', '192.0.2.131', 'Risky');
    assert.equal(asRisky.ok, true);
    const fromIp = await page.evaluate(() => window.sightline.query({ filter: { all: [{ field: 'ip', op: 'eq', values: ['192.0.2.131'] }] }, limit: 0 }));
    const risky = await page.evaluate(() => window.sightline.query({ filter: { all: [{ field: 'ip_category', op: 'eq', values: ['Risky'] }] }, limit: 0 }));
    assert.equal(risky.total, fromIp.total);
    assert.equal((await api('undo')).ok, true);
    const after = await page.evaluate(() => window.sightline.query({ filter: { all: [{ field: 'ip_category', op: 'eq', values: ['Risky'] }] }, limit: 0 }));
    assert.equal(after.total, 0);
  } finally {
    await context.close();
  }
});
