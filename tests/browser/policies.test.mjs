// Activity policies through real input: a policy built in the Policies panel by clicks and
// typing, previewed (its counts compared with testPolicy over the same JSON), saved (its
// matches then in query() through matched_policies), a previewed alert clicked (the log's
// filter becomes its activities), and an alert's status changed in the Alerts panel, which
// survives a reload of the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openWatchedPage, waitForReady, screenshot, click, focusTextBox, useBrowserAndServer } from './lib/browser.mjs';

const env = useBrowserAndServer({ before, after });

const NAME = 'Download bursts';
const FILTER = { all: [{ field: 'activity_type', op: 'eq', values: ['Download file'] }] };

async function until(page, what, read, ok, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}; last ${JSON.stringify(value)}`);
    await page.waitForTimeout(60);
  }
}

async function openFromViewMenu(page, title) {
  await click(page, 'menu:View');
  await click(page, `menu:View/${title}`);
}

async function replaceText(page, name, text) {
  await focusTextBox(page, name);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

test('a policy built in the editor previews, saves, marks matched_policies, and its alert takes a status', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const api = (method, ...args) => page.evaluate(({ m, a }) => window.sightline[m](...a), { m: method, a: args });
    const policy = { name: NAME, severity: 'Medium', filter: FILTER, repeated: { min: 3, minutes: 5 } };
    const expected = await api('testPolicy', policy);
    assert.ok(expected.alerts.length > 0, 'the demo data has bursts of downloads');
    // The same count another way: every alert holds at least 3 downloads within 5 minutes.
    for (const a of expected.alerts) {
      assert.ok(a.activity_ids.length >= 3);
      assert.ok(Date.parse(a.last) - Date.parse(a.first) >= 0);
    }

    await openFromViewMenu(page, 'Policies');
    await click(page, 'policies:new');
    await replaceText(page, 'policies:name', NAME);
    await replaceText(page, 'policies:filter', JSON.stringify(FILTER));
    await click(page, 'policies:repeated');
    await replaceText(page, 'policies:min', '3');
    await replaceText(page, 'policies:minutes', '5');
    const editor = await until(page, 'the form holds the typed policy', () => api('policyEditor'),
      (e) => e.policy && e.policy.repeated && e.policy.repeated.minutes === 5);
    assert.equal(editor.policy.name, NAME);
    assert.deepEqual(editor.policy.filter, FILTER);
    assert.equal(editor.policy.repeated.min, 3);

    await click(page, 'policies:preview');
    const previewed = await until(page, 'the preview finished', () => api('policyEditor'), (e) => e.preview);
    assert.equal(previewed.preview.matches, expected.matches.length);
    assert.equal(previewed.preview.alerts, expected.alerts.length);
    assert.deepEqual(await api('policies'), [], 'previewing saves nothing');
    await page.waitForTimeout(200);
    await screenshot(page, 'policy-preview');

    await click(page, 'policies:save');
    const saved = await until(page, 'the policy was saved', () => api('policies'), (p) => p.length === 1);
    assert.equal(saved[0].name, NAME);
    // The saved policy runs between frames: wait for its matches to reach matched_policies.
    const marked = await until(page, 'matched_policies filled', () => api('query',
      { filter: { all: [{ field: 'matched_policies', op: 'eq', values: [NAME] }] }, limit: 100000 }),
    (r) => r.total === expected.matches.length);
    assert.deepEqual(marked.rows.map((r) => r.id).sort(), [...expected.matches].sort());

    await click(page, 'policies:preview_alert:0');
    const filter = await until(page, 'the log shows the alert', () => api('getFilter'), (f) => f.all && f.all.length === 1 && f.all[0].field === 'id');
    assert.deepEqual([...filter.all[0].values].sort(), [...expected.alerts[0].activity_ids].sort());

    await openFromViewMenu(page, 'Alerts');
    await click(page, 'alerts:row:0');
    await click(page, 'alerts:status:dismissed');
    await replaceText(page, 'alerts:comment', 'known backup job');
    await click(page, 'alerts:apply');
    const alerts = await until(page, 'one alert is dismissed', () => api('alerts'),
      (list) => list.some((a) => a.status === 'dismissed'));
    const dismissed = alerts.filter((a) => a.status === 'dismissed');
    assert.equal(dismissed.length, 1);
    assert.equal(dismissed[0].comment, 'known backup job');
    assert.equal(alerts.length, expected.alerts.length);
    await page.waitForTimeout(200);
    await screenshot(page, 'alerts-panel');

    // Saved policies and statuses are kept in the browser: the demo data is the same after a
    // reload, so the same alert comes back dismissed.
    await page.reload();
    await waitForReady(page);
    assert.equal((await api('policies')).length, 1);
    const after = await api('alerts');
    assert.equal(after.filter((a) => a.status === 'dismissed').map((a) => a.id)[0], dismissed[0].id);
    assert.deepEqual(problems.consoleErrors, []);
  } finally {
    await context.close();
  }
});

test('policyTemplates lists the catalogue and a bad policy answers an error naming its path', async () => {
  const { page, context } = await openWatchedPage(env.browser, env.server.url);
  try {
    await waitForReady(page);
    const templates = await page.evaluate(() => window.sightline.policyTemplates());
    assert.ok(templates.length >= 19);
    assert.ok(templates.every((t) => t.why && t.needs.fields.length && Array.isArray(t.missing_fields)));
    const bad = await page.evaluate(() => window.sightline.savePolicy({ name: 'x', filter: {}, repeated: { min: 0, minutes: 1 } }));
    assert.match(bad.error, /^repeated\.min:/);
    assert.deepEqual(await page.evaluate(() => window.sightline.policies()), []);
  } finally {
    await context.close();
  }
});
