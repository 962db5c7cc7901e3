// The page's side of the parse worker (parse_worker.js, wasm/parse_worker/): a dedicated Worker
// that decodes, parses and maps a file's chunks while the page's thread stores the rows of the
// chunks before. That is about 40% of an import's work taken off the page's thread.
//
// file_loading.js asks for a session per file and falls back to reading the file on the page's
// thread when there is none: no worker could start (a browser or page setting), it has not
// become ready in time, or it failed before. The web build loads sightline_parser.js beside the
// page; the single-file page carries it inline (tools/build/make_single_file_page.py) and
// starts it from a blob: URL, which never leaves the page.
(function installParseWorkerClient(module) {
  'use strict';
  const READY_WAIT_MS = 5000;
  const POOL_SIZE = 4;

  let worker = null;
  let ready = null;      // resolves to true once the worker can read, false if it cannot
  let heapBytes = 0;     // the worker's wasm memory, for the page's memory figures
  let nextSession = 1;
  let current = null;    // the session that receives the worker's messages
  const pool = [];       // chunk buffers the worker gave back, for reuse

  function scriptUrl() {
    const embedded = document.getElementById('sightline-parser');
    if (embedded) return URL.createObjectURL(new Blob([embedded.textContent], { type: 'text/javascript' }));
    return new URL('sightline_parser.js', document.baseURI).href;
  }

  // Ends the worker; the next import starts a fresh one. `message`: tell the current session.
  function stop(message) {
    if (worker) worker.terminate();
    worker = null;
    ready = null;
    if (message && current) current.receive({ type: 'error', message });
  }

  function start() {
    ready = new Promise((resolve) => {
      try {
        worker = new Worker(scriptUrl());
      } catch (e) {
        resolve(false);
        return;
      }
      worker.onmessage = (event) => {
        const m = event.data;
        if (m.type === 'ready') { resolve(true); return; }
        if (m.heapBytes) heapBytes = m.heapBytes;
        if (m.buffer && pool.length < POOL_SIZE) pool.push(m.buffer);
        if (current && m.session === current.id) current.receive(m);
        if (m.type === 'error') stop(null); // its module may be unusable after a failure
      };
      worker.onerror = (event) => {
        event.preventDefault();
        resolve(false);
        stop(`the parse worker stopped: ${event.message || 'it could not be started'}`);
      };
    });
  }

  function takeBuffer(length) {
    const i = pool.findIndex((b) => b.byteLength >= length);
    if (i >= 0) return pool.splice(i, 1)[0];
    if (pool.length) pool.shift(); // too small for today's chunks
    return new ArrayBuffer(length);
  }

  // One file's reading in the worker. Messages arrive in an inbox that next() drains in order.
  class Session {
    constructor(name, kept) {
      this.id = nextSession++;
      this.inbox = [];
      this.wake = null;
      this.inFlight = 0; // chunks posted whose rows have not come back
      current = this;
      worker.postMessage({ type: 'begin', session: this.id, name, kept });
    }

    receive(message) {
      this.inbox.push(message);
      if (this.wake) { const wake = this.wake; this.wake = null; wake(); }
    }

    async next() {
      while (!this.inbox.length) await new Promise((resolve) => { this.wake = resolve; });
      const message = this.inbox.shift();
      if (message.type === 'rows') this.inFlight -= 1;
      return message;
    }

    // Posts a copy of `bytes` (the page keeps the original as the file's kept source).
    send(bytes) {
      const buffer = takeBuffer(bytes.length);
      new Uint8Array(buffer, 0, bytes.length).set(bytes);
      worker.postMessage({ type: 'chunk', session: this.id, buffer, length: bytes.length }, [buffer]);
      this.inFlight += 1;
    }

    end() { worker.postMessage({ type: 'end', session: this.id }); }

    // Messages still on their way for this session are dropped.
    close() { if (current === this) current = null; }
  }

  module.slParseWorker = {
    // A session reading file `name` into kept source `kept`, or null: read it on this thread.
    async begin(name, kept) {
      if (!ready) start();
      const timeout = new Promise((resolve) => setTimeout(() => resolve(false), READY_WAIT_MS));
      if (!(await Promise.race([ready, timeout])) || !worker) return null;
      return new Session(name, kept);
    },
    heapBytes: () => heapBytes,
  };

  start(); // now, so that it has compiled by the first import
})(Module);
