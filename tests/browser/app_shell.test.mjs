// The foundation's browser checks, for the static folder (served on 127.0.0.1) and for the
// single-file page (opened from file://): the app starts, the demo data is in the store,
// the automation API answers, the screen is drawn, nothing errs and nothing leaves the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openWatchedPage, waitForReady, screenshot, luminanceSpread, useBrowserAndServer, click, rectOf, poll } from './lib/browser.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SINGLE = path.join(ROOT, 'build', 'web-single', 'sightline.html');

const env = useBrowserAndServer({ before, after });

async function checkDemoApp(url, shotName) {
  const { page, context, problems } = await openWatchedPage(env.browser, url);
  try {
    await waitForReady(page);

    const all = await page.evaluate(() => window.sightline.query({ limit: 5 }));
    assert.ok(!all.error, all.error);
    assert.ok(all.total >= 20000, `demo data has ${all.total} activities, want >= 20000`);
    assert.equal(all.rows.length, 5);
    const times = all.rows.map((r) => Date.parse(r.time));
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'rows are newest first');
    for (const field of ['id', 'time', 'app', 'activity_type', 'user', 'ip', 'country', 'source'])
      assert.ok(field in all.rows[0], `row has ${field}`);
    assert.equal(all.rows[0].source, 'Demo data');

    const apps = await page.evaluate(() => window.sightline.values('app', { limit: 50 }));
    const appNames = apps.map((v) => v.value);
    for (const app of ['Office 365', 'Exchange Online', 'SharePoint Online', 'Microsoft Teams', 'Box', 'Salesforce', 'Amazon Web Services'])
      assert.ok(appNames.includes(app), `values(app) lists ${app}`);
    assert.equal(apps.reduce((s, v) => s + v.count, 0), all.total, 'app counts add up to the total');

    const filter = { all: [{ field: 'activity_type', op: 'eq', values: ['Failed log on'] }] };
    const failed = await page.evaluate((f) => window.sightline.query({ filter: f, limit: 3 }), filter);
    assert.ok(failed.total > 0 && failed.total < all.total, `failed log-ons: ${failed.total}`);
    assert.ok(failed.rows.every((r) => r.activity_type === 'Failed log on'));
    const set = await page.evaluate((f) => window.sightline.setFilter(f), filter);
    assert.equal(set.visible, failed.total, 'the activity log shows what query counts');
    assert.deepEqual(await page.evaluate(() => window.sightline.getFilter()), filter);

    const bad = await page.evaluate(() => window.sightline.query({ filter: { all: [{ field: 'nope', op: 'eq', values: ['x'] }] } }));
    assert.match(bad.error, /nope/, 'bad filter gives an error naming the field');
    assert.equal((await page.evaluate(() => window.sightline.status())).visible, failed.total, 'bad input changed nothing');

    await page.evaluate(() => window.sightline.setFilter({ all: [] }));
    await page.waitForTimeout(300); // let a few frames draw the full table
    const png = await screenshot(page, shotName);
    const spread = await luminanceSpread(env.browser, png);
    assert.ok(spread > 12, `screenshot is not blank (luminance spread ${spread.toFixed(1)})`);

    assert.deepEqual(problems.consoleErrors, [], 'no console errors');
    assert.deepEqual(problems.foreignRequests, [], 'no request leaves the page');
  } finally {
    await context.close();
  }
}

test('static folder served on 127.0.0.1: demo data, API, screenshot', () => checkDemoApp(env.server.url, 'static-demo'));

test('single-file page from file://: demo data, API, screenshot', () => checkDemoApp(pathToFileURL(SINGLE).href, 'single-file-demo'));

