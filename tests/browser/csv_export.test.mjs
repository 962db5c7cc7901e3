// File > Export CSV... by real clicks: the filter set through window.sightline, the sort by a
// click on a header, the BOM option by a click, Export; the download caught as the browser
// saves it, and compared byte for byte with exportCsv() and cell by cell with query(). No
// request may leave the page's origin meanwhile (the file is a Blob URL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openWatchedPage, waitForReady, waitForStatus, screenshot, click, rectOf, useBrowserAndServer } from './lib/browser.mjs';

const env = useBrowserAndServer({ before, after });

// RFC 4180, written again here so the test does not trust the app's own reader.
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// A value as a cell: lists joined with "; ", booleans as words, formula characters guarded.
function expectedCell(value) {
  let text = Array.isArray(value) ? value.join('; ') : typeof value === 'boolean' ? String(value) : value;
  if (/^'*[=+\-@\t\r]/.test(text)) text = "'" + text;
  return text;
}

test('Export CSV downloads the filtered, sorted view; the file equals exportCsv() and query()', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const filter = { all: [{ field: 'activity_type', op: 'neq', values: ['Log on'] }] };
    const set = await page.evaluate((f) => window.sightline.setFilter(f), filter);
    assert.ok(set.ok && set.visible > 1000, JSON.stringify(set));

    await click(page, 'header:User'); // real input: the export follows the table's sort
    await waitForStatus(page, (s) => JSON.stringify(s.sort) === JSON.stringify([{ field: 'user', dir: 'asc' }]));

    await click(page, 'menu:File');
    await click(page, 'menu:File/Export CSV...');
    await rectOf(page, 'export:start');
    await click(page, 'export:bom');
    await screenshot(page, 'csv-export-panel');

    const downloading = page.waitForEvent('download', { timeout: 60000 });
    await click(page, 'export:start');
    const download = await downloading;
    assert.equal(download.suggestedFilename(), 'sightline-activities.csv');
    const file = fs.readFileSync(await download.path());
    await rectOf(page, 'export:outcome');
    await screenshot(page, 'csv-export-done');

    assert.deepEqual([...file.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM ticked by a click is there');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file); // keeps the BOM
    const api = await page.evaluate(() => window.sightline.exportCsv({ bom: true }));
    assert.equal(typeof api, 'string', JSON.stringify(api).slice(0, 200));
    assert.equal(text, api, 'the download equals exportCsv() byte for byte');
    const saved = await page.evaluate(() => window.sightline.lastDownload());
    assert.equal(saved.text, api);
    assert.equal(saved.bytes, file.length);

    const rows = parseCsv(text.slice(1)); // without the BOM
    const sort = [{ field: 'user', dir: 'asc' }];
    const query = await page.evaluate(([f, s]) => window.sightline.query({ filter: f, sort: s, limit: 100000 }), [filter, sort]);
    assert.equal(rows.length - 1, query.total, 'one row a filtered activity, and a header');
    assert.equal(query.total, set.visible);
    const fields = ['time', 'starred', 'tags', 'comment', 'description', 'user', 'app', 'ip', 'country', 'device_type'];
    assert.deepEqual(rows[0], ['Date', 'Starred', 'Tag', 'Comment', 'Activity', 'User', 'App', 'IP address', 'Location', 'Device type']);
    for (let r = 0; r < query.rows.length; r++)
      for (let c = 0; c < fields.length; c++)
        assert.equal(rows[r + 1][c], expectedCell(query.rows[r][fields[c]]), `row ${r}, ${fields[c]}`);

    // Cancel before the first slice (both calls run before the page's next task): nothing saved.
    let downloads = 0;
    page.on('download', () => { downloads++; });
    const cancelled = await page.evaluate(async () => {
      const started = window.sightline.startExport({ all_fields: true, raw: true });
      const stopped = window.sightline.cancelExport();
      await Promise.all([started, stopped]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      return window.sightline.exportStatus();
    });
    assert.equal(cancelled.running, false);
    assert.equal(cancelled.cancelled, true);
    assert.equal(cancelled.done, false);
    assert.equal(downloads, 0, 'a cancelled export downloads nothing');
    assert.equal((await page.evaluate(() => window.sightline.lastDownload())).text, api, 'the last saved file is still the first');
    const bad = await page.evaluate(() => window.sightline.exportCsv({ columns: ['user', 'nope'] }));
    assert.deepEqual(bad, { error: 'columns[1]: unknown field "nope"' });
    assert.deepEqual(problems.foreignRequests, [], 'no request left the origin');
    assert.deepEqual(problems.consoleErrors, []);
  } finally {
    await context.close();
  }
});

// The single-file page opened from disk saves the same file: the download is a Blob URL there too.
test('the single-file page from file:// exports by the same path', async () => {
  const single = path.resolve(import.meta.dirname, '..', '..', 'build', 'web-single', 'sightline.html');
  const { page, context, problems } = await openWatchedPage(env.browser, pathToFileURL(single).href);
  try {
    await waitForReady(page);
    const options = { columns: ['time', 'user', 'objects'], delimiter: ';', filter: { all: [{ field: 'admin', op: 'is_true' }] } };
    const downloading = page.waitForEvent('download', { timeout: 60000 });
    const started = await page.evaluate((o) => window.sightline.startExport(o), options);
    assert.deepEqual(started, { ok: true });
    const file = fs.readFileSync(await (await downloading).path(), 'utf8');
    const api = await page.evaluate((o) => window.sightline.exportCsv(o), options);
    assert.equal(file, api);
    const total = (await page.evaluate((o) => window.sightline.query({ filter: o.filter, limit: 1 }), options)).total;
    assert.ok(total > 0);
    assert.equal(file.split('\r\n').length - 2, total, 'a header, a row an activity, a last CRLF');
    assert.ok(file.startsWith('Date;User;Activity objects\r\n'));
    const status = await page.evaluate(() => window.sightline.exportStatus());
    assert.equal(status.done, true);
    assert.equal(status.rows, total);
    assert.deepEqual(problems.foreignRequests, []);
    assert.deepEqual(problems.consoleErrors, []);
  } finally {
    await context.close();
  }
});
