// The files an import read, kept in the page's memory as the chunks they were read in, so that
// the core can store each original record as a place in its file instead of a copy in wasm
// memory (src/store/kept_sources.h explains why). file_loading.js opens a source per file and
// appends every chunk before the core reads it; the core reads records back through
// wasm/js_kept_sources.cpp and releases a source once no stored record lies in it.
(function installKeptSources(module) {
  'use strict';
  const sources = new Map(); // id -> {chunks, starts, size}
  let nextId = 1;

  // The chunk holding `offset`: the last one starting at or before it.
  function chunkAt(source, offset) {
    let low = 0, high = source.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (source.starts[mid] <= offset) low = mid; else high = mid - 1;
    }
    return low;
  }

  module.slKeptSources = {
    open() {
      const id = nextId++;
      sources.set(id, { chunks: [], starts: [], size: 0 });
      return id;
    },
    // `bytes` is kept as it is, not copied: the caller must not change it afterwards.
    append(id, bytes) {
      const source = sources.get(id);
      if (!source || !bytes.length) return;
      source.chunks.push(bytes);
      source.starts.push(source.size);
      source.size += bytes.length;
    },
    // Copies `size` bytes from `offset` of source `id` into heap[at...].
    read(id, offset, size, heap, at) {
      const source = sources.get(id);
      if (!source || offset + size > source.size) throw new Error(`kept source ${id}: no bytes ${offset}+${size}`);
      for (let c = chunkAt(source, offset); size > 0; ++c) {
        const chunk = source.chunks[c];
        const from = offset - source.starts[c];
        const n = Math.min(size, chunk.length - from);
        heap.set(chunk.subarray(from, from + n), at);
        at += n;
        offset += n;
        size -= n;
      }
    },
    // The chunks of source `id` so far, in order (a file handed back by the parse worker is read
    // again from them).
    chunks(id) {
      const source = sources.get(id);
      return source ? source.chunks.slice() : [];
    },
    release(id) { sources.delete(id); },
    bytes() {
      let total = 0;
      for (const source of sources.values()) total += source.size;
      return total;
    },
  };
})(Module);
