// The canvas fills the page whatever the window's size against the screen's: a window exactly
// the screen's size (F11, a kiosk, a maximised window with no taskbar) once made Emscripten's
// GLFW ask for browser full screen every frame ("Permissions check failed") and left the canvas
// at its old size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openWatchedPage, waitForReady, screenshot, luminanceSpread, useBrowserAndServer } from './lib/browser.mjs';

const env = useBrowserAndServer({ before, after });

// The canvas's backing store and CSS box against the page's, a few frames after ready.
async function canvasAgainstPage(page) {
  await page.waitForTimeout(400);
  return page.evaluate(() => {
    const c = document.querySelector('#canvas');
    const box = c.getBoundingClientRect();
    return { backing: [c.width, c.height], css: [box.width, box.height], page: [innerWidth, innerHeight],
      ratio: devicePixelRatio, screen: [screen.width, screen.height] };
  });
}

// Each page opens at 1024 x 640 and is then resized, as F11 or maximising does.
const cases = [
  { name: 'window resized to the size of the screen', viewport: { width: 1280, height: 800 }, screen: { width: 1280, height: 800 } },
  { name: 'window resized larger than the screen', viewport: { width: 1400, height: 900 }, screen: { width: 1280, height: 800 } },
  { name: 'window resized to the size of the screen at ratio 1.5', viewport: { width: 1280, height: 800 }, screen: { width: 1280, height: 800 }, deviceScaleFactor: 1.5 },
];

for (const c of cases) {
  test(`${c.name}: the canvas fills the page, no console error`, async () => {
    const { page, context, problems } = await openWatchedPage(env.browser, env.server.url,
      { viewport: { width: 1024, height: 640 }, screen: c.screen, deviceScaleFactor: c.deviceScaleFactor ?? 1 });
    try {
      await waitForReady(page);
      await page.setViewportSize(c.viewport);
      const m = await canvasAgainstPage(page);
      // (Chromium's emulation makes the screen the viewport's size after a resize, so the second
      // case too ends with a window the size of its screen, reached from a smaller one.)
      assert.ok(m.screen[0] >= c.screen.width && m.screen[1] >= c.screen.height, `the page sees a screen of ${m.screen}`);
      assert.deepEqual(m.css, m.page, 'the canvas box is the page');
      assert.deepEqual(m.backing, m.page.map((v) => Math.round(v * m.ratio)), 'backing store = CSS size x devicePixelRatio');
      // The UI lays out to that size: the status bar's item is drawn near the bottom.
      const png = await screenshot(page, `canvas-${c.viewport.width}x${c.viewport.height}@${m.ratio}`);
      assert.ok(await luminanceSpread(env.browser, png) > 12, 'the screen is drawn');
      assert.deepEqual(problems.consoleErrors, [], 'no console errors');
    } finally {
      await context.close();
    }
  });
}
