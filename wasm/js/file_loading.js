// Opening files in the page: File > Open (a file input), drag and drop onto the page, and
// sightline.load() all go through loadFiles(). Files are streamed from the browser's File
// objects in chunks (never held twice in memory); .gz files are decompressed on the way with
// DecompressionStream. The parse worker (parse_worker_client.js) reads the chunks of a file in
// a known format, and this thread stores its rows between frames; other files are fed to the
// core here, between frames too. So the UI keeps drawing its progress bar, and a Cancel in the
// UI rolls the whole batch back.
// Files the analyst opens may stop at the column-mapping dialog (a file in no known format):
// reading waits, with the frame loop running, until the dialog is answered. load() never asks.
(function installFileLoading(module) {
  'use strict';
  const api = globalThis.sightline = globalThis.sightline || {};
  const FIRST_CHUNK = 1 << 20;
  const MAX_CHUNK = 8 << 20;
  const FRAME_BUDGET_MS = 30; // work per slice, so no frame waits more than ~50 ms
  const WORKER_CHUNK = 2 << 20; // the worker holds a few times this: its heap stays near 20 MB
  const WORKER_CHUNKS_AHEAD = 3;
  const WORKER_POLL_MS = 100; // while waiting for the worker: Cancel and progress frames

  const core = {
    begin: (count, bytes) => module.ccall('sl_import_begin', 'number', ['number', 'number'], [count, bytes]),
    parsedFileBegin: (name, source) =>
      module.ccall('sl_import_parsed_file_begin', 'number', ['string', 'number'], [name, source]) === 1,
    fileBegin: (name, mappingJson, ask, source) =>
      module.ccall('sl_import_file_begin', 'number', ['string', 'string', 'number', 'number'],
                   [name, mappingJson, ask ? 1 : 0, source]) === 1,
    state: () => module.ccall('sl_import_state', 'number', [], []),
    waitForAnalyst: (waiting) => module.ccall('sl_import_wait_for_analyst', null, ['number'], [waiting ? 1 : 0]),
    fileEnd: () => module.ccall('sl_import_file_end', null, [], []),
    // Draws the progress (and takes the analyst's input) while this thread waits for the worker.
    idle: () => module.ccall('sl_import_idle', null, [], []),
    finish: () => JSON.parse(module.ccall('sl_import_finish', 'string', [], [])),
    cancel: () => module.ccall('sl_import_cancel', null, [], []),
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

  // What sl_import_feed and storeParsed() answer.
  const GO_ON = 1;
  const CANCEL_PRESSED = 0;
  const IMPORT_FAILED = -1;

  // Feeds a chunk of the file read on this thread.
  function feed(bytes) {
    return module.ccall('sl_import_feed', 'number', ['number', 'number'], [toHeap(bytes), bytes.length]);
  }

  // Stores rows the parse worker read, in slices of about FRAME_BUDGET_MS with a frame between
  // them (one chunk's rows may take longer than a frame).
  async function storeParsed(rows, timing) {
    const bytes = new Uint8Array(rows);
    const at = toHeap(bytes);
    for (let done = 0; ;) {
      const started = performance.now();
      const used = module.ccall('sl_import_add_parsed', 'number', ['number', 'number', 'number'],
                                [at + done, bytes.length - done, FRAME_BUDGET_MS]);
      timing.parse_ms += performance.now() - started;
      timing.slices += 1;
      if (used < 0) return used === -1 ? CANCEL_PRESSED : IMPORT_FAILED;
      done += used;
      if (done >= bytes.length) return GO_ON;
      await yieldBetweenSlices(timing);
    }
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

  function isGzip(name, head) {
    return /\.gz$/i.test(name) || (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b);
  }

  // Yields Uint8Array chunks of about chunkSize() bytes of the file's content, decompressed
  // when it is gzip. The browser's stream hands out small pieces; they are gathered here.
  // (A stream reads a File several times faster than File.slice().arrayBuffer() per chunk.)
  async function* chunksOf(blob, name, chunkSize) {
    const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
    let stream = blob.stream();
    if (isGzip(name, head)) {
      if (typeof DecompressionStream !== 'function') throw new Error(`${name}: this browser cannot decompress .gz files`);
      stream = stream.pipeThrough(new DecompressionStream('gzip'));
    }
    const reader = stream.getReader();
    let pieces = [];
    let gathered = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (!done) { pieces.push(value); gathered += value.length; }
      if ((done && gathered) || gathered >= chunkSize()) {
        const out = pieces.length === 1 ? pieces[0] : new Uint8Array(gathered);
        if (pieces.length > 1) {
          let at = 0;
          for (const p of pieces) { out.set(p, at); at += p.length; }
        }
        pieces = [];
        gathered = 0;
        yield out;
      }
      if (done) return;
    }
  }

  // Bytes the caller already holds (load() with a Uint8Array) are fed in place, uncopied.
  function* chunksOfBytes(bytes, chunkSize) {
    for (let offset = 0; offset < bytes.length;) {
      const size = chunkSize();
      yield bytes.subarray(offset, offset + size);
      offset += size;
    }
  }

  // sl_import_state() values.
  const READING = 0;
  const ASKING = 1;
  const SKIPPED = 2;
  const CANCELLED = 3;
  const ANSWER_POLL_MS = 50;

  // When the core asks the analyst for a column mapping, waits for the answer with the frame
  // loop running. Returns the state afterwards (READING, SKIPPED or CANCELLED).
  async function answerMapping() {
    if (core.state() !== ASKING) return core.state();
    core.waitForAnalyst(true);
    try {
      while (core.state() === ASKING) await new Promise((resolve) => setTimeout(resolve, ANSWER_POLL_MS));
    } finally {
      core.waitForAnalyst(false);
    }
    return core.state();
  }

  // Size the next slice so that one slice takes about FRAME_BUDGET_MS.
  function nextChunkSize(chunk, ms) {
    return Math.max(64 << 10, Math.min(MAX_CHUNK, Math.round(chunk * FRAME_BUDGET_MS / Math.max(1, ms))));
  }

  // Outcomes of reading one file, besides a load() result to return at once (cancel, error).
  const FILE_READ = 'read';
  const HANDED_BACK = 'handed back';

  // Reads a file in the parse worker (parse_worker_client.js) while this thread stores the rows
  // of the chunks before. Chunks are of one size here: the core cuts the slices by time.
  // Returns FILE_READ, HANDED_BACK (a file in no known format, or a worker that failed before
  // any row was stored: this thread reads it again from its kept chunks), or a result to return.
  async function readInWorker(session, file, kept, chunks, state) {
    const timing = state.timing; // (not destructured: emcc 3.1.6 drops that declaration)
    state.chunk = WORKER_CHUNK;
    if (!core.parsedFileBegin(file.name, kept)) {
      session.close();
      module.slKeptSources.release(kept);
      return core.finish();
    }
    let reading = true;
    let stored = false; // rows of this file stored (a handed-back file must have none)
    try {
      for (;;) {
        // Keep the worker a few chunks ahead of the rows stored here.
        while (reading && session.inFlight < WORKER_CHUNKS_AHEAD) {
          const readStarted = performance.now();
          const { done, value } = await chunks.next();
          timing.read_ms += performance.now() - readStarted;
          if (done) {
            reading = false;
            session.end();
          } else {
            module.slKeptSources.append(kept, value);
            session.send(value);
          }
        }
        const waitStarted = performance.now();
        let message;
        while (!(message = await session.next(WORKER_POLL_MS))) {
          core.idle();
          if (core.state() === CANCELLED) return cancelled();
        }
        timing.worker_wait_ms += performance.now() - waitStarted;
        // A worker that fails before any row of the file was stored leaves it to this thread.
        if (message.type === 'error' && !stored) return HANDED_BACK;
        if (message.type === 'error') throw new Error(`${file.name}: ${message.message}`);
        if (message.handedBack) return HANDED_BACK;
        const answer = await storeParsed(message.rows, timing);
        if (answer !== GO_ON) return answer === CANCEL_PRESSED ? cancelled() : core.finish();
        stored = true;
        if (message.type === 'done') return FILE_READ;
        await yieldBetweenSlices(timing);
      }
    } finally {
      session.close();
    }
  }

  // Reads a file on this thread: first the chunks already kept (`replay`, a file the worker
  // handed back), then the rest. Returns FILE_READ or a result to return.
  async function readHere(file, kept, ask, chunks, replay, state) {
    const timing = state.timing; // (not destructured: emcc 3.1.6 drops that declaration)
    if (!core.fileBegin(file.name, file.mappingJson || '', ask, kept)) {
      module.slKeptSources.release(kept);
      return core.finish(); // the error that stopped it
    }
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
      const fed = feed(bytes);
      if (fed !== GO_ON) return fed === CANCEL_PRESSED ? cancelled() : core.finish();
      const ms = performance.now() - started;
      timing.parse_ms += ms;
      timing.slices += 1;
      state.chunk = nextChunkSize(state.chunk, ms);
      // (After the measurement: the analyst's time in the dialog is not parsing time.)
      const answered = await answerMapping();
      if (answered === CANCELLED) return cancelled();
      if (answered === SKIPPED) break;
      await yieldBetweenSlices(timing);
    }
    core.fileEnd();
    // A file shorter than the sample a mapping needs asks only once it has ended.
    if (await answerMapping() === CANCELLED) return cancelled();
    return FILE_READ;
  }

  function cancelled() {
    core.cancel();
    return { error: 'import cancelled; nothing was changed', cancelled: true };
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
      // (Before the import begins and pauses the frame loop: a worker still starting may take a moment.)
      const workerReady = files.some((f) => !f.mappingJson) && await module.slParseWorker.available();
      const beginning = performance.now();
      if (core.begin(files.length, total) !== 1) return { error: 'the import could not start' };
      const beginMs = performance.now() - beginning;
      // Where the time goes, returned as `timing` (for the benchmark and for tuning).
      const timing = { begin_ms: beginMs, read_ms: 0, parse_ms: 0, worker_wait_ms: 0, yield_ms: 0, finish_ms: 0,
                       slices: 0, files_in_worker: 0 };
      const state = { chunk: FIRST_CHUNK, timing };
      const begun = performance.now();
      for (const file of files) {
        // The chunks stay there as the file's records (load()'s own bytes included, uncopied);
        // the core releases the source when no stored record lies in it.
        const kept = module.slKeptSources.open();
        // Compressed bytes go through a Blob to reach the browser's decompressor.
        const source = file.bytes && !isGzip(file.name, file.bytes.subarray(0, 2))
          ? chunksOfBytes(file.bytes, () => state.chunk)
          : chunksOf(file.blob || new Blob([file.bytes]), file.name, () => state.chunk);
        const chunks = source[Symbol.asyncIterator] ? source[Symbol.asyncIterator]() : source;
        // A given mapping is the page's to apply; the worker reads known formats only.
        const session = workerReady && !file.mappingJson ? module.slParseWorker.begin(file.name, kept) : null;
        let outcome = session ? await readInWorker(session, file, kept, chunks, state) : HANDED_BACK;
        if (session && outcome === FILE_READ) timing.files_in_worker += 1;
        if (outcome === HANDED_BACK) {
          const replay = session ? module.slKeptSources.chunks(kept) : [];
          outcome = await readHere(file, kept, ask, chunks, replay, state);
        }
        if (outcome !== FILE_READ) return outcome;
      }
      const finishing = performance.now();
      const result = core.finish();
      timing.finish_ms = performance.now() - finishing;
      timing.total_ms = performance.now() - begun;
      for (const key of Object.keys(timing)) timing[key] = Math.round(timing[key]);
      if (!result.error) result.timing = timing;
      return result;
    } catch (e) {
      core.cancel();
      return { error: (e && e.message) || String(e) };
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

  // Drag and drop anywhere on the page.
  window.addEventListener('dragover', (e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    const files = Array.from(e.dataTransfer.files || [], toSource);
    if (files.length) loadFiles(files, true);
  });
})(Module);
