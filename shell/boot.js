// Starts Sightline in the page: checks that the browser can run it, creates the wasm module
// on the canvas, and turns every failure into a readable message instead of a blank page.
// Defines window.sightline early so that scripts can await `sightline.ready` at once.
(function boot() {
  'use strict';
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {}); // a failure is shown on the page; awaiting callers still see it
  window.sightline = { ready };

  const overlay = document.getElementById('overlay');
  const title = document.getElementById('overlay-title');
  const detail = document.getElementById('overlay-detail');
  let failed = false;

  function fail(heading, message) {
    if (failed) return;
    failed = true;
    overlay.classList.remove('hidden');
    overlay.classList.add('error');
    title.textContent = heading;
    detail.textContent = message;
    rejectReady(new Error(heading + ': ' + message));
  }

  function webgl2Available() {
    try {
      return !!document.createElement('canvas').getContext('webgl2');
    } catch (e) {
      return false;
    }
  }

  // The module uses wasm SIMD (free-text search) and bulk memory (copies). Each tiny module
  // below holds one such instruction (v128.const; memory.copy): a browser that lacks one would
  // otherwise fail to compile sightline.wasm and look as if the file were missing.
  function wasmFeaturesAvailable() {
    const simd = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0, 253, 12,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11];
    const bulkMemory = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 3, 1, 0, 1, 10, 14, 1, 12,
      0, 65, 0, 65, 0, 65, 0, 252, 10, 0, 0, 11];
    try {
      return WebAssembly.validate(new Uint8Array(simd)) && WebAssembly.validate(new Uint8Array(bulkMemory));
    } catch (e) {
      return false;
    }
  }

  function start() {
    if (typeof WebAssembly !== 'object') {
      fail('WebAssembly is not available', 'This browser cannot run Sightline. Use a current Chrome, Edge, Firefox or Safari, with WebAssembly enabled.');
      return;
    }
    if (!wasmFeaturesAvailable()) {
      fail('This browser is too old for Sightline', 'Sightline needs WebAssembly SIMD and bulk memory: Chrome or Edge 91, Firefox 89, Safari 16.4 or later.');
      return;
    }
    if (!webgl2Available()) {
      fail('WebGL2 is not available', 'Sightline draws with WebGL2, which this browser or its settings do not provide. Enable hardware acceleration or use a current browser.');
      return;
    }
    if (typeof window.createSightline !== 'function') {
      fail('Sightline could not be loaded', 'The file sightline.js is missing or could not be read. Serve the whole folder, or open the single-file sightline.html.');
      return;
    }
    window.createSightline({
      canvas: document.getElementById('canvas'),
      onSightlineReady() {
        overlay.classList.add('hidden');
        resolveReady();
      },
      onSightlineFailed(message) { fail('Sightline could not start', message); },
      onAbort(what) {
        const detail = String(what);
        if (/wasm/i.test(detail)) {
          fail('Sightline could not be loaded', 'The file sightline.wasm is missing or could not be read. Serve the whole folder, or open the single-file sightline.html.\n\n(' + detail + ')');
        } else {
          fail('Sightline stopped', 'An internal error stopped the app. Reload the page to start again.\n\n(' + detail + ')');
        }
      },
    }).catch((e) => fail('Sightline could not be loaded', (e && e.message) || String(e)));
  }

  window.addEventListener('load', start, { once: true });
})();
