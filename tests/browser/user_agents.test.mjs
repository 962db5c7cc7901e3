// User-agent enrichment in the page: a unified audit log file whose rows carry only user agents
// is loaded through sightline.load(); between frames the page fills Browser, Operating system,
// Device type and the user agent tags, and activity(id) marks them computed. The drawer of the
// row shows the "computed" marker beside the values (screenshot user-agents-drawer).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openWatchedPage, waitForReady, screenshot, rectOf, useBrowserAndServer, until } from './lib/browser.mjs';

const env = useBrowserAndServer({ before, after });

// 4 March 2024: Chrome 122 is current, IE 11 retired (15 June 2022), Windows 7 past support.
function auditLog() {
  const row = (id, when, ua) => `${when},ann@contoso.com,FileDownloaded,"{""Id"": ""${id}"", ""RecordType"": 6, ` +
    `""CreationTime"": ""${when}"", ""Operation"": ""FileDownloaded"", ""Workload"": ""SharePoint"", ` +
    `""ClientIP"": ""203.0.113.7"", ""UserId"": ""ann@contoso.com"", ""UserAgent"": ""${ua}""}"`;
  return ['CreationDate,UserIds,Operations,AuditData',
    row('aud-chrome', '2024-03-04T09:00:00',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36'),
    row('aud-curl', '2024-03-04T09:01:00', 'curl/8.5.0'),
    row('aud-ie', '2024-03-04T09:02:00', 'Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko'),
  ].join('\n') + '\n';
}

const drawn = (page, name) => page.evaluate(async (n) => !(await window.sightline.itemRect(n)).error, name);

test('an audit log with only user agents gets browser, OS, device type and tags, marked computed, in the drawer too', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const loaded = await page.evaluate(async (text) =>
      window.sightline.load([{ name: 'audit.csv', data: new TextEncoder().encode(text) }]), auditLog());
    assert.equal(loaded.total, 3, JSON.stringify(loaded));

    const ie = await until(page, 'the IE row is enriched', async () => {
      const a = await page.evaluate(() => window.sightline.activity('aud-ie'));
      return a.browser ? a : null;
    });
    assert.equal(ie.browser, 'IE 11.0');
    assert.equal(ie.os, 'Windows 7');
    assert.equal(ie.device_type, 'PC');
    assert.deepEqual(ie.ua_tags, ['Outdated browser', 'Outdated operating system']);
    assert.deepEqual(ie.computed, ['ua_tags', 'device_type', 'browser', 'os']);

    const chrome = await page.evaluate(() => window.sightline.activity('aud-chrome'));
    assert.equal(chrome.browser, 'Chrome 122.0');
    assert.deepEqual(chrome.ua_tags, []);
    assert.deepEqual(chrome.computed, ['device_type', 'browser', 'os']);
    const curl = await page.evaluate(() => window.sightline.activity('aud-curl'));
    assert.deepEqual(curl.ua_tags, ['Native client']);
    // The filters see the computed tags.
    const tagged = await page.evaluate(() => window.sightline.query({
      filter: { all: [{ field: 'ua_tags', op: 'eq', values: ['Outdated browser'] }] }, limit: 10 }));
    assert.deepEqual(tagged.rows.map((r) => r.id), ['aud-ie']);

    // The newest row (IE) is first: a click selects it and Enter opens its drawer.
    const row = await rectOf(page, 'row:first');
    await page.mouse.click(row.x + row.width / 2, row.y + row.height / 2);
    await page.waitForTimeout(100);
    await page.keyboard.press('Enter');
    await until(page, 'the drawer opens', () => drawn(page, 'drawer:tab:General'));
    for (const field of ['browser', 'os', 'device_type', 'ua_tags'])
      await until(page, `the computed mark beside ${field}`, () => drawn(page, `drawer:computed:${field}`));
    assert.equal(await drawn(page, 'drawer:computed:user'), false, 'the user came from the export: no mark');
    const mark = await rectOf(page, 'drawer:computed:ua_tags');
    await page.mouse.move(mark.x + mark.width / 2, mark.y + mark.height / 2);
    await page.waitForTimeout(400);
    await screenshot(page, 'user-agents-drawer');
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.foreignRequests, []);
  } finally {
    await context.close();
  }
});
