// Sightline in headless Chromium, through the page's automation API (window.sightline): the
// built page (build/web) and the benchmark data are served from one origin, the page fetches
// the file itself (no gigabyte through Playwright), and load() is timed inside the page.
// The wasm heap size is read by wasm_memory_probe.js, injected before the page's scripts.
// Debian's Chromium launched exactly as the browser tests launch it (WebGL2 through SwiftShader).
import { launchBrowser, waitForReady } from '../../tests/browser/lib/browser.mjs';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const WEB_ROOT = path.resolve(import.meta.dirname, '..', '..', 'build', 'web');
const PROBE = fs.readFileSync(path.join(import.meta.dirname, 'wasm_memory_probe.js'), 'utf8');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

// Streams files (a 1.3 GB CSV must not be read into memory first): / is build/web, /bench-data/
// is the folder of the file being measured.
async function startServer(dataDir) {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [root, rel] = urlPath.startsWith('/bench-data/') ? [dataDir, urlPath.slice(12)] : [WEB_ROOT, urlPath.endsWith('/') ? urlPath + 'index.html' : urlPath];
    const file = path.join(root, rel);
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) { res.writeHead(404).end('not found'); return; }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Content-Length': st.size });
      fs.createReadStream(file).pipe(res);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}


const nextFrame = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));

// The analyst scrolling the whole data set: mouse-wheel turns over the table and PageDown /
// End / Home presses, each given a frame to be drawn, then the app's own frame times
// (window.sightline.workTimes: the wasm's work per drawn frame, which is what must stay
// under 16 ms; the page's frame interval also includes SwiftShader's CPU rendering).
async function measureScrolling(page) {
  await page.evaluate(() => window.sightline.setFilter({ all: [] }));
  const viewport = page.viewportSize();
  await page.mouse.move(viewport.width / 2, viewport.height * 0.6);
  for (let i = 0; i < 10; i++) await nextFrame(page); // the view settles before measuring
  await page.evaluate(() => window.sightline.workTimes({ reset: true }));
  const t0 = Date.now();
  for (let i = 0; i < 120; i++) {
    await page.mouse.wheel(0, 600);
    await nextFrame(page);
  }
  await page.mouse.click(viewport.width / 2, viewport.height * 0.6); // selects a row: keys move it
  for (const key of [...Array(30).fill('PageDown'), 'End', 'PageUp', 'PageUp', 'Home']) {
    await page.keyboard.press(key);
    await nextFrame(page);
  }
  const times = await page.evaluate(() => window.sightline.workTimes());
  return { ms: Date.now() - t0, frames: times.frames };
}

// The page left alone after the measurements: the renderer's main-thread task time over 5 s
// (Chrome's Performance.getMetrics TaskDuration), as % of one core. An idle page stops its
// frame loop (wasm/browser_app.h); the target is under 1%.
async function measureIdle(page) {
  await page.mouse.move(2, 2);
  await page.waitForTimeout(1500); // the frames after the last input and call are drawn
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const before = await taskSeconds();
  const t0 = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const busy = (await taskSeconds()) - before;
  await cdp.detach();
  return { cpu_pct: (100 * busy) / ((Date.now() - t0) / 1000) };
}

export class SightlineBrowser {
  static async start(dataDir) {
    const self = new SightlineBrowser();
    self.server = await startServer(dataDir);
    self.browser = await launchBrowser();
    return self;
  }

  version() { return this.browser.version(); }

