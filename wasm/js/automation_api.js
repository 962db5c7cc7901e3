// window.sightline: the page's automation API (shared/AUTOMATION.md), installed by the wasm
// module as --post-js. Every call returns a Promise and never throws: bad input resolves with
// {error: "..."}. The work itself is done by the core's AutomationApi through sl_api_call.
(function installAutomationApi(module) {
  'use strict';
  const api = globalThis.sightline = globalThis.sightline || {};

  function callCore(method, args) {
    try {
      const json = module.ccall('sl_api_call', 'string', ['string', 'string'],
                                [method, JSON.stringify(args.map((a) => (a === undefined ? null : a)))]);
      return JSON.parse(json);
    } catch (e) {
      return { error: 'internal error: ' + (e && e.message ? e.message : String(e)) };
    }
  }
  // Calls run after the current task so that a caller's await never sees a half-drawn frame.
  const method = (name) => (...args) => Promise.resolve().then(() => callCore(name, args));

  api.query = method('query');
  api.values = method('values');
  api.setFilter = method('setFilter');
  api.getFilter = method('getFilter');
  api.clear = method('clear');
  api.activity = method('activity');
  api.status = method('status');
  api.setIpRange = method('setIpRange');
  api.ipRanges = method('ipRanges');
  api.removeIpRange = method('removeIpRange');
  api.userInsights = method('userInsights');
  api.ipInsights = method('ipInsights');
  api.savePolicy = method('savePolicy');
  api.policies = method('policies');
  api.removePolicy = method('removePolicy');
  api.testPolicy = method('testPolicy');
  api.policyTemplates = method('policyTemplates');
  api.alerts = method('alerts');
  api.setAlertStatus = method('setAlertStatus');
  api.policyEditor = method('policyEditor');
  api.exportSettings = method('exportSettings');
  api.importSettings = method('importSettings');
  // Extras beyond the contract (docs/automation-api.md).
  api.queries = method('queries');
  api.saveQuery = method('saveQuery');
  api.applyQuery = method('applyQuery');
  api.renameQuery = method('renameQuery');
  api.deleteQuery = method('deleteQuery');
  api.sql = method('sql');
  api.timeline = method('timeline');
  api.mark = method('mark');
  api.checkMapping = method('checkMapping');
  api.mappingDialog = method('mappingDialog');
  // The CSV text, as the Export button downloads it (the core answers it as a JSON string).
  api.exportCsv = method('exportCsv');
  // Extras: the Export button's download started by a script, followed, cancelled.
  api.startExport = method('startExport');
  api.exportStatus = method('exportStatus');
  api.cancelExport = method('cancelExport');
  api.setIpAs = method('setIpAs');
  api.undo = method('undo');
  const coreStatus = api.status;
  // heap_bytes: the wasm memory size now (it only grows), for memory measurements.
  api.status = (options) => coreStatus(options).then((s) => (s.error ? s : Object.assign(s, { heap_bytes: module.HEAPU8.length })));

  // Test hook: where a named widget was drawn, in CSS pixels relative to the canvas, so tests
  // can click real pixels. Names: "menu:File", "header:User", ... (imgui_ui/item_locator.h).
  api.itemRect = (name) => Promise.resolve().then(() =>
    JSON.parse(module.ccall('sl_item_rect', 'string', ['string'], [String(name)])));

  // A link edited in the address bar, or Back: the view follows the URL fragment.
  window.addEventListener('hashchange', () => module.ccall('sl_url_fragment_changed', null, [], []));

  // Test hook: {wantTextInput} — whether a text box has the keyboard.
  api.uiState = () => Promise.resolve().then(() => JSON.parse(module.ccall('sl_ui_state', 'string', [], [])));

  // Extra: how long the app's own frames and import slices took (ms), for the benchmark;
  // {reset: true} starts the measurement anew after reading it.
  // With what the page's memory figures must add to its wasm heap: `kept_file_bytes`, the bytes
  // of imported files kept outside wasm memory as the records' raw text (kept_sources.js), and
  // `parse_worker_heap_bytes`, the parse worker's wasm memory (parse_worker_client.js).
  api.workTimes = (options) => Promise.resolve().then(() => Object.assign(
    JSON.parse(module.ccall('sl_work_times', 'string', ['number'], [options && options.reset ? 1 : 0])),
    { kept_file_bytes: module.slKeptSources.bytes(), parse_worker_heap_bytes: module.slParseWorker.heapBytes() }));

  // The page's boot script (shell/boot.js) passes these in the module's settings.
  module.sightlineBecameReady = () => module.onSightlineReady && module.onSightlineReady();
  module.sightlineFailed = (message) => module.onSightlineFailed && module.onSightlineFailed(message);
})(Module);
