// Real input reaches the app's commands: mouse clicks on the canvas (not API calls) sort the
// activity log and open menus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openWatchedPage, waitForReady, screenshot, click, useBrowserAndServer } from './lib/browser.mjs';

const env = useBrowserAndServer({ before, after });

// Frames are slow under software WebGL at high pixel ratios: poll for the outcome rather
// than sleeping a guessed time. Returns the last status seen.
async function waitForSort(page, expected) {
  const deadline = Date.now() + 10000;
  let status;
  do {
    status = await page.evaluate(() => window.sightline.status());
    if (JSON.stringify(status.sort) === JSON.stringify(expected)) return status;
    await page.waitForTimeout(50);
  } while (Date.now() < deadline);
  return status;
}

for (const deviceScaleFactor of [1, 2]) {
  test(`clicking column headers sorts the table (devicePixelRatio ${deviceScaleFactor})`, async () => {
    const { page, context, problems } = await openWatchedPage(env.browser, env.server.url, { deviceScaleFactor });
    try {
      await waitForReady(page);
      await page.waitForTimeout(200);
      let status = await page.evaluate(() => window.sightline.status());
      assert.deepEqual(status.sort, [{ field: 'time', dir: 'desc' }], 'newest first by default');

      await click(page, 'header:User');
      status = await waitForSort(page, [{ field: 'user', dir: 'asc' }]);
      assert.deepEqual(status.sort, [{ field: 'user', dir: 'asc' }], 'a click on User sorts by user');
      const first = await page.evaluate(() => window.sightline.query({ sort: [{ field: 'user', dir: 'asc' }], limit: 1 }));
      assert.ok(first.rows[0].user <= 'b', `sorted by user: ${first.rows[0].user}`);

      await click(page, 'header:User');
      status = await waitForSort(page, [{ field: 'user', dir: 'desc' }]);
      assert.deepEqual(status.sort, [{ field: 'user', dir: 'desc' }], 'a second click reverses');

      await click(page, 'menu:File');
      const deadline = Date.now() + 10000;
      while ((await page.evaluate(() => window.sightline.itemRect('menu:File/Clear all activities'))).error) {
        assert.ok(Date.now() < deadline, 'the File menu opened on click');
        await page.waitForTimeout(50);
      }
      await screenshot(page, `file-menu-dpr${deviceScaleFactor}`);
      assert.deepEqual(problems.consoleErrors, []);
    } finally {
      await context.close();
    }
  });
}
