// Records every WebAssembly.Memory a page or process creates or instantiates, so that a
// benchmark can read the wasm heap size of a module that does not expose it (Sightline's page,
// sql.js, DuckDB-Wasm). Memory only grows, so its size after the work is its peak.
// Plain script (no module syntax): Playwright injects its source into pages as an init script.
(function installWasmMemoryProbe(global) {
  if (global.__wasmMemories) return;
  const memories = global.__wasmMemories = [];
  const W = global.WebAssembly;
  const note = (exports) => {
    for (const value of Object.values(exports || {})) if (value instanceof W.Memory && !memories.includes(value)) memories.push(value);
  };
  const OriginalMemory = W.Memory;
  W.Memory = new Proxy(OriginalMemory, {
    construct(target, args) { const m = Reflect.construct(target, args); memories.push(m); return m; },
  });
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = W[name];
    if (!original) continue;
    W[name] = function (...args) {
      return original.apply(this, args).then((result) => { note((result.instance || result).exports); return result; });
    };
  }
  const OriginalInstance = W.Instance;
  W.Instance = new Proxy(OriginalInstance, {
    construct(target, args) { const i = Reflect.construct(target, args); note(i.exports); return i; },
  });
  global.__wasmHeapBytes = () => memories.reduce((max, m) => Math.max(max, m.buffer.byteLength), 0);
})(globalThis);
