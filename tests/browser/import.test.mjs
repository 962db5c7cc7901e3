// Importing in the page: through sightline.load(), through a file drop on the page (the real
// drop handler), bad files with precise errors, and the guarantee that a bad file loses
// nothing already loaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openWatchedPage, waitForReady, waitForStatus, screenshot, rectOf, useBrowserAndServer } from './lib/browser.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'import');
const fixture = (name) => Array.from(fs.readFileSync(path.join(FIXTURES, name)));
// Whether `raw` is whole lines of `text` (a record is one line, or several when a quoted
// value holds line breaks), whatever the line endings.
const isWholeLinesOf = (raw, text) => {
  const unify = (t) => t.replace(/\r\n/g, '\n');
  return raw.length > 0 && `\n${unify(text)}\n`.includes(`\n${unify(raw)}\n`);
};

const env = useBrowserAndServer({ before, after });

async function load(page, files) {
  return page.evaluate((list) => window.sightline.load(list.map((f) => ({ name: f.name, data: new Uint8Array(f.bytes) }))), files);
}

test('load() reads a Defender CSV export, replacing the demo data', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const result = await load(page, [{ name: 'defender_activity_log.csv', bytes: fixture('defender_activity_log.csv') }]);
    assert.ok(!result.error, result.error);
    assert.equal(result.files.length, 1);
    const file = result.files[0];
    assert.match(file.format, /Defender/i);
    assert.ok(file.rows > 0, `rows ${file.rows}`);
    assert.ok(file.repaired >= 1, 'the unquoted-comma row is repaired, not lost');
    assert.equal(result.replaced_demo, true);
    assert.equal(result.total, file.rows, 'only the file remains');
    const q = await page.evaluate(() => window.sightline.query({ limit: 1000 }));
    assert.equal(q.total, file.rows);
    assert.ok(q.rows.every((r) => r.file === 'defender_activity_log.csv'));
    assert.ok(q.rows.some((r) => r.description.includes('budget, final.xlsx')), 'the repaired description keeps its comma');

    // Each row's raw record is its line of the file, read back from the file's kept bytes,
    // and free text finds words that only the raw record holds.
    const fileText = Buffer.from(fixture('defender_activity_log.csv')).toString('utf8');
    for (const row of q.rows) {
      const activity = await page.evaluate((id) => window.sightline.activity(id), row.id);
      assert.ok(activity.raw.includes(row.id) && isWholeLinesOf(activity.raw, fileText), JSON.stringify(activity));
    }
    const keptBytes = async () => (await page.evaluate(() => window.sightline.workTimes())).kept_file_bytes;
    assert.equal(await keptBytes(), fileText.length, 'the file is kept once, as the records\' raw text');
    const category = await page.evaluate(() => window.sightline.query({
      filter: { all: [{ field: 'text', op: 'text', values: ['EVENT_CATEGORY_LOGIN'] }] }, limit: 1000 }));
    assert.ok(!category.error, category.error);
    assert.ok(category.total > 0 && category.total < file.rows, `raw-only word found in ${category.total} rows`);

    // The same file again: every row is a duplicate, nothing is added, and nothing more is kept.
    const again = await load(page, [{ name: 'defender_activity_log.csv', bytes: fixture('defender_activity_log.csv') }]);
    assert.equal(again.files[0].duplicates, file.rows);
    assert.equal(again.total, file.rows);
    assert.equal(await keptBytes(), fileText.length, 'a file no row lies in is released');
    assert.deepEqual(problems.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('bad files give precise errors and keep what was loaded', async () => {
  const { page, context } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const first = await load(page, [{ name: 'entra_signins.json', bytes: fixture('entra_signins.json') }]);
    assert.ok(first.total > 0);
    const before = first.total;
    const bad = await load(page, [
      { name: 'empty.csv', bytes: fixture('empty.csv') },
      { name: 'binary.bin', bytes: fixture('binary.bin') },
      { name: 'truncated.json', bytes: fixture('truncated.json') },
    ]);
    assert.ok(!bad.error, bad.error);
    const [empty, binary, truncated] = bad.files;
    assert.ok(empty.fatal && /empty/i.test(empty.errors[0].message), JSON.stringify(empty));
    assert.ok(binary.fatal && /binary/i.test(binary.errors[0].message), JSON.stringify(binary));
    assert.ok(truncated.rows > 0, 'complete records before the cut are kept');
    assert.ok(truncated.errors.some((e) => /cut off|truncat|end of/i.test(e.message)), JSON.stringify(truncated.errors));
    assert.equal(bad.total, before + truncated.rows, 'nothing loaded before was lost');

    const notArray = await page.evaluate(() => window.sightline.load('nope'));
    assert.match(notArray.error, /array/);
    const noData = await page.evaluate(() => window.sightline.load([{ name: 'x.csv' }]));
    assert.match(noData.error, /x\.csv/);
    await page.waitForTimeout(300);
    await screenshot(page, 'import-report');
  } finally {
    await context.close();
  }
});

test('a file dropped on the page is imported through the drop handler', async () => {
  const { page, context } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const bytes = fixture('audit_log_purview.csv');
    const dataTransfer = await page.evaluateHandle((b) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(b)], 'audit_log_purview.csv', { type: 'text/csv' }));
      return dt;
    }, bytes);
    const overlayShown = () => page.evaluate(() => getComputedStyle(document.getElementById('drop-overlay')).display !== 'none');
    assert.equal(await overlayShown(), false, 'no drop overlay before a drag');
    // Dragged over the page: the overlay says what a drop does, and stays while the drag crosses
    // from one element to another (an enter for the canvas, a leave for the body).
    await page.dispatchEvent('body', 'dragenter', { dataTransfer });
    await page.dispatchEvent('#canvas', 'dragenter', { dataTransfer });
    await page.dispatchEvent('body', 'dragleave', { dataTransfer });
    await page.dispatchEvent('#canvas', 'dragover', { dataTransfer });
    assert.equal(await overlayShown(), true, 'the drop overlay shows while files are over the page');
    await screenshot(page, 'drop-overlay');
    await page.dispatchEvent('#canvas', 'dragleave', { dataTransfer });
    assert.equal(await overlayShown(), false, 'and goes when they leave it');
    await page.dispatchEvent('#canvas', 'dragenter', { dataTransfer });
    await page.dispatchEvent('#canvas', 'drop', { dataTransfer });
    assert.equal(await overlayShown(), false, 'a drop hides it');
    const status = await waitForStatus(page, (s) => !s.demo && !s.importing && s.total > 0);
    assert.equal(status.total, 3);
    const q = await page.evaluate(() => window.sightline.query({ limit: 5 }));
    assert.ok(q.rows.every((r) => r.file === 'audit_log_purview.csv'));
    assert.match(q.rows[0].source, /audit/i);
    // The raw records are read back from the dropped File's chunks, kept as streamed.
    const fileText = Buffer.from(bytes).toString('utf8');
    for (const row of q.rows) {
      const activity = await page.evaluate((id) => window.sightline.activity(id), row.id);
      assert.ok(isWholeLinesOf(activity.raw, fileText), JSON.stringify(activity));
    }
  } finally {
    await context.close();
  }
});

