// The parse worker's message loop (a --post-js of sightline_parser.js, which runs as a dedicated
// Worker; see wasm/parse_worker/parse_worker_main.cpp). The page's side is parse_worker_client.js.
// The messages and the states each step answers are src/import/parse_worker_protocol.h's, named by
// the module's own table (slp_protocol): no kind or number is retyped here. A message for a
// session other than the current one's file is dropped: the page has moved on (a cancel).
(function installParseWorker(module) {
  'use strict';
  let protocol = null; // {states, messages}, once the module runs
  const early = [];
  let session = -1;
  let input = 0;
  let inputSize = 0;

  self.onmessage = (event) => { if (protocol) handle(event.data); else early.push(event.data); };
  // A failed start (the wasm could not be fetched or compiled) or an abort: the page stops this
  // worker and reads on its own thread. (The one kind spelled here: a module that failed to
  // start cannot name it.)
  module.onAbort = (what) => self.postMessage({ type: 'error', session, message: `the parse worker stopped: ${what}` });
  module.onRuntimeInitialized = () => {
    protocol = JSON.parse(module.UTF8ToString(module._slp_protocol()));
    self.postMessage({ type: protocol.messages.ready });
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
    self.postMessage({ type: protocol.messages.error, session,
                       message: message || module.UTF8ToString(module._slp_error()) });
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
    const states = protocol.states; // (not destructured: emcc 3.1.6 drops such declarations)
    const messages = protocol.messages;
    try {
      if (message.type === messages.begin) {
        session = message.session;
        const began = module.ccall('slp_begin', 'number', ['string', 'number'], [message.name, message.kept]);
        if (began === states.Failed) fail();
        return;
      }
      if (message.session !== session) return;
      if (message.type === messages.chunk) {
        const status = feed(message.buffer, message.length);
        if (status === null) return;
        if (status === states.Failed) return fail();
        const rows = takeRows(); // a hand-back is in them too (its own entry)
        self.postMessage({ type: messages.rows, session, rows, buffer: message.buffer,
                           heapBytes: module.HEAPU8.length }, [rows, message.buffer]);
        if (status !== states.ReadingInWorker) session = -1;
      } else if (message.type === messages.end) {
        const status = module._slp_finish();
        if (status === states.Failed) return fail();
        const rows = takeRows();
        self.postMessage({ type: messages.done, session, rows, heapBytes: module.HEAPU8.length }, [rows]);
        session = -1;
      }
    } catch (e) {
      fail((e && e.message) || String(e));
    }
  }
})(Module);