  // One run in a fresh page: ingest, then each operation once.
  // A run whose ingest overruns timeoutMs is cut off (its page is closed) and fails.
  async run(file, operations, timeoutMs = 3600000) {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 } });
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`cut off after ${(timeoutMs / 1000).toFixed(0)} s (its time budget)`)), timeoutMs);
    });
    try {
      return await Promise.race([this.measure(context, file, operations), timeout]);
    } finally {
      clearTimeout(timer);
      await context.close().catch(() => {});
    }
  }

  async measure(context, file, operations) {
    {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(PROBE);
      await page.goto(this.server.url);
      await waitForReady(page, 120000);
      const ingest = await page.evaluate(async ({ url, name }) => {
        const data = new Uint8Array(await (await fetch(url)).arrayBuffer());
        const heapBefore = globalThis.__wasmHeapBytes();
        // Intervals between animation frames while the import runs: how long the page froze.
        const gaps = [];
        let last = performance.now(), loading = true;
        const tick = (t) => { gaps.push(t - last); last = t; if (loading) requestAnimationFrame(tick); };
        requestAnimationFrame(tick);
        await window.sightline.workTimes({ reset: true });
        const t0 = performance.now();
        const report = await window.sightline.load([{ name, data }]);
        const ms = performance.now() - t0;
        // Then the work the page does between frames (column copy, indexes) until its status
        // says nothing is left: the operations below run on that finished state.
        for (;;) {
          const s = await window.sightline.status({ complete: false });
          if (s.error || (!s.background && !s.counting)) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const backgroundMs = performance.now() - t0 - ms;
        loading = false;
        gaps.sort((a, b) => a - b);
        const frames = gaps.length ? { count: gaps.length, median_ms: gaps[gaps.length >> 1],
          p95_ms: gaps[Math.floor(gaps.length * 0.95)], worst_ms: gaps[gaps.length - 1] } : null;
        const status = await window.sightline.status();
        const work = await window.sightline.workTimes();
        return { ms, background_ms: backgroundMs, bytes: data.length, rows: report.total, error: report.error, format: report.files && report.files[0].format,
          skipped: report.files && report.files[0].skipped, heap_before_bytes: heapBefore, wasm_heap_bytes: globalThis.__wasmHeapBytes(),
          demo: status.demo, frame_intervals: frames, import_slices: work.import_slices, background_slices: work.background_slices,
          kept_file_bytes: work.kept_file_bytes, parse_worker_heap_bytes: work.parse_worker_heap_bytes,
          timing: report.timing };
      }, { url: this.server.url + 'bench-data/' + encodeURIComponent(path.basename(file)), name: path.basename(file) });
      if (ingest.error) throw new Error(`sightline.load: ${ingest.error}`);
      const results = {};
      for (const op of operations) {
        results[op.name] = await page.evaluate(async (o) => {
          const t0 = performance.now();
          if (o.kind === 'export') {
            // The Export button's job (startExport), its chunks into Blob parts and a download;
            // animation frames are counted meanwhile: the page keeps drawing.
            const gaps = [];
            let last = performance.now(), exporting = true;
            const tick = (t) => { gaps.push(t - last); last = t; if (exporting) requestAnimationFrame(tick); };
            requestAnimationFrame(tick);
            await window.sightline.workTimes({ reset: true });
            const started = await window.sightline.startExport({ filter: o.filter });
            if (started.error) return { error: started.error };
            let st;
            for (;;) {
              st = await window.sightline.exportStatus();
              if (!st.running) break;
              await new Promise((resolve) => setTimeout(resolve, 10));
            }
            const ms = performance.now() - t0;
            exporting = false;
            if (!st.done) return { error: st.error || 'the export did not finish' };
            const work = await window.sightline.workTimes();
            gaps.sort((a, b) => a - b);
            return { ms, total: st.rows, bytes: st.bytes, slices: work.background_slices,
              frame_intervals: { count: gaps.length, median_ms: gaps[gaps.length >> 1], p95_ms: gaps[Math.floor(gaps.length * 0.95)], worst_ms: gaps[gaps.length - 1] } };
          }
          if (o.kind === 'policy') {
            const r = await window.sightline.testPolicy(o.policy);
            if (r.error) return { error: r.error };
            return { ms: performance.now() - t0, total: r.matches.length, alerts: r.alerts.length };
          }
          if (o.kind === 'query') {
            const r = await window.sightline.query({ filter: o.filter, limit: 100 });
            if (r.error) return { error: r.error };
            return { ms: performance.now() - t0, total: r.total, returned: r.rows.length };
          }
          if (o.kind === 'ip_range') {
            const r = await window.sightline.setIpRange(o.range);
            if (r.error) return { error: r.error };
            return { ms: performance.now() - t0 };
          }
          if (o.kind === 'insights') {
            const r = await (o.subject === 'ip' ? window.sightline.ipInsights(o.value) : window.sightline.userInsights(o.value));
            if (r.error) return { error: r.error };
            return { ms: performance.now() - t0, total: r.activities };
          }
          const r = await window.sightline.values(o.field, { limit: o.limit });
          if (r.error) return { error: r.error };
          return { ms: performance.now() - t0, returned: r.length };
        }, op);
        if (results[op.name].error) throw new Error(`${op.name}: ${results[op.name].error}`);
      }
      const scrolling = await measureScrolling(page);
      const idle = await measureIdle(page);
      if (errors.length) ingest.page_errors = errors;
      return { ingest, operations: results, scrolling, idle };
    }
  }

  async close() {
    await this.browser.close();
    await this.server.close();
  }
}