// The shell builds View and Help from its list of windows (imgui_ui/panel.h): real clicks open
// About, and tick and untick the SQL console.
test('the View and Help menus open the windows the shell lists', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
  const drawn = async (name) => !(await page.evaluate((n) => window.sightline.itemRect(n), name)).error;
  try {
    await waitForReady(page);
    assert.equal(await drawn('about:text'), false, 'About is closed at start');
    await click(page, 'menu:Help');
    await click(page, 'menu:Help/About Sightline');
    await rectOf(page, 'about:text');
    await screenshot(page, 'help-about');

    assert.equal(await drawn('sql:run'), false, 'the SQL console is closed at start');
    await click(page, 'menu:View');
    await click(page, 'menu:View/SQL console');
    await rectOf(page, 'sql:run');
    await screenshot(page, 'view-sql-console');
    await click(page, 'menu:View');
    await click(page, 'menu:View/SQL console');
    const deadline = Date.now() + 5000;
    while (await drawn('sql:run')) {
      assert.ok(Date.now() < deadline, 'unticking View > SQL console closes it');
      await page.waitForTimeout(50);
    }
    assert.deepEqual(problems.consoleErrors, [], 'no console errors');
  } finally {
    await context.close();
  }
});

// On a narrow window the filter bar wraps: every control stays on screen, Clear filters too
// (at 1100 px it used to be cut off at the right edge).
for (const width of [1100, 800]) {
  test(`the filter bar wraps on a ${width} px window and keeps Clear filters on screen`, async () => {
    const { page, context, problems } = await openWatchedPage(env.browser, env.server.url, { viewport: { width, height: 700 } });
    try {
      await waitForReady(page);
      const filter = { all: [{ field: 'app', op: 'eq', values: ['Salesforce', 'Office 365'] },
        { field: 'user', op: 'eq', values: ['omar.silva@contoso.example'] }] };
      assert.ok((await page.evaluate((f) => window.sightline.setFilter(f), filter)).ok);
      const clear = await rectOf(page, 'filter:clear');
      const advanced = await rectOf(page, 'filter:advanced');
      for (const [name, r] of [['Clear filters', clear], ['Advanced filters', advanced]])
        assert.ok(r.x >= 0 && r.x + r.width <= width, `${name} is inside the ${width} px window: ${JSON.stringify(r)}`);
      await screenshot(page, `filter-bar-${width}`);
      await click(page, 'filter:clear'); // and it works where it is drawn
      await poll(page, () => window.sightline.getFilter(), null, (f) => !f.all?.length && !f.any?.length,
        'Clear filters cleared the filter');
      assert.deepEqual(problems.consoleErrors, []);
    } finally {
      await context.close();
    }
  });
}

test('a page whose wasm cannot load shows a readable error, not a blank canvas', async () => {
  const { page, context } = await openWatchedPage(env.browser, env.server.url);
  try {
    await context.route('**/sightline.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.reload();
    const error = await page.evaluate(() => window.sightline.ready.then(() => null, (e) => e.message));
    assert.ok(error, 'ready rejects when the wasm is missing');
    const overlay = await page.locator('#overlay').innerText();
    assert.match(overlay, /could not|stopped/i);
    await screenshot(page, 'wasm-missing');
  } finally {
    await context.close();
  }
});

test('a browser whose WebAssembly lacks SIMD gets a readable message', async () => {
  const context = await env.browser.newContext();
  try {
    await context.addInitScript(() => {
      const original = WebAssembly.validate;
      // An engine without SIMD rejects any module holding a v128 type (0x7b).
      WebAssembly.validate = (bytes) => !new Uint8Array(bytes).includes(0x7b) && original(bytes);
    });
    const page = await context.newPage();
    await page.goto(env.server.url);
    const error = await page.evaluate(() => window.sightline.ready.then(() => null, (e) => e.message));
    assert.match(error, /too old/);
    assert.match(await page.locator('#overlay').innerText(), /SIMD and bulk memory/);
  } finally {
    await context.close();
  }
});

test('a browser without WebGL2 gets a readable message', async () => {
  const context = await env.browser.newContext();
  try {
    await context.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : original.call(this, type, ...rest);
      };
    });
    const page = await context.newPage();
    await page.goto(env.server.url);
    const error = await page.evaluate(() => window.sightline.ready.then(() => null, (e) => e.message));
    assert.match(error, /WebGL2/);
    assert.match(await page.locator('#overlay').innerText(), /WebGL2 is not available/);
  } finally {
    await context.close();
  }
});
