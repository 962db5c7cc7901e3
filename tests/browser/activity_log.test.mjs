// The activity log's filters through real input (typing, clicking) and through setFilter,
// compared with query(); saved queries kept across reloads; the filter in the page's URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openWatchedPage, waitForReady, waitForStatus, screenshot, rectOf, click, focusTextBox, waitForKeyboardFree, useBrowserAndServer } from './lib/browser.mjs';

const env = useBrowserAndServer({ before, after });



const count = (page, filter) => page.evaluate((f) => window.sightline.query({ filter: f, limit: 0 }).then((r) => r.total), filter);

test('typing an IP prefix in the filter bar filters the table', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    await focusTextBox(page, 'filter:ip');
    await page.keyboard.type('192.0.2.');
    await page.keyboard.press('Enter');
    const expected = await count(page, { all: [{ field: 'ip', op: 'starts_with', values: ['192.0.2.'] }] });
    assert.ok(expected > 0);
    const status = await waitForStatus(page, (s) => s.visible === expected);
    assert.equal(status.visible, expected);
    const filter = await page.evaluate(() => window.sightline.getFilter());
    assert.deepEqual(filter, { all: [{ field: 'ip', op: 'starts_with', values: ['192.0.2.'] }] });
    await screenshot(page, 'filter-ip-typed');

    // Esc in the table clears the filter (the text box must not have the keyboard).
    await click(page, 'counter');
    await waitForKeyboardFree(page);
    await page.keyboard.press('Escape');
    await waitForStatus(page, (s) => s.visible === s.total);
    assert.deepEqual(problems.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('picking a value in the App chip filters by it, with facet counts', async () => {
  const { page, context } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    await click(page, 'chip:App');
    await click(page, 'picker:Box');
    const expected = await count(page, { all: [{ field: 'app', op: 'eq', values: ['Box'] }] });
    await waitForStatus(page, (s) => s.visible === expected);
    await click(page, 'picker:Salesforce');
    const both = await count(page, { all: [{ field: 'app', op: 'eq', values: ['Box', 'Salesforce'] }] });
    assert.ok(both > expected);
    await waitForStatus(page, (s) => s.visible === both);
    await screenshot(page, 'filter-app-picker');
  } finally {
    await context.close();
  }
});

test('setFilter drives the same table; advanced filters show its rows', async () => {
  const { page, context } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const filter = { all: [
      { field: 'activity_type', op: 'eq', values: ['Failed log on', 'Log on'] },
      { field: 'country', op: 'neq', values: ['US'] },
      { field: 'user_agent', op: 'contains', values: ['python'] },
    ] };
    const expected = await count(page, filter);
    const set = await page.evaluate((f) => window.sightline.setFilter(f), filter);
    assert.equal(set.visible, expected);
    await click(page, 'filter:advanced');
    await rectOf(page, 'advanced:add');
    await page.waitForTimeout(200);
    await screenshot(page, 'advanced-filters');
  } finally {
    await context.close();
  }
});

test('saved queries survive a reload; the filter lives in the URL fragment', async () => {
  const { page, context } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const filter = { all: [{ field: 'user', op: 'eq', values: ['tom.hughes@contoso.example'] }] };
    await page.evaluate((f) => window.sightline.setFilter(f), filter);
    // Save through the UI: Save as, type a name, Enter.
    await click(page, 'queries:save_as');
    await focusTextBox(page, 'queries:name');
    await page.keyboard.type('Tom burst');
    await page.keyboard.press('Enter');
    const deadline = Date.now() + 10000;
    let saved;
    do {
      saved = (await page.evaluate(() => window.sightline.queries())).saved;
      if (saved.length) break;
      await page.waitForTimeout(50);
    } while (Date.now() < deadline);
    assert.deepEqual(saved.map((q) => q.name), ['Tom burst']);
    const url = page.url();
    assert.match(url, /#f=/, 'the filter is in the URL fragment');
    assert.ok(!url.includes('tom.hughes') || url.includes('#f='), 'no data outside the filter');

    // A new page at the same URL: same filter, same saved query.
    const second = await context.newPage();
    await second.goto(url);
    await waitForReady(second);
    assert.deepEqual(await second.evaluate(() => window.sightline.getFilter()), filter);
    const again = (await second.evaluate(() => window.sightline.queries())).saved;
    assert.deepEqual(again.map((q) => q.name), ['Tom burst']);

    // Editing the link in place (a hash change, no reload) moves the view too.
    await page.evaluate(() => window.sightline.setFilter({ all: [] }));
    await page.waitForFunction(() => !window.location.hash, null, { timeout: 10000 });
    await page.evaluate((hash) => { window.location.hash = hash; }, new URL(url).hash);
    await page.waitForFunction(() => window.sightline.getFilter().then((f) => f.all.length === 1), null, { timeout: 10000 });

    // A tampered fragment is refused and the default view shown.
    const third = await context.newPage();
    await third.goto(env.server.url + '#f=not-base64!!');
    await waitForReady(third);
    assert.deepEqual(await third.evaluate(() => window.sightline.getFilter()), { all: [] });
  } finally {
    await context.close();
  }
});

