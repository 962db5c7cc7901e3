// Opening files in the page: File > Open (a file input), drag and drop onto the page, and
// sightline.load() all go through loadFiles(). This file only moves bytes: it streams a file's
// chunks (file_chunks.js: never held twice in memory, .gz decompressed on the way) to the
// core's import session (src/app/import_session.h, through wasm/js_exports.cpp) or to the parse
// worker (parse_worker_client.js) and the worker's output back to the session, between frames,
// and does what each of the session's answers says. The session decides the rest: which files
// the worker reads, when to ask the analyst for a column mapping (reading waits, with the frame
// loop running, until the dialog is answered; load() never asks), taking a file back from the
// worker, the demo's replacement, Cancel's rollback and the report.
(function installFileLoading(module) {
  'use strict';
  const api = globalThis.sightline = globalThis.sightline || {};
  const FIRST_CHUNK = 1 << 20;
  const MAX_CHUNK = 8 << 20;
  const FRAME_BUDGET_MS = 30; // work per slice, so no frame waits more than ~50 ms
  const WORKER_CHUNK = 2 << 20; // the worker holds a few times this: its heap stays near 20 MB
  const WORKER_CHUNKS_AHEAD = 3;
  const WORKER_POLL_MS = 100; // while waiting for the worker: Cancel and progress frames
  const ANSWER_POLL_MS = 50;  // while the analyst answers the mapping dialog

  // The session's states and the worker's message kinds, named by the core's own table
  // (src/import/import_state.h, src/import/parse_worker_protocol.h); read once the module runs.
  let protocol = null;
  module.slImportProtocol = () => {
    if (!protocol) protocol = JSON.parse(module.ccall('sl_import_protocol', 'string', [], []));
    return protocol;
  };
  const state = () => module.slImportProtocol().states;

  // Each step answers the session's state after it.
  const session = {
    begin: (count, bytes) => module.ccall('sl_import_begin', 'number', ['number', 'number'], [count, bytes]),
    beginFile: (name, mappingJson, ask, kept, workerAvailable) =>
      module.ccall('sl_import_file_begin', 'number', ['string', 'string', 'number', 'number', 'number'],
                   [name, mappingJson, ask ? 1 : 0, kept, workerAvailable ? 1 : 0]),
    feed: (bytes) => module.ccall('sl_import_feed', 'number', ['number', 'number'], [toHeap(bytes), bytes.length]),
    // Stores the worker's output at heap[at...] for about `ms`; parsedUsed() says how far it got.
    addParsed: (at, size, ms) =>
      module.ccall('sl_import_add_parsed', 'number', ['number', 'number', 'number'], [at, size, ms]),
    parsedUsed: () => module.ccall('sl_import_parsed_used', 'number', [], []),
    workerFailed: (message) => module.ccall('sl_import_worker_failed', 'number', ['string'], [String(message)]),
    endFile: () => module.ccall('sl_import_file_end', 'number', [], []),
    // Draws the progress (and takes the analyst's Cancel) while this thread waits.
    poll: () => module.ccall('sl_import_poll', 'number', [], []),
    finish: () => module.ccall('sl_import_finish', 'number', [], []),
    fail: (message) => module.ccall('sl_import_fail', 'number', ['string'], [String(message)]),
    // The ended import as load() returns it: the reports, or {error, cancelled}.
    result: () => JSON.parse(module.ccall('sl_import_result', 'string', [], [])),
  };

  let heapBuffer = 0;
  let heapBufferSize = 0;
  // Copies bytes into a wasm heap buffer reused from call to call.
  function toHeap(bytes) {
    if (bytes.length > heapBufferSize) {
      if (heapBuffer) module._free(heapBuffer);
      heapBufferSize = Math.max(bytes.length, FIRST_CHUNK);
      heapBuffer = module._malloc(heapBufferSize);
    }
    module.HEAPU8.set(bytes, heapBuffer);
    return heapBuffer;
  }

  // Yields to the event loop so the browser can draw a frame; a MessageChannel task is not
  // clamped to 4 ms as nested setTimeout(0) is.
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()();
  const yieldToBrowser = () => new Promise((resolve) => { waiting.push(resolve); channel.port2.postMessage(0); });
  async function yieldBetweenSlices(timing) {
    const yielded = performance.now();
    await yieldToBrowser();
    timing.yield_ms += performance.now() - yielded;
  }

  // Size the next slice so that one slice takes about FRAME_BUDGET_MS.
  function nextChunkSize(chunk, ms) {
    return Math.max(64 << 10, Math.min(MAX_CHUNK, Math.round(chunk * FRAME_BUDGET_MS / Math.max(1, ms))));
  }

  // While the session waits for the analyst's column mapping, frames run as usual.
  async function answered() {
    let now;
    while ((now = session.poll()) === state().WaitingForMapping) {
      await new Promise((resolve) => setTimeout(resolve, ANSWER_POLL_MS));
    }
    return now;
  }

  // Stores the worker's output, in slices of about FRAME_BUDGET_MS with a frame between them
  // (one chunk's rows may take longer than a frame).
  async function storeParsed(rows, timing) {
    const bytes = new Uint8Array(rows);
    const at = toHeap(bytes);
    for (let done = 0; ;) {
      const started = performance.now();
      const now = session.addParsed(at + done, bytes.length - done, FRAME_BUDGET_MS);
      timing.parse_ms += performance.now() - started;
      timing.slices += 1;
      if (now !== state().ReadingInWorker) return now;
      done += session.parsedUsed();
      if (done >= bytes.length) return now;
      await yieldBetweenSlices(timing);
    }
  }

  // ReadingInWorker: the worker reads the chunks while this thread stores the rows of the chunks
  // before. Chunks are of one size here: the core cuts the slices by time.
  async function readInWorker(reader, kept, chunks, progress) {
    const timing = progress.timing; // (not destructured: emcc 3.1.6 drops that declaration)
    progress.chunk = WORKER_CHUNK;
    let reading = true;
    try {
      for (;;) {
        // Keep the worker a few chunks ahead of the rows stored here.
        while (reading && reader.inFlight < WORKER_CHUNKS_AHEAD) {
          const readStarted = performance.now();
          const { done, value } = await chunks.next();
          timing.read_ms += performance.now() - readStarted;
          if (done) {
            reading = false;
            reader.end();
          } else {
            module.slKeptSources.append(kept, value);
            reader.send(value);
          }
        }
        const waitStarted = performance.now();
        let message;
        while (!(message = await reader.next(WORKER_POLL_MS))) {
          const now = session.poll();
          if (now !== state().ReadingInWorker) return now;
        }
        timing.worker_wait_ms += performance.now() - waitStarted;
        if (message.type === module.slImportProtocol().messages.error) return session.workerFailed(message.message);
        const now = await storeParsed(message.rows, timing);
        if (now !== state().ReadingInWorker) return now; // FileDone, HandedBack, Cancelled, Failed
        await yieldBetweenSlices(timing);
      }
    } finally {
      reader.close();
    }
  }

  // ReadingHere: first the chunks already kept (`replay`, a file the worker handed back), then
  // the rest.
  async function readHere(kept, chunks, replay, progress) {
    const timing = progress.timing; // (not destructured: emcc 3.1.6 drops that declaration)
    let index = 0;
    for (;;) {
      let bytes;
      const readStarted = performance.now();
      if (index < replay.length) {
        bytes = replay[index++];
      } else {
        const { done, value } = await chunks.next();
        if (done) break;
        bytes = value;
        module.slKeptSources.append(kept, bytes);
      }
      const started = performance.now();
      timing.read_ms += started - readStarted;
      let now = session.feed(bytes);
      const ms = performance.now() - started;
      timing.parse_ms += ms;
      timing.slices += 1;
      progress.chunk = nextChunkSize(progress.chunk, ms);
      // (After the measurement: the analyst's time in the dialog is not parsing time.)
      if (now === state().WaitingForMapping) now = await answered();
      if (now !== state().ReadingHere) return now; // FileDone (skipped), Cancelled, Failed
      await yieldBetweenSlices(timing);
    }
    const now = session.endFile();
    // A file shorter than the sample a mapping needs asks only once it has ended.
    return now === state().WaitingForMapping ? answered() : now;
  }

  // Reads one file where the session says; returns the session's state after it.
  async function readFile(file, ask, workerReady, progress) {
    // The chunks stay there as the file's records (load()'s own bytes included, uncopied);
    // the core releases the source when no stored record lies in it.
    const kept = module.slKeptSources.open();
    const chunks = module.slFileChunks.of(file, () => progress.chunk);
    const workerAvailable = workerReady && module.slParseWorker.canBegin();
    let now = session.beginFile(file.name, file.mappingJson || '', ask, kept, workerAvailable);
    if (now === state().ReadingInWorker) {
      now = await readInWorker(module.slParseWorker.begin(file.name, kept), kept, chunks, progress);
      if (now === state().FileDone) progress.timing.files_in_worker += 1;
    }
    if (now === state().HandedBack) now = await readHere(kept, chunks, module.slKeptSources.chunks(kept), progress);
    else if (now === state().ReadingHere) now = await readHere(kept, chunks, [], progress);
    else if (now !== state().FileDone) module.slKeptSources.release(kept); // it never began
    return now;
  }

  let busy = false;
  // `ask`: the analyst opened these files, so a file in no known format shows the mapping dialog.
  async function loadFiles(files, ask) {
    if (busy) return { error: 'an import is already running; wait for it or cancel it' };
    if (!files.length) return { error: 'no files given' };
    busy = true;
    try {
      // Progress counts content bytes; a .gz file's content size is unknown until read.
      const compressed = files.some((f) => /\.gz$/i.test(f.name));
      const total = compressed ? 0 : files.reduce((sum, f) => sum + f.size, 0);
      // (Before the import begins and pauses the frame loop: a worker still starting may take a
      // moment. A file with a given mapping is never the worker's, so none is waited for then.)
      const workerReady = files.some((f) => !f.mappingJson) && await module.slParseWorker.available();
      const beginning = performance.now();
      if (session.begin(files.length, total) !== state().FileDone) return { error: 'the import could not start' };
      const beginMs = performance.now() - beginning;
      // Where the time goes, returned as `timing` (for the benchmark and for tuning).
      const timing = { begin_ms: beginMs, read_ms: 0, parse_ms: 0, worker_wait_ms: 0, yield_ms: 0, finish_ms: 0,
                       slices: 0, files_in_worker: 0 };
      const progress = { chunk: FIRST_CHUNK, timing };
      const begun = performance.now();
      for (const file of files) {
        if (await readFile(file, ask, workerReady, progress) !== state().FileDone) return session.result();
      }
      const finishing = performance.now();
      session.finish();
      const result = session.result();
      timing.finish_ms = performance.now() - finishing;
      timing.total_ms = performance.now() - begun;
      for (const key of Object.keys(timing)) timing[key] = Math.round(timing[key]);
      if (!result.error) result.timing = timing;
      // The rows are browsable: now the IP location's asset may be fetched (ip_location_loading.js).
      if (!result.error) module.slIpLocation.loadIfWanted();
      return result;
    } catch (e) {
      session.fail((e && e.message) || String(e));
      return session.result();
    } finally {
      busy = false;
    }
  }

  // What loadFiles() reads: {name, size, blob} for Files and Blobs, {name, size, bytes} for
  // bytes the caller already holds (these are read in place, never copied into a Blob).
  function toSource(entry) {
    if (entry instanceof File) return { name: entry.name, size: entry.size, blob: entry };
    if (!entry || typeof entry.name !== 'string') throw new Error('each file needs a name');
    const data = entry.data;
    if (data instanceof Blob) return { name: entry.name, size: data.size, blob: data };
    let bytes;
    if (data instanceof Uint8Array) bytes = data;
    else if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
    else if (ArrayBuffer.isView(data)) bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    else throw new Error(`${entry.name}: data must be a Uint8Array, an ArrayBuffer, a Blob or a File`);
    return { name: entry.name, size: bytes.length, bytes };
  }

  // load()'s optional per-file `mapping`, checked by the core before anything is read.
  function withMapping(source, entry) {
    if (!entry || entry instanceof File || entry.mapping === undefined || entry.mapping === null) return source;
    const checked = JSON.parse(module.ccall('sl_api_call', 'string', ['string', 'string'],
                                            ['checkMapping', JSON.stringify([entry.mapping])]));
    if (checked.error) throw new Error(`${entry.name}: ${checked.error}`);
    return Object.assign(source, { mappingJson: JSON.stringify(checked.mapping) });
  }

  api.load = async (entries) => {
    let files;
    try {
      if (!Array.isArray(entries)) throw new Error('load() takes an array of {name, data}');
      files = entries.map((entry) => withMapping(toSource(entry), entry));
    } catch (e) {
      return { error: e.message };
    }
    return loadFiles(files, false);
  };

  // File > Open.
  module.openFilePicker = () => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = '.csv,.json,.jsonl,.ndjson,.txt,.gz,.tsv,.log';
    input.addEventListener('change', () => loadFiles(Array.from(input.files, toSource), true));
    input.click();
  };

  // File > Settings file...: one JSON file, read as text and handed to the settings window.
  module.openSettingsFilePicker = () => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.addEventListener('change', async () => {
      const file = input.files[0];
      if (!file) return;
      const bytes = new Uint8Array(await file.arrayBuffer());
      const ptr = module._malloc(Math.max(1, bytes.length));
      module.HEAPU8.set(bytes, ptr);
      try {
        module.ccall('sl_text_file_chosen', null, ['string', 'number', 'number'], [file.name, ptr, bytes.length]);
      } finally {
        module._free(ptr);
      }
    });
    input.click();
  };

  // Drag and drop anywhere on the page, with an overlay while files are over it. dragenter and
  // dragleave fire for every element crossed, so the overlay counts them rather than trusting one.
  const dropOverlay = document.getElementById('drop-overlay');
  let dragDepth = 0;
  const carriesFiles = (e) => Array.from((e.dataTransfer && e.dataTransfer.types) || []).includes('Files');
  const showDropOverlay = (shown) => { if (dropOverlay) dropOverlay.classList.toggle('hidden', !shown); };
  window.addEventListener('dragenter', (e) => {
    if (!carriesFiles(e)) return;
    dragDepth += 1;
    showDropOverlay(true);
  });
  window.addEventListener('dragleave', (e) => {
    if (!carriesFiles(e)) return;
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) showDropOverlay(false);
  });
  window.addEventListener('dragover', (e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    dragDepth = 0;
    showDropOverlay(false);
    const files = Array.from(e.dataTransfer.files || [], toSource);
    if (files.length) loadFiles(files, true);
  });
})(Module);
