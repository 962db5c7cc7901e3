// Real input reaches the app's commands: mouse clicks on the canvas (not API calls) sort the
// activity log and open menus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startStaticServer } from './lib/static_server.mjs';
import { launchBrowser, openWatchedPage, waitForReady, screenshot } from './lib/browser.mjs';

const WEB = path.resolve(import.meta.dirname, '..', '..', 'build', 'web');
let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  server = await startStaticServer(WEB);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function clickItem(page, name) {
  const rect = await page.evaluate((n) => window.sightline.itemRect(n), name);
  assert.ok(!rect.error, rect.error);
  await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
  await page.waitForTimeout(150); // a few frames
}

for (const deviceScaleFactor of [1, 2]) {
  test(`clicking column headers sorts the table (devicePixelRatio ${deviceScaleFactor})`, async () => {
    const { page, context, problems } = await openWatchedPage(browser, server.url, { deviceScaleFactor });
    try {
      await waitForReady(page);
      await page.waitForTimeout(200);
      let status = await page.evaluate(() => window.sightline.status());
      assert.deepEqual(status.sort, [{ field: 'time', dir: 'desc' }], 'newest first by default');

      await clickItem(page, 'header:User');
      status = await page.evaluate(() => window.sightline.status());
      assert.deepEqual(status.sort, [{ field: 'user', dir: 'asc' }], 'a click on User sorts by user');

      await clickItem(page, 'header:User');
      status = await page.evaluate(() => window.sightline.status());
      assert.deepEqual(status.sort, [{ field: 'user', dir: 'desc' }], 'a second click reverses');

      await clickItem(page, 'menu:File');
      await screenshot(page, `file-menu-dpr${deviceScaleFactor}`);
      const clearItem = await page.evaluate(() => window.sightline.itemRect('menu:File/Clear all activities'));
      assert.ok(!clearItem.error, 'the File menu opened on click');
      assert.deepEqual(problems.consoleErrors, []);
    } finally {
      await context.close();
    }
  });
}