test('the SQL box answers SELECTs and refuses writes', async () => {
  const { page, context } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const r = await page.evaluate(() => window.sightline.sql("SELECT count(*) FROM activities WHERE activity_type = 'Failed log on'"));
    const expected = await count(page, { all: [{ field: 'activity_type', op: 'eq', values: ['Failed log on'] }] });
    assert.equal(Number(r.rows[0][0]), expected);
    const refused = await page.evaluate(() => window.sightline.sql('DROP TABLE activities'));
    assert.ok(refused.error);
    assert.ok((await page.evaluate(() => window.sightline.status())).total > 20000);
  } finally {
    await context.close();
  }
});

test('right-click a row to star it; the star is a filter', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const first = (await page.evaluate(() => window.sightline.query({ limit: 1 }))).rows[0];
    const row = await rectOf(page, 'row:first');
    await page.mouse.click(row.x + row.width / 2, row.y + row.height / 2, { button: 'right' });
    await click(page, 'cell-menu:star');
    const starred = { all: [{ field: 'starred', op: 'is_true', values: [] }] };
    const deadline = Date.now() + 10000;
    let result;
    do {
      result = await page.evaluate((f) => window.sightline.query({ filter: f }), starred);
      if (result.total === 1) break;
      await page.waitForTimeout(50);
    } while (Date.now() < deadline);
    assert.equal(result.total, 1);
    assert.equal(result.rows[0].id, first.id, 'the row under the mouse was starred');
    const tagged = await page.evaluate((id) => window.sightline.mark(id, { tags: ['review'], comment: 'look again' }), first.id);
    assert.deepEqual(tagged.tags, ['review']);
    await page.waitForTimeout(200);
    await screenshot(page, 'starred-row');
    assert.deepEqual(problems.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('a free-text filter on a large data set is searched between frames, then shown', async () => {
  const { page, context } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    // 250,000 rows (past the 200,000 where searching in pieces starts); every 1,000th mentions a kestrel.
    const loaded = await page.evaluate(async () => {
      const lines = ['id,time,app,activity_type,user,ip,description'];
      for (let i = 0; i < 250000; i++)
        lines.push(`k-${i},2026-11-0${1 + (i % 9)}T10:00:00Z,Box,Upload file,user${i % 300}@contoso.example,10.1.${i % 250}.${i % 200},` +
                   (i % 1000 === 0 ? 'Uploaded kestrel.png' : 'Uploaded report.pdf'));
      return window.sightline.load([{ name: 'large.csv', data: new TextEncoder().encode(lines.join('\n')) }]);
    });
    assert.ok(!loaded.error, loaded.error);
    assert.equal(loaded.total, 250000);
    await waitForStatus(page, (s) => !s.counting && !s.background, { timeout: 60000 }); // the column copy is ready

    // The filter arrives as the link changes (the page's own hashchange handler); right after
    // it, before any frame, the search has only begun.
    const started = await page.evaluate(async () => {
      const json = JSON.stringify({ all: [{ field: 'text', op: 'text', values: ['KESTREL'] }] });
      const changed = new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
      window.location.hash = 'f=' + btoa(json).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      await changed;
      return window.sightline.status({ complete: false });
    });
    assert.equal(started.counting, true, JSON.stringify(started));
    assert.match(started.background, /^Searching/);
    assert.equal(started.visible, 0, 'the table waits for the answer');

    // The frames finish it (status without `complete` would finish it at once).
    const done = await page.evaluate(async () => {
      for (;;) {
        const s = await window.sightline.status({ complete: false });
        if (!s.counting) return s;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    assert.equal(done.visible, 250);
    const answer = await page.evaluate(() => window.sightline.query({ filter: { all: [{ field: 'text', op: 'text', values: ['kestrel'] }] }, limit: 3 }));
    assert.equal(answer.total, 250);
    assert.ok(answer.rows.every((r) => /kestrel/i.test(r.description)));
    await screenshot(page, 'large-free-text-found');
  } finally {
    await context.close();
  }
});