test('a .gz export is decompressed in the page while it streams', async () => {
  const { page, context } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const result = await load(page, [{ name: 'compressed.csv.gz', bytes: fixture('compressed.csv.gz') }]);
    assert.ok(!result.error, result.error);
    const file = result.files[0];
    assert.equal(file.fatal, false, JSON.stringify(file));
    assert.ok(file.rows > 0, `rows ${file.rows}`);
  } finally {
    await context.close();
  }
});

test('Cancel during an import leaves the data set as it was', async () => {
  const { page, context } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const before = await page.evaluate(() => window.sightline.status());
    // A canonical CSV big enough to take many slices, twice over (a few seconds in all): the
    // load must still be running when the click lands.
    await page.evaluate(() => {
      const lines = ['id,time,app,activity_type,user,ip'];
      for (let i = 0; i < 600000; i++)
        lines.push(`c-${i},2026-11-0${1 + (i % 9)}T10:00:00Z,Box,Log on,user${i % 500}@contoso.example,10.0.${i % 250}.${i % 200}`);
      const data = new TextEncoder().encode(lines.join('\n'));
      window.pendingLoad = window.sightline.load([1, 2].map((n) => ({ name: `big-${n}.csv`, data })));
    });
    const rect = await rectOf(page, 'import:cancel', { timeout: 30000 });
    await screenshot(page, 'import-progress');
    const result = { rect };
    await page.mouse.click(result.rect.x + result.rect.width / 2, result.rect.y + result.rect.height / 2);
    const loadResult = await page.evaluate(() => window.pendingLoad);
    assert.equal(loadResult.cancelled, true, JSON.stringify(loadResult));
    const status = await waitForStatus(page, (s) => !s.importing, { timeout: 60000 });
    assert.equal(status.total, before.total, 'nothing was added');
    assert.equal(status.demo, true, 'the demo data is still there');
    const work = await page.evaluate(() => window.sightline.workTimes());
    assert.equal(work.kept_file_bytes, 0, 'the cancelled file\'s kept bytes were released');
    await screenshot(page, 'after-cancel');
  } finally {
    await context.close();
  }
});
