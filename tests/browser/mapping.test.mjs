// The column-mapping dialog: a file in no known format, opened through File > Open (a real
// file input) or dropped, stops at the dialog; real clicks change a column; the import uses
// it; after a reload the mapping is remembered both by the dialog and by sightline.load().
// load() with an explicit `mapping`, and bad mappings that lose nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openWatchedPage, waitForReady, waitForStatus, screenshot, rectOf, click, useBrowserAndServer } from './lib/browser.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'import', 'unknown_columns.csv');
const MAILBOXES = ['ann@contoso.example', 'bob@contoso.example', 'carol@contoso.example'];

const env = useBrowserAndServer({ before, after });

async function dialogState(page) {
  return page.evaluate(() => window.sightline.mappingDialog());
}

async function waitForDialog(page, predicate, what, timeout = 20000) {
  const deadline = Date.now() + timeout;
  let state;
  for (;;) {
    state = await dialogState(page);
    if (predicate(state)) return state;
    if (Date.now() > deadline) throw new Error(`${what}; dialog: ${JSON.stringify(state)}`);
    await page.waitForTimeout(50);
  }
}

// File > Open files... by real clicks, answering the browser's file chooser.
async function openThroughFileMenu(page, file) {
  await click(page, 'menu:File');
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'menu:File/Open files...');
  await (await chooser).setFiles(file);
}

// Opens a field's combo and picks a column, by real clicks.
async function pickColumn(page, field, column) {
  await click(page, `mapping:field:${field}`);
  await click(page, `mapping:option:${column}`);
  await waitForDialog(page, (d) => (d.mapping[field] || '(none)') === column, `${field} did not become ${column}`);
}

async function loadFixture(page, name, mapping) {
  const bytes = Array.from(fs.readFileSync(FIXTURE));
  return page.evaluate(([n, b, m]) => window.sightline.load([Object.assign({ name: n, data: new Uint8Array(b) },
    m ? { mapping: m } : {})]), [name, bytes, mapping]);
}

