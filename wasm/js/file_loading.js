// Opening files in the page: File > Open (a file input), drag and drop onto the page, and
// sightline.load() all go through loadFiles(). Files are streamed from the browser's File
// objects in chunks (never held twice in memory); .gz files are decompressed on the way with
// DecompressionStream. Each chunk is fed to the core between frames, so the UI keeps drawing
// its progress bar, and a Cancel in the UI rolls the whole batch back.
// Files the analyst opens may stop at the column-mapping dialog (a file in no known format):
// reading waits, with the frame loop running, until the dialog is answered. load() never asks.
(function installFileLoading(module) {
  'use strict';
  const api = globalThis.sightline = globalThis.sightline || {};
  const FIRST_CHUNK = 1 << 20;
  const MAX_CHUNK = 8 << 20;
  const FRAME_BUDGET_MS = 30; // work per slice, so no frame waits more than ~50 ms

  const core = {
    begin: (count, bytes) => module.ccall('sl_import_begin', 'number', ['number', 'number'], [count, bytes]),
    fileBegin: (name, mappingJson, ask, source) =>
      module.ccall('sl_import_file_begin', 'number', ['string', 'string', 'number', 'number'],
                   [name, mappingJson, ask ? 1 : 0, source]) === 1,
    state: () => module.ccall('sl_import_state', 'number', [], []),
    waitForAnalyst: (waiting) => module.ccall('sl_import_wait_for_analyst', null, ['number'], [waiting ? 1 : 0]),
    fileEnd: () => module.ccall('sl_import_file_end', null, [], []),
    finish: () => JSON.parse(module.ccall('sl_import_finish', 'string', [], [])),
    cancel: () => module.ccall('sl_import_cancel', null, [], []),
  };

  let heapBuffer = 0;
  let heapBufferSize = 0;
  // Keeps a chunk in the file's kept source (kept_sources.js), copies it into the wasm heap and
  // feeds it; false when the analyst pressed Cancel.
  function feed(kept, bytes) {
    module.slKeptSources.append(kept, bytes);
    if (bytes.length > heapBufferSize) {
      if (heapBuffer) module._free(heapBuffer);
      heapBufferSize = Math.max(bytes.length, FIRST_CHUNK);
      heapBuffer = module._malloc(heapBufferSize);
    }
    module.HEAPU8.set(bytes, heapBuffer);
    return module.ccall('sl_import_feed', 'number', ['number', 'number'], [heapBuffer, bytes.length]) === 1;
  }

  // Yields to the event loop so the browser can draw a frame; a MessageChannel task is not
  // clamped to 4 ms as nested setTimeout(0) is.
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()();
  const yieldToBrowser = () => new Promise((resolve) => { waiting.push(resolve); channel.port2.postMessage(0); });

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
      if (core.begin(files.length, total) !== 1) return { error: 'the import could not start' };
      let chunk = FIRST_CHUNK;
      // Where the time goes, returned as `timing` (for the benchmark and for tuning).
      const timing = { read_ms: 0, parse_ms: 0, yield_ms: 0, finish_ms: 0, slices: 0 };
      const begun = performance.now();
      const cancelled = () => {
        core.cancel();
        return { error: 'import cancelled; nothing was changed', cancelled: true };
      };
      for (const file of files) {
        // The chunks stay there as the file's records (load()'s own bytes included, uncopied);
        // the core releases the source when no stored record lies in it.
        const kept = module.slKeptSources.open();
        if (!core.fileBegin(file.name, file.mappingJson || '', ask, kept)) {
          module.slKeptSources.release(kept);
          return core.finish(); // the error that stopped it
        }
        let readStarted = performance.now();
        // Compressed bytes go through a Blob to reach the browser's decompressor.
        const source = file.bytes && !isGzip(file.name, file.bytes.subarray(0, 2))
          ? chunksOfBytes(file.bytes, () => chunk)
          : chunksOf(file.blob || new Blob([file.bytes]), file.name, () => chunk);
        for await (const bytes of source) {
          const started = performance.now();
          timing.read_ms += started - readStarted;
          if (!feed(kept, bytes)) return cancelled();
          // Size the next slice so that one slice takes about FRAME_BUDGET_MS.
          const ms = Math.max(1, performance.now() - started);
          timing.parse_ms += ms;
          timing.slices += 1;
          chunk = Math.max(64 << 10, Math.min(MAX_CHUNK, Math.round(chunk * FRAME_BUDGET_MS / ms)));
          // (After the measurement: the analyst's time in the dialog is not parsing time.)
          const state = await answerMapping();
          if (state === CANCELLED) return cancelled();
          if (state === SKIPPED) break;
          const yielded = performance.now();
          await yieldToBrowser();
          readStarted = performance.now();
          timing.yield_ms += readStarted - yielded;
        }
        core.fileEnd();
        // A file shorter than the sample a mapping needs asks only once it has ended.
        if (await answerMapping() === CANCELLED) return cancelled();
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
