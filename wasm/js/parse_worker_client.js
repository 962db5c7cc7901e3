// The page's side of the parse worker (parse_worker.js, wasm/parse_worker/): a dedicated Worker
// that decodes, parses and maps a file's chunks while the page's thread stores the rows of the
// chunks before. That is about 40% of an import's work taken off the page's thread.
//
// The import session (src/app/import_session.h) decides which files the worker reads; it is told
// whether one can (canBegin()): not when no worker could start (a browser or page setting), it
// did not become ready in time, or it failed before. The messages' kinds are the core's
// (src/import/parse_worker_protocol.h), read from the page's module (file_loading.js).
// The web build loads sightline_parser.js beside the page; the single-file page carries it inline (tools/build/make_single_file_page.py) and
// starts it from a blob: URL, which never leaves the page.
(function installParseWorkerClient(module) {
  'use strict';
  const READY_WAIT_MS = 5000;
  const POOL_SIZE = 4;

  let worker = null;
  let ready = null;        // resolves to true once the worker can read, false if it cannot
  let settleReady = null;  // settles `ready` while it is pending
  let unusable = false;    // it failed to start once: this page reads on its own thread
  let heapBytes = 0;       // the worker's wasm memory, for the page's memory figures
  let nextSession = 1;
  let current = null;      // the session that receives the worker's messages
  const pool = [];         // chunk buffers the worker gave back, for reuse

  // The message kinds, named by the page's module: the worker may be ready before the module
  // runs, so its messages wait for it.
  const kinds = () => module.slImportProtocol().messages;
  const beforeModule = [];
  addOnPostRun(() => { for (const event of beforeModule.splice(0)) onWorkerMessage(event); });

  function scriptUrl() {
    const embedded = document.getElementById('sightline-parser');
    if (embedded) return URL.createObjectURL(new Blob([embedded.textContent], { type: 'text/javascript' }));
    return new URL('sightline_parser.js', document.baseURI).href;
  }

  // Ends the worker; the next import starts a fresh one. The current session, if any, hears
  // `message`: its file's state lived in the worker.
  function stop(message) {
    if (worker) worker.terminate();
    worker = null;
    ready = null;
    if (settleReady) settleReady(false);
    if (current) current.receive({ type: kinds().error, message });
  }

  function start() {
    const url = scriptUrl();
    ready = new Promise((resolve) => {
      settleReady = (ok) => {
        settleReady = null;
        if (url.startsWith('blob:')) URL.revokeObjectURL(url);
        if (!ok) unusable = true;
        resolve(ok);
      };
      try {
        worker = new Worker(url);
      } catch (e) {
        settleReady(false);
        return;
      }
      worker.onmessage = (event) => {
        if (runtimeInitialized) onWorkerMessage(event);
        else beforeModule.push(event);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        stop(`the parse worker stopped: ${event.message || 'it could not be started'}`);
      };
    });
    setTimeout(() => { if (settleReady) stop(null); }, READY_WAIT_MS);
  }

  function onWorkerMessage(event) {
    const m = event.data;
    if (m.type === kinds().ready) { if (settleReady) settleReady(true); return; }
    if (m.heapBytes) heapBytes = m.heapBytes;
    if (m.buffer && pool.length < POOL_SIZE) pool.push(m.buffer);
    const mine = current && m.session === current.id;
    if (m.type === kinds().error) {
      // Its module may be unusable after a failure, whichever file it was reading.
      if (mine) current.receive(m);
      stop(mine ? null : `the parse worker failed (${m.message}) and was stopped`);
    } else if (mine) {
      current.receive(m);
    }
  }

  function takeBuffer(length) {
    const i = pool.findIndex((b) => b.byteLength >= length);
    if (i >= 0) return pool.splice(i, 1)[0];
    return new ArrayBuffer(length); // (pooled ones too small for it are dropped as they come back)
  }

  // One file's reading in the worker. Messages arrive in an inbox that next() drains in order.
  class Session {
    constructor(name, kept) {
      this.id = nextSession++;
      this.inbox = [];
      this.wake = null;
      this.inFlight = 0; // chunks posted whose rows have not come back
      current = this;
      worker.postMessage({ type: kinds().begin, session: this.id, name, kept });
    }

    receive(message) {
      if (this.inbox.some((m) => m.type === kinds().error)) return; // the first error is the news
      this.inbox.push(message);
      if (this.wake) { const wake = this.wake; this.wake = null; wake(); }
    }

    // The next message, or null when none came within `ms` (the caller looks at its Cancel
    // button and draws a frame meanwhile).
    async next(ms) {
      if (!this.inbox.length) {
        await new Promise((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, ms);
        });
      }
      if (!this.inbox.length) return null;
      const message = this.inbox.shift();
      if (message.type === kinds().rows) this.inFlight -= 1;
      return message;
    }

    // Posts a copy of `bytes` (the page keeps the original as the file's kept source).
    send(bytes) {
      if (!worker) return; // stopped: the error is in the inbox
      const buffer = takeBuffer(bytes.length);
      new Uint8Array(buffer, 0, bytes.length).set(bytes);
      worker.postMessage({ type: kinds().chunk, session: this.id, buffer, length: bytes.length }, [buffer]);
      this.inFlight += 1;
    }

    end() { if (worker) worker.postMessage({ type: kinds().end, session: this.id }); }

    // Messages still on their way for this session are dropped.
    close() { if (current === this) current = null; }
  }

  module.slParseWorker = {
    // Whether a session can be had: waits (at most READY_WAIT_MS, once) for the worker to start.
    async available() {
      if (unusable) return false;
      if (!ready) start();
      return (await ready) && !!worker;
    },
    // Whether a file could be read in the worker now (the import session decides whether it is).
    canBegin: () => !!worker && !settleReady,
    // A session reading file `name` into kept source `kept` (after canBegin()).
    begin(name, kept) {
      return new Session(name, kept);
    },
    heapBytes: () => heapBytes,
  };

  start(); // now, so that it has compiled by the first import
})(Module);
