// Files the page saves (the CSV export), built from parts: each chunk the core writes is
// copied out of wasm memory into a Uint8Array at once (so the wasm heap never holds the whole
// file), and the finished parts become one Blob, offered as a download through a Blob URL
// and an <a download> click. No network: the Blob URL is the page's own. wasm/js_download_sink.cpp
// calls these.
(function installFileDownloads(module) {
  'use strict';
  const open = new Map(); // id -> {name, type, parts, bytes}
  let nextId = 1;
  // The latest finished download, for tests and scripts: {name, type, bytes, blob}.
  let last = null;

  module.slDownloads = {
    begin(name, type) {
      const id = nextId++;
      open.set(id, { name, type, parts: [], bytes: 0 });
      return id;
    },
    write(id, view) {
      const d = open.get(id);
      if (!d) return;
      d.parts.push(view.slice()); // a copy: the view points into wasm memory, reused next chunk
      d.bytes += view.length;
    },
    finish(id) {
      const d = open.get(id);
      if (!d) return;
      open.delete(id);
      const blob = new Blob(d.parts, { type: d.type });
      last = { name: d.name, type: d.type, bytes: d.bytes, blob };
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = d.name;
      a.style.display = 'none';
      document.body.appendChild(a);
      a.click();
      a.remove();
      // The browser has read the URL once the click is handled; keep it a while for slow saves.
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    },
    abort(id) { open.delete(id); },
    // Downloads being written (an export in progress), for tests.
    openCount() { return open.size; },
  };

  const api = globalThis.sightline = globalThis.sightline || {};
  // Extra: the latest file the page saved, {name, type, bytes, text} (text read from the Blob),
  // or null. Tests compare it with exportCsv().
  // Decoded with the byte order mark kept (Blob.text() would drop it), so it compares as saved.
  api.lastDownload = () => {
    if (!last) return Promise.resolve(null);
    const saved = last;
    return saved.blob.arrayBuffer().then((buffer) => ({ name: saved.name, type: saved.type, bytes: saved.bytes,
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(buffer) }));
  };
})(Module);
