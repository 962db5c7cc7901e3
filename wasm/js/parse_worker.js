// The parse worker's message loop (a --post-js of sightline_parser.js, which runs as a dedicated
// Worker; see wasm/parse_worker/parse_worker_main.cpp). The page's side is parse_worker_client.js.
//
// In:  {type: 'begin', session, name, kept}
//      {type: 'chunk', session, buffer, length}   the buffer goes back with the chunk's rows
//      {type: 'end', session}
// Out: {type: 'ready'}
//      {type: 'rows', session, rows, buffer, handedBack, heapBytes}   after each chunk
//      {type: 'done', session, rows, handedBack, heapBytes}           after 'end'
//      {type: 'error', session, message}
// `rows` is an ArrayBuffer of encoded rows (import/parsed_rows.h). A message for a session other
// than the current one's file is dropped: the page has moved on (a cancel).
(function installParseWorker(module) {
  'use strict';
  const GO_ON = 0;
  const HANDED_BACK = 1;
  let ready = false;
  const early = [];
  let session = -1;
  let input = 0;
  let inputSize = 0;

  self.onmessage = (event) => { if (ready) handle(event.data); else early.push(event.data); };
  // A failed start (the wasm could not be fetched or compiled) or an abort: the page stops this
  // worker and reads on its own thread.
  module.onAbort = (what) => self.postMessage({ type: 'error', session, message: `the parse worker stopped: ${what}` });
  module.onRuntimeInitialized = () => {
    ready = true;
    self.postMessage({ type: 'ready' });
    for (const message of early.splice(0)) handle(message);
  };

  function takeRows() {
    const size = module._slp_rows_size();
    const at = module._slp_rows_data();
    const rows = module.HEAPU8.slice(at, at + size).buffer;
    module._slp_rows_clear();
    return rows;
  }

  function fail(message) {
    self.postMessage({ type: 'error', session, message: message || module.UTF8ToString(module._slp_error()) });
    session = -1;
  }

  function feed(buffer, length) {
    if (length > inputSize) {
      if (input) module._free(input);
      inputSize = length;
      input = module._malloc(inputSize);
      if (!input) {
        inputSize = 0;
        fail(`out of memory for a chunk of ${length} bytes`);
        return null;
      }
    }
    module.HEAPU8.set(new Uint8Array(buffer, 0, length), input);
    return module._slp_feed(input, length);
  }

  function handle(message) {
    try {
      if (message.type === 'begin') {
        session = message.session;
        if (module.ccall('slp_begin', 'number', ['string', 'number'], [message.name, message.kept]) !== GO_ON) fail();
        return;
      }
      if (message.session !== session) return;
      if (message.type === 'chunk') {
        const status = feed(message.buffer, message.length);
        if (status === null) return;
        if (status < 0) return fail();
        const rows = takeRows();
        self.postMessage({ type: 'rows', session, rows, buffer: message.buffer, handedBack: status === HANDED_BACK,
                           heapBytes: module.HEAPU8.length }, [rows, message.buffer]);
        if (status === HANDED_BACK) session = -1;
      } else if (message.type === 'end') {
        const status = module._slp_finish();
        if (status < 0) return fail();
        const rows = takeRows();
        self.postMessage({ type: 'done', session, rows, handedBack: status === HANDED_BACK,
                           heapBytes: module.HEAPU8.length }, [rows]);
        session = -1;
      }
    } catch (e) {
      fail((e && e.message) || String(e));
    }
  }
})(Module);
