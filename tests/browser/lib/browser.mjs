// Launches Debian's Chromium headless through playwright-core (no browser download), with
// WebGL2 through SwiftShader, and watches a page for console errors and for any request
// that leaves the page's own origin.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { startStaticServer } from './static_server.mjs';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '..', 'screenshots');

export async function launchBrowser() {
  // playwright-core gives each launch a fresh, empty profile of its own.
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync'],
  });
}

// Opens `url` in a new page and records what must never happen: console errors, uncaught
// exceptions, and requests to anything but the page's own origin (or data:/blob: URLs).
// `screen`: the screen size the page sees (window.screen); by default the browser's own.
// `initScript`: a function run in the page before its own scripts.
export async function openWatchedPage(browser, url, { viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1, screen, initScript } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, ...(screen ? { screen } : {}) });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const problems = { consoleErrors: [], foreignRequests: [] };
  const own = new URL(url);
  page.on('console', (msg) => { if (msg.type() === 'error') problems.consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => problems.consoleErrors.push('uncaught: ' + err.message));
  page.on('request', (req) => {
    const u = new URL(req.url());
    const sameOrigin = own.protocol === 'file:' ? (u.protocol === 'file:' && u.pathname === own.pathname)
      : u.origin === own.origin;
    if (!sameOrigin && u.protocol !== 'data:' && u.protocol !== 'blob:') problems.foreignRequests.push(req.url());
  });
  await page.goto(url);
  return { page, context, problems };
}

export async function waitForReady(page, timeout = 60000) {
  await page.waitForFunction(() => window.sightline && window.sightline.ready, null, { timeout });
  await page.evaluate(() => window.sightline.ready);
}

// Screenshot to tests/browser/screenshots/<name>.png; returns the PNG bytes.
export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

// Standard deviation of the screenshot's luminance, decoded by the browser itself in a blank
// page: a blank or single-colour canvas scores near 0, a table of text well above 10.
export async function luminanceSpread(browser, png) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, img.width, img.height);
      let sum = 0, sumSq = 0;
      const n = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const y = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
        sum += y;
        sumSq += y * y;
      }
      const mean = sum / n;
      return Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    }, png.toString('base64'));
  } finally {
    await page.close();
  }
}

// Polls sightline.status() until `predicate(status)` holds; frames (and imports) are slow
// under software WebGL, so tests wait for outcomes rather than sleeping guessed times.
export async function waitForStatus(page, predicate, { timeout = 20000 } = {}) {
  const deadline = Date.now() + timeout;
  let status;
  for (;;) {
    status = await page.evaluate(() => window.sightline.status());
    if (predicate(status)) return status;
    if (Date.now() > deadline) throw new Error('timed out waiting; last status ' + JSON.stringify(status));
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Evaluates `fn` on `arg` in the page until `ok` holds for its answer (15 s at most); the
// last answer goes into the error, named by `what`.
export async function poll(page, fn, arg, ok, what) {
  const deadline = Date.now() + 15000;
  let value;
  do {
    value = await page.evaluate(fn, arg);
    if (ok(value)) return value;
    await page.waitForTimeout(60);
  } while (Date.now() < deadline);
  throw new Error(`${what}; last: ${JSON.stringify(value)}`);
}

// Calls `check` until it answers something truthy (20 s at most), and returns that answer; the
// error names `what`.
export async function until(page, what, check, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await page.waitForTimeout(60);
  }
}

// Where a named widget is (sightline.itemRect), once it has been drawn at the same place twice
// in a row: a window's first frame is a hidden sizing pass, so a popup's first rects are not
// where it lands.
export async function rectOf(page, name, { timeout = 10000 } = {}) {
  const deadline = Date.now() + timeout;
  const place = (r) => JSON.stringify([r.x, r.y, r.width, r.height]);
  let previous = null;
  for (;;) {
    const rect = await page.evaluate((n) => window.sightline.itemRect(n), name);
    // Still in two different frames: during an import frames come a few times a second, so two
    // reads in a row may see the same frame while the widget is still moving.
    if (!rect.error && previous && rect.frame !== previous.frame && place(rect) === place(previous)) return rect;
    if (rect.error || !previous || rect.frame !== previous.frame) previous = rect.error ? null : rect;
    if (Date.now() > deadline) throw new Error(rect.error || `${name} kept moving`);
    await page.waitForTimeout(60);
  }
}

// A real mouse click in the middle of a named widget.
export async function click(page, name) {
  const r = await rectOf(page, name);
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
}

async function waitForTextInput(page, wanted, what) {
  const deadline = Date.now() + 10000;
  while ((await page.evaluate(() => window.sightline.uiState())).wantTextInput !== wanted) {
    if (Date.now() > deadline) throw new Error(what);
    await page.waitForTimeout(30);
  }
}

// Clicks a text box and waits until it has the keyboard (ImGui takes it a frame later).
export async function focusTextBox(page, name) {
  await click(page, name);
  await waitForTextInput(page, true, `${name} did not take the keyboard`);
}

export const waitForKeyboardFree = (page) => waitForTextInput(page, false, 'a text box kept the keyboard');

// The usual fixture of a test file: one browser, and build/web served on 127.0.0.1.
// Returns an object whose `browser` and `server` are set once the `before` hook has run.
export function useBrowserAndServer({ before, after }) {
  const env = { browser: null, server: null, web: path.resolve(import.meta.dirname, '..', '..', '..', 'build', 'web') };
  before(async () => {
    env.browser = await launchBrowser();
    env.server = await startStaticServer(env.web);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
