// The parse worker (wasm/js/parse_worker_client.js): a file in a known format is decoded, parsed
// and mapped in a Worker while the page's thread stores the rows. What the analyst gets must be
// exactly what the page's own thread reads: the same rows, raw records, report and errors. A
// page where no Worker can start reads on its own thread, and a file in no known format is
// handed back to the page's thread (its column mapping belongs there).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openWatchedPage, waitForReady, useBrowserAndServer, poll } from './lib/browser.mjs';

const env = useBrowserAndServer({ before, after });

// A Defender CSV export of `rows` rows (about 1 KB each, so several of the worker's 4 MB
// chunks), with a row the unquoted-comma repair rejoins and a row without a time, built in the
// page so that no large argument crosses the test's connection.
async function loadGenerated(page, rows) {
  return page.evaluate(async (count) => {
    const lines = ['Activity,User,App,IP address,Location,Device,Date,Event ID,Event Category,Event Type Name,Registered ISP,IP category,IP tags,User agent,Activity objects,Administrative activity,Result,Raw data'];
    for (let i = 0; i < count; i++) {
      const t = new Date(Date.UTC(2025, 5, 30, 23, 59, 59) - i * 7000).toISOString();
      const raw = JSON.stringify({ _id: `ev${i}`, n: i, pad: 'x'.repeat(700) }).replace(/"/g, '""');
      let activity = i % 3 ? `"Download file: report-${i}.pdf"` : 'Log on';
      if (i === 101) activity = 'Edit file: budget, final.xlsx'; // unquoted comma: repaired
      const date = i === 202 ? 'not a time' : t;                  // no time: skipped
      lines.push(`${activity},user${i % 17}@contoso.com,Box,203.0.113.${i % 250},"Austin, Texas, US",PC,${date},ev${i},` +
        `EVENT_CATEGORY_DOWNLOAD,EVENT_BOX_DOWNLOAD,Comcast,Corporate,,Mozilla/5.0 (Windows NT 10.0),,False,Success,"${raw}"`);
    }
    const data = new TextEncoder().encode(lines.join('\r\n') + '\r\n');
    return window.sightline.load([{ name: 'generated.csv', data }]);
  }, rows);
}

// Every row's fields, and every tenth row's raw record, as the page returns them.
async function storedRows(page) {
  return page.evaluate(async () => {
    const q = await window.sightline.query({ limit: 100000 });
    const raws = [];
    for (let i = 0; i < q.rows.length; i += 10) raws.push((await window.sightline.activity(q.rows[i].id)).raw);
    return { total: q.total, rows: q.rows, raws };
  });
}

test('a known-format file is read in the parse worker, exactly as the page\'s own thread reads it', async () => {
  const inWorker = await openWatchedPage(env.browser, env.server.url);
  const onPage = await openWatchedPage(env.browser, env.server.url);
  try {
    // The second page has no Worker at all, as a browser or a page setting may deny it.
    await onPage.page.addInitScript(() => { window.Worker = function Worker() { throw new Error('workers are off'); }; });
    await onPage.page.reload();
    await waitForReady(inWorker.page);
    await waitForReady(onPage.page);

    const rows = 20000;
    const a = await loadGenerated(inWorker.page, rows);
    const b = await loadGenerated(onPage.page, rows);
    assert.ok(!a.error, a.error);
    assert.ok(!b.error, b.error);
    assert.equal(a.timing.files_in_worker, 1, 'read in the worker');
    assert.equal(b.timing.files_in_worker, 0, 'read on the page\'s thread');
    const fileA = a.files[0];
    assert.equal(fileA.rows, rows - 1);
    assert.equal(fileA.repaired, 1);
    assert.equal(fileA.skipped, 1);
    assert.deepEqual(a.files, b.files, 'the same report, errors and their lines included');

    // User-agent enrichment fills browser and OS between frames after an import (each page at
    // its own pace): compare the rows once both have nothing left to do.
    for (const page of [inWorker.page, onPage.page])
      await poll(page, () => window.sightline.status({ complete: false }), null, (s) => !s.background && !s.counting,
        'the background work after the import');
    const storedA = await storedRows(inWorker.page);
    const storedB = await storedRows(onPage.page);
    assert.equal(storedA.total, rows - 1);
    assert.deepEqual(storedA.rows, storedB.rows);
    assert.deepEqual(storedA.raws, storedB.raws);
    assert.ok(storedA.raws.every((raw) => raw.includes('xxxxxxxx')), 'raw records read back from the kept file');
    // Free text finds a word that only the raw records hold.
    const found = await inWorker.page.evaluate(() => window.sightline.query({
      filter: { all: [{ field: 'text', op: 'text', values: ['"n"":4321,'] }] } }));
    assert.equal(found.total, 1);

    // The same file again: the store, not the worker, finds the duplicates.
    const again = await loadGenerated(inWorker.page, rows);
    assert.equal(again.files[0].duplicates, rows - 1);
    assert.equal(again.files[0].rows, 0);
    assert.equal(again.total, rows - 1);

    for (const { problems } of [inWorker, onPage]) {
      assert.deepEqual(problems.consoleErrors, []);
      assert.deepEqual(problems.foreignRequests, []);
    }
  } finally {
    await inWorker.context.close();
    await onPage.context.close();
  }
});

test('a file in no known format is handed back by the worker and mapped on the page\'s thread', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const result = await page.evaluate(() => {
      const lines = ['When,What,Who,From,Outcome'];
      for (let i = 0; i < 500; i++) lines.push(`2024-03-01T08:${String(i % 60).padStart(2, '0')}:00Z,FileDownloaded,u${i}@x.com,10.0.0.${i % 250},ok`);
      return window.sightline.load([{ name: 'custom.csv', data: new TextEncoder().encode(lines.join('\n')) }]);
    });
    assert.ok(!result.error, result.error);
    assert.equal(result.timing.files_in_worker, 0);
    assert.equal(result.files[0].mapping_source, 'guessed');
    assert.equal(result.files[0].rows, 500);
    const raw = (await page.evaluate(() => window.sightline.query({ filter: { all: [{ field: 'user', op: 'eq', values: ['u7@x.com'] }] } })));
    assert.equal(raw.total, 1);
    assert.deepEqual(problems.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('a parse worker that cannot start leaves the page reading on its own thread, without waiting', async () => {
  const { page, context } = await openWatchedPage(env.browser, 'about:blank');
  try {
    // The worker's wasm cannot be fetched (a server that lacks the file, say).
    await context.route('**/sightline_parser.wasm', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(env.server.url);
    await waitForReady(page);
    const started = Date.now();
    const result = await page.evaluate(() => {
      const lines = ['id,time,app,activity_type,user,ip'];
      for (let i = 0; i < 1000; i++) lines.push(`w-${i},2026-11-01T10:00:00Z,Box,Log on,u${i}@contoso.example,10.0.0.1`);
      return window.sightline.load([{ name: 'canonical.csv', data: new TextEncoder().encode(lines.join('\n')) }]);
    });
    assert.ok(!result.error, result.error);
    assert.equal(result.files[0].rows, 1000);
    assert.equal(result.timing.files_in_worker, 0);
    assert.ok(Date.now() - started < 4000, `took ${Date.now() - started} ms: it waited for a worker that had failed`);
  } finally {
    await context.close();
  }
});

test('a parse worker that fails on a file before storing a row leaves that file to the page\'s thread', async () => {
  const { page, context } = await openWatchedPage(env.browser, 'about:blank');
  try {
    // The worker's script, with the chunks of first.csv answered by a failure (as an
    // out-of-memory would).
    const script = fs.readFileSync(path.join(env.web, 'sightline_parser.js'), 'utf8') + `
      ;(function failFirstCsv() {
        const handle = self.onmessage;
        let name = '';
        self.onmessage = (event) => {
          if (event.data.type === 'begin') name = event.data.name;
          if (event.data.type === 'chunk' && name === 'first.csv') {
            self.postMessage({ type: 'error', session: event.data.session, message: 'simulated failure' });
            return;
          }
          handle(event);
        };
      })();`;
    await context.route('**/sightline_parser.js', (route) => route.fulfill({ contentType: 'text/javascript', body: script }));
    await page.goto(env.server.url);
    await waitForReady(page);
    const result = await page.evaluate(() => {
      const lines = ['id,time,app,activity_type,user,ip'];
      for (let i = 0; i < 1000; i++) lines.push(`f-${i},2026-11-01T10:00:00Z,Box,Log on,u${i}@contoso.example,10.0.0.1`);
      const data = new TextEncoder().encode(lines.join('\n'));
      return window.sightline.load([{ name: 'first.csv', data }, { name: 'second.csv', data }]);
    });
    assert.ok(!result.error, result.error);
    assert.deepEqual(result.files.map((f) => [f.rows, f.duplicates]), [[1000, 0], [0, 1000]]);
    assert.equal(result.timing.files_in_worker, 0, 'the failed worker is not used again in this import');
    const again = await page.evaluate(() => window.sightline.load([{ name: 'third.csv',
      data: new TextEncoder().encode('id,time,app,activity_type,user,ip\nt-1,2026-11-02T10:00:00Z,Box,Log on,x@y.z,10.0.0.2') }]));
    assert.equal(again.files[0].rows, 1);
    assert.equal(again.timing.files_in_worker, 1, 'the next import starts a fresh worker');
  } finally {
    await context.close();
  }
});
