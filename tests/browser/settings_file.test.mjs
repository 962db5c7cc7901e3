// File > Settings file... by real clicks: the analyst's settings (a range, a policy, a saved
// query, set through window.sightline) exported as a download that equals exportSettings();
// that file chosen in a fresh browser profile's file picker and imported with "Replace mine",
// after which the ranges rewrite the activities and everything survives a reload; a broken file
// refused with its reason on screen and nothing changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWatchedPage, waitForReady, screenshot, click, rectOf, poll, useBrowserAndServer } from './lib/browser.mjs';

const env = useBrowserAndServer({ before, after });

const OFFICE = { name: 'London office', cidrs: ['192.0.2.128/26'], category: 'VPN', tags: ['Shared'] };
const POLICY = { name: 'Any admin activity', severity: 'Low', filter: { all: [{ field: 'admin', op: 'is_true' }] } };

const exported = (page) => page.evaluate(() => window.sightline.exportSettings());
const vpnFromOffice = (page) => page.evaluate(() => window.sightline.query({ limit: 0, filter: { all: [
  { field: 'ip', op: 'in_cidr', values: ['192.0.2.128/26'] }, { field: 'ip_category', op: 'neq', values: ['VPN'] }] } })
  .then((r) => r.total));

async function chooseFile(page, file) {
  const choosing = page.waitForEvent('filechooser', { timeout: 10000 });
  await click(page, 'settings:choose');
  await (await choosing).setFiles(file);
  await rectOf(page, 'settings:import'); // the window shows the file once it has been read
}

test('settings exported by a click import into a fresh profile by the file picker, and survive a reload', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-settings-'));
  const from = await openWatchedPage(env.browser, env.server.url);
  let settingsFile;
  let text;
  try {
    await waitForReady(from.page);
    assert.ok((await from.page.evaluate((r) => window.sightline.setIpRange(r), OFFICE)).ok);
    assert.ok((await from.page.evaluate((p) => window.sightline.savePolicy(p), POLICY)).ok);
    assert.ok((await from.page.evaluate(() => window.sightline.setFilter({ all: [{ field: 'admin', op: 'is_true' }] }))).ok);
    assert.ok((await from.page.evaluate(() => window.sightline.saveQuery('Admins'))).ok);

    await click(from.page, 'menu:File');
    await click(from.page, 'menu:File/Settings file...');
    const downloading = from.page.waitForEvent('download', { timeout: 20000 });
    await click(from.page, 'settings:export');
    const download = await downloading;
    assert.match(download.suggestedFilename(), /^sightline-settings-\d{4}-\d{2}-\d{2}\.json$/);
    settingsFile = path.join(folder, download.suggestedFilename());
    await download.saveAs(settingsFile);
    text = fs.readFileSync(settingsFile, 'utf8');
    assert.deepEqual(JSON.parse(text), await exported(from.page), 'the download is exportSettings()');
    const doc = JSON.parse(text);
    assert.deepEqual(doc.ip_ranges.ranges.map((r) => r.name), ['London office']);
    assert.deepEqual(doc.policies.policies.map((p) => p.name), ['Any admin activity']);
    assert.deepEqual(doc.saved_queries.queries.map((q) => q.name), ['Admins']);
    await screenshot(from.page, 'settings-file-exported');
    assert.deepEqual(from.problems.foreignRequests, []);
    assert.deepEqual(from.problems.consoleErrors, []);
  } finally {
    await from.context.close();
  }

  const to = await openWatchedPage(env.browser, env.server.url); // a new context: empty localStorage
  try {
    await waitForReady(to.page);
    const before = await exported(to.page);
    assert.equal(before.ip_ranges.ranges.length, 0);
    assert.ok(await vpnFromOffice(to.page) > 0, 'before the import the office addresses are not VPN');

    await click(to.page, 'menu:File');
    await click(to.page, 'menu:File/Settings file...');
    await chooseFile(to.page, settingsFile);
    await click(to.page, 'settings:replace');
    await click(to.page, 'settings:import');
    await poll(to.page, () => window.sightline.exportSettings(), null, (s) => s.ip_ranges.ranges.length === 1, 'the import');
    assert.deepEqual(await exported(to.page), JSON.parse(text), 'the page now holds what the file holds');
    assert.equal(await vpnFromOffice(to.page), 0, 'the imported range rewrote the office activities');
    await screenshot(to.page, 'settings-file-imported');

    // A broken file: refused, the reason on screen, nothing changed.
    const broken = path.join(folder, 'broken.json');
    const bad = JSON.parse(text);
    bad.ip_ranges.ranges.push({ name: 'Overlapping', cidrs: ['192.0.2.0/24'], category: 'Risky' });
    fs.writeFileSync(broken, JSON.stringify(bad));
    await chooseFile(to.page, broken);
    await click(to.page, 'settings:import');
    await to.page.waitForTimeout(300);
    await screenshot(to.page, 'settings-file-refused');
    assert.deepEqual(await exported(to.page), JSON.parse(text), 'a refused import changes nothing');
    const viaApi = await to.page.evaluate((b) => window.sightline.importSettings(b, { mode: 'merge' }), bad);
    assert.match(viaApi.error, /nothing changed: ip_ranges: .*overlaps "192\.0\.2\.128\/26" of the range "London office"/);

    await to.page.reload();
    await waitForReady(to.page);
    assert.deepEqual(await exported(to.page), JSON.parse(text), 'the imported settings were kept across a reload');
    assert.equal(await vpnFromOffice(to.page), 0);
    assert.deepEqual(to.problems.foreignRequests, []);
    assert.deepEqual(to.problems.consoleErrors.filter((e) => !e.includes('Sightline:')), []);
  } finally {
    await to.context.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
