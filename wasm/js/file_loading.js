// Opening files in the page: File > Open (a file input), drag and drop onto the page, and
// sightline.load() all go through loadFiles(). Files are streamed from the browser's File
// objects in chunks (never held twice in memory); .gz files are decompressed on the way with
// DecompressionStream. Each chunk is fed to the core between frames, so the UI keeps drawing
// its progress bar, and a Cancel in the UI rolls the whole batch back.
(function installFileLoading(module) {
  'use strict';
  const api = globalThis.sightline = globalThis.sightline || {};
  const FIRST_CHUNK = 1 << 20;
  const MAX_CHUNK = 8 << 20;
  const FRAME_BUDGET_MS = 40; // work per slice, so no frame waits more than ~50 ms

  const core = {
    begin: (count, bytes) => module.ccall('sl_import_begin', 'number', ['number', 'number'], [count, bytes]),
    fileBegin: (name) => module.ccall('sl_import_file_begin', null, ['string'], [name]),
    fileEnd: () => module.ccall('sl_import_file_end', null, [], []),
    finish: () => JSON.parse(module.ccall('sl_import_finish', 'string', [], [])),
    cancel: () => module.ccall('sl_import_cancel', null, [], []),
  };

  let heapBuffer = 0;
  let heapBufferSize = 0;
  // Copies a chunk into the wasm heap and feeds it; false when the analyst pressed Cancel.
  function feed(bytes) {
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

  function isGzip(file, head) {
    return /\.gz$/i.test(file.name) || (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b);
  }

  // Yields Uint8Array chunks of the file's content, decompressed when it is gzip.
  async function* chunksOf(file, chunkSize) {
    const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
    if (isGzip(file, head)) {
      if (typeof DecompressionStream !== 'function') throw new Error(`${file.name}: this browser cannot decompress .gz files`);
      // The decompressor hands out small pieces: gather them into chunks of the slice size.
      const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
      let pieces = [];
      let gathered = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (!done) { pieces.push(value); gathered += value.length; }
        if ((done && gathered) || gathered >= chunkSize()) {
          const out = new Uint8Array(gathered);
          let at = 0;
          for (const p of pieces) { out.set(p, at); at += p.length; }
          pieces = [];
          gathered = 0;
          yield out;
        }
        if (done) return;
      }
    }
    for (let offset = 0; offset < file.size;) {
      const size = chunkSize();
      yield new Uint8Array(await file.slice(offset, offset + size).arrayBuffer());
      offset += size;
    }
  }

  let busy = false;
  async function loadFiles(files) {
    if (busy) return { error: 'an import is already running; wait for it or cancel it' };
    if (!files.length) return { error: 'no files given' };
    busy = true;
    try {
      // Progress counts content bytes; a .gz file's content size is unknown until read.
      const compressed = files.some((f) => /\.gz$/i.test(f.name));
      const total = compressed ? 0 : files.reduce((sum, f) => sum + f.size, 0);
      if (core.begin(files.length, total) !== 1) return { error: 'the import could not start' };
      let chunk = FIRST_CHUNK;
      for (const file of files) {
        core.fileBegin(file.name);
        for await (const bytes of chunksOf(file, () => chunk)) {
          const started = performance.now();
          if (!feed(bytes)) {
            core.cancel();
            return { error: 'import cancelled; nothing was changed', cancelled: true };
          }
          // Size the next slice so that one slice takes about FRAME_BUDGET_MS.
          const ms = Math.max(1, performance.now() - started);
          chunk = Math.max(64 << 10, Math.min(MAX_CHUNK, Math.round(chunk * FRAME_BUDGET_MS / ms)));
          await yieldToBrowser();
        }
        core.fileEnd();
      }
      return core.finish();
    } catch (e) {
      core.cancel();
      return { error: (e && e.message) || String(e) };
    } finally {
      busy = false;
    }
  }

  function toFile(entry) {
    if (entry instanceof File) return entry;
    if (!entry || typeof entry.name !== 'string') throw new Error('each file needs a name');
    const data = entry.data;
    if (data instanceof Blob) return data instanceof File && data.name === entry.name ? data : new File([data], entry.name);
    if (!(data instanceof Uint8Array || data instanceof ArrayBuffer || ArrayBuffer.isView(data)))
      throw new Error(`${entry.name}: data must be a Uint8Array or an ArrayBuffer`);
    return new File([data], entry.name);
  }

  api.load = async (entries) => {
    let files;
    try {
      if (!Array.isArray(entries)) throw new Error('load() takes an array of {name, data}');
      files = entries.map(toFile);
    } catch (e) {
      return { error: e.message };
    }
    return loadFiles(files);
  };

  // File > Open.
  module.openFilePicker = () => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = '.csv,.json,.jsonl,.ndjson,.txt,.gz,.tsv,.log';
    input.addEventListener('change', () => loadFiles(Array.from(input.files)));
    input.click();
  };

  // Drag and drop anywhere on the page.
  window.addEventListener('dragover', (e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    const files = Array.from(e.dataTransfer.files || []);
    if (files.length) loadFiles(files);
  });
})(Module);