test('mapping dialog: chosen by clicks, imported, remembered after a reload by the dialog and by load()', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    await openThroughFileMenu(page, FIXTURE);
    const guessed = await waitForDialog(page, (d) => d.open, 'the dialog did not open');
    assert.equal(guessed.file, 'unknown_columns.csv');
    assert.equal(guessed.remembered_from, '');
    assert.equal(guessed.mapping.time, 'When');
    assert.equal(guessed.mapping.user, 'Who', 'the guess takes the column named like a user');
    assert.equal(guessed.preview_rows, 6);
    await rectOf(page, 'mapping:import');
    await page.waitForTimeout(300);
    await screenshot(page, 'mapping-dialog-guessed');
    const status = await page.evaluate(() => window.sightline.status());
    assert.equal(status.importing, true, 'the import waits for the dialog');
    assert.equal(status.demo, true, 'nothing replaced yet');

    // Time unmapped: the dialog says so and Import does nothing.
    await pickColumn(page, 'time', '(none)');
    const noTime = await dialogState(page);
    assert.match(noTime.error, /time/);
    await page.waitForTimeout(300);
    await screenshot(page, 'mapping-dialog-no-time');
    await click(page, 'mapping:import');
    await page.waitForTimeout(300);
    assert.equal((await dialogState(page)).open, true, 'Import is refused while time is unmapped');
    await pickColumn(page, 'time', 'When');

    await pickColumn(page, 'user', 'Mailbox');
    await page.waitForTimeout(300);
    await screenshot(page, 'mapping-dialog-changed');
    await click(page, 'mapping:import');
    const done = await waitForStatus(page, (s) => !s.importing && !s.demo && s.total > 0);
    assert.equal(done.total, 6);
    const q = await page.evaluate(() => window.sightline.query({ limit: 100 }));
    assert.equal(q.total, 6);
    assert.ok(q.rows.every((r) => MAILBOXES.includes(r.user)), JSON.stringify(q.rows.map((r) => r.user)));
    assert.ok(q.rows.every((r) => r.file === 'unknown_columns.csv' && (r.ip.startsWith('10.') || r.ip === '203.0.113.7')));
    assert.equal((await dialogState(page)).open, false);

    // A new visit: the mapping comes back from localStorage.
    await page.reload();
    await waitForReady(page);
    const loaded = await loadFixture(page, 'again.csv');
    assert.ok(!loaded.error, loaded.error);
    assert.equal(loaded.files[0].mapping_source, 'remembered');
    assert.equal(loaded.files[0].mapping.user, 'Mailbox');
    assert.equal(loaded.files[0].rows, 6);
    const again = await page.evaluate(() => window.sightline.query({ limit: 100 }));
    assert.ok(again.rows.every((r) => MAILBOXES.includes(r.user)));

    await openThroughFileMenu(page, FIXTURE);
    const remembered = await waitForDialog(page, (d) => d.open, 'the dialog did not open after the reload');
    assert.equal(remembered.remembered_from, 'unknown_columns.csv');
    assert.equal(remembered.mapping.user, 'Mailbox');
    await rectOf(page, 'mapping:cancel');
    await page.waitForTimeout(300);
    await screenshot(page, 'mapping-dialog-remembered');
    await click(page, 'mapping:cancel');
    const after = await waitForStatus(page, (s) => !s.importing);
    assert.equal(after.total, 6, 'Cancel leaves the data as it was');
    assert.equal((await dialogState(page)).open, false);
    assert.deepEqual(problems.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('a dropped file in no known format asks too; Skip imports nothing of it', async () => {
  const { page, context } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const first = await page.evaluate(() => window.sightline.load([{ name: 'x.csv',
      data: new TextEncoder().encode('id,time,app,activity_type,user,ip\nk-1,2026-11-01T10:00:00Z,Box,Log on,dan@contoso.example,10.0.0.9\n') }]));
    assert.equal(first.total, 1);
    const bytes = Array.from(fs.readFileSync(FIXTURE));
    const dataTransfer = await page.evaluateHandle((b) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(b)], 'dropped.csv', { type: 'text/csv' }));
      return dt;
    }, bytes);
    await page.dispatchEvent('#canvas', 'dragover', { dataTransfer });
    await page.dispatchEvent('#canvas', 'drop', { dataTransfer });
    const state = await waitForDialog(page, (d) => d.open, 'the dialog did not open for a dropped file');
    assert.equal(state.file, 'dropped.csv');
    await click(page, 'mapping:skip');
    const status = await waitForStatus(page, (s) => !s.importing);
    assert.equal(status.total, 1, 'the skipped file added nothing');
  } finally {
    await context.close();
  }
});

test('load() with an explicit mapping; bad mappings answer an error and lose nothing', async () => {
  const { page, context } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const given = await loadFixture(page, 'given.csv', { time: 'When', user: 'Mailbox', action_type: 'Action' });
    assert.ok(!given.error, given.error);
    assert.equal(given.files[0].mapping_source, 'given');
    assert.deepEqual(given.files[0].mapping, { time: 'When', action_type: 'Action', user: 'Mailbox' });
    assert.equal(given.total, 6);

    const noTime = await loadFixture(page, 'bad.csv', { user: 'Who' });
    assert.match(noTime.error, /bad\.csv: mapping: no column is mapped to time/);
    const unknownField = await loadFixture(page, 'bad.csv', { time: 'When', colour: 'Who' });
    assert.match(unknownField.error, /'colour' is not a field/);
    const missing = await loadFixture(page, 'missing.csv', { time: 'When', user: 'Account' });
    assert.ok(!missing.error, missing.error);
    assert.equal(missing.files[0].fatal, true);
    assert.match(missing.files[0].error, /no column 'Account' \(for user\)/);
    assert.equal(missing.total, 6, 'nothing loaded before was lost');
    const status = await page.evaluate(() => window.sightline.status());
    assert.equal(status.total, 6);
  } finally {
    await context.close();
  }
});
