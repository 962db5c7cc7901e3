// An idle page stops asking for animation frames (each one cost ~1.4% of a core while nothing
// changed) and wakes at once for real input, an automation call and a resize.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openWatchedPage, waitForReady, waitForStatus, rectOf, screenshot, useBrowserAndServer } from './lib/browser.mjs';

const env = useBrowserAndServer({ before, after });

// Counts the page's requestAnimationFrame callbacks, installed before the app's scripts.
function countAnimationFrames() {
  window.__frames = 0;
  const request = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => request((t) => { window.__frames++; callback(t); });
}

const framesDuring = async (page, ms) => {
  const before = await page.evaluate(() => window.__frames);
  await page.waitForTimeout(ms);
  return (await page.evaluate(() => window.__frames)) - before;
};

test('an idle page asks for no frames, and wakes for input, calls and resizes', async () => {
  const { page, context, problems } = await openWatchedPage(env.browser, env.server.url, { initScript: countAnimationFrames });
  try {
    await waitForReady(page);
    await waitForStatus(page, (s) => !s.background && !s.counting);
    const file = await rectOf(page, 'menu:File');
    const clip = { x: file.x - 4, y: file.y - 2, width: file.width + 8, height: file.height + 4 };
    await page.waitForTimeout(1000); // the frames after the last call are drawn
    assert.ok(await framesDuring(page, 2000) <= 2, 'an idle page asks for (almost) no animation frames in 2 s');
    const unhovered = await page.screenshot({ clip });

    // Real input, with no automation call: the mouse over File wakes the loop and the item lights up.
    await page.mouse.move(file.x + file.width / 2, file.y + file.height / 2);
    assert.ok(await framesDuring(page, 1000) >= 2, 'moving the mouse wakes the frame loop');
    const hovered = await page.screenshot({ clip });
    assert.notDeepEqual(hovered, unhovered, 'the hovered menu item is drawn highlighted');
    await page.mouse.move(5, 400);
    await page.waitForTimeout(1000);
    assert.ok(await framesDuring(page, 1000) <= 2, 'and it sleeps again');

    // An automation call that changes the view is drawn.
    const filter = { all: [{ field: 'activity_type', op: 'eq', values: ['Failed log on'] }] };
    const set = await page.evaluate((f) => window.sightline.setFilter(f), filter);
    assert.ok(await framesDuring(page, 1000) >= 2, 'a call wakes the frame loop');
    await page.waitForTimeout(1000);

    // A resize while asleep reaches the canvas.
    await page.setViewportSize({ width: 1100, height: 700 });
    await page.waitForTimeout(500);
    const backing = await page.evaluate(() => [document.querySelector('#canvas').width, document.querySelector('#canvas').height]);
    assert.deepEqual(backing, [1100, 700], 'a resize while idle resizes the canvas');
    await screenshot(page, 'idle-woken-after-resize');
    assert.ok(set.visible > 0);
    assert.deepEqual(problems.consoleErrors, [], 'no console errors');
  } finally {
    await context.close();
  }
});
