// The offline IP location in the page: ip-location.bin is not fetched with the demo data, is
// fetched once from the page's own folder after an import whose rows have IPs without a country
// (a unified audit log), and then locates public addresses of several countries, IPv4 and IPv6;
// the About box credits the data and says it is loaded. The single-file page says it is off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openWatchedPage, waitForReady, screenshot, click, rectOf, useBrowserAndServer } from './lib/browser.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SINGLE = path.join(ROOT, 'build', 'web-single', 'sightline.html');
const AUDIT_LOG = Array.from(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'import', 'audit_log_classic.csv')));

const env = useBrowserAndServer({ before, after });

const status = (page) => page.evaluate(() => window.sightline.ipLocation());

async function waitForState(page, wanted) {
  const deadline = Date.now() + 30000;
  let s;
  do {
    s = await status(page);
    if (s.state === wanted) return s;
    await page.waitForTimeout(100);
  } while (Date.now() < deadline);
  throw new Error(`the IP location did not become ${wanted}; last: ${JSON.stringify(s)}`);
}

test('ip-location.bin is fetched from the page folder only once an import needs it, then locates addresses', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
  const fetched = [];
  page.on('request', (req) => { if (req.url().endsWith('/ip-location.bin')) fetched.push(req.url()); });
  try {
    await waitForReady(page);
    assert.equal((await status(page)).state, 'not_loaded', 'the demo data has every country: nothing fetched');
    assert.deepEqual(await page.evaluate(() => window.sightline.locateIp('8.8.8.8')), { error: 'the IP location is not loaded' });

    const result = await page.evaluate((bytes) => window.sightline.load([{ name: 'audit_log_classic.csv', data: new Uint8Array(bytes) }]), AUDIT_LOG);
    assert.ok(!result.error, JSON.stringify(result));
    const ready = await waitForState(page, 'ready');
    assert.match(ready.provenance, /@ip-location-db\/asn .*CC-BY-4\.0/);
    assert.ok(ready.bytes > 1e6, `the table holds the asset (${ready.bytes} bytes)`);
    assert.equal(fetched.length, 1, `fetched once from the page's folder: ${fetched.join(', ')}`);
    assert.equal(new URL(fetched[0]).origin, new URL(env.server.url).origin);

    const locate = (ip) => page.evaluate((x) => window.sightline.locateIp(x), ip);
    for (const [ip, country, asn] of [['8.8.8.8', 'US', 15169], ['193.0.6.139', 'NL', 3333], ['202.12.27.33', 'JP', 7500],
      ['194.25.0.60', 'DE', 3320], ['200.160.2.3', 'BR', 22548], ['139.130.4.5', 'AU', 1221],
      ['2001:4860:4860::8888', 'US', 15169], ['[2606:4700:4700::1111]:443', 'US', 13335]]) {
      const got = await locate(ip);
      assert.equal(got.country, country, `${ip}: ${JSON.stringify(got)}`);
      assert.equal(got.asn, asn, `${ip}: ${JSON.stringify(got)}`);
    }
    assert.match((await locate('8.8.8.8')).isp, /Google/);
    assert.deepEqual(await locate('192.168.1.1'), { ip: '192.168.1.1', country: '', asn: 0, isp: '' });

    // A second import asks nothing more of the network.
    await page.evaluate((bytes) => window.sightline.load([{ name: 'again.csv', data: new Uint8Array(bytes) }]), AUDIT_LOG);
    assert.equal(fetched.length, 1, 'not fetched again');

    await click(page, 'menu:Help');
    await click(page, 'menu:Help/About Sightline');
    await rectOf(page, 'about:ip-location-credits');
    await rectOf(page, 'about:ip-location-state');
    await screenshot(page, 'about-ip-location-loaded');
    assert.deepEqual(problems.foreignRequests, [], 'no request outside the page origin');
    assert.deepEqual(problems.consoleErrors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

test('a missing ip-location.bin leaves the import whole and says why', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
  try {
    await context.route('**/ip-location.bin', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await waitForReady(page);
    const result = await page.evaluate((bytes) => window.sightline.load([{ name: 'audit_log_classic.csv', data: new Uint8Array(bytes) }]), AUDIT_LOG);
    assert.ok(!result.error && result.total > 0, JSON.stringify(result));
    const failed = await waitForState(page, 'failed');
    assert.match(failed.note, /HTTP 404/);
    assert.equal((await page.evaluate(() => window.sightline.query({ limit: 0 }))).total, result.total);
    // The browser logs the 404 itself; nothing else may be an error.
    assert.deepEqual(problems.consoleErrors.filter((e) => !/404/.test(e)), [], 'no other console errors');
  } finally {
    await context.close();
  }
});

test('the single-file page has no IP location and says so', async () => {
  const { page, context } = await openWatchedPage(env.browser, pathToFileURL(SINGLE).href);
  try {
    await waitForReady(page);
    const s = await status(page);
    assert.equal(s.state, 'off');
    assert.match(s.note, /single-file page/);
    await page.evaluate((bytes) => window.sightline.load([{ name: 'audit_log_classic.csv', data: new Uint8Array(bytes) }]), AUDIT_LOG);
    assert.equal((await status(page)).state, 'off', 'an import does not try to fetch');
    await click(page, 'menu:Help');
    await click(page, 'menu:Help/About Sightline');
    await rectOf(page, 'about:ip-location-state');
    await screenshot(page, 'about-ip-location-single-file');
  } finally {
    await context.close();
  }
});
