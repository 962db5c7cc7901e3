// A file's bytes in chunks, for file_loading.js: a File or Blob is streamed (never held twice in
// memory) and a .gz file decompressed on the way with the browser's DecompressionStream; bytes
// the caller already holds (load() with a Uint8Array) are cut in place, uncopied. The size of
// each chunk is asked for as it is cut, so the reader can size them by the time they take.
(function installFileChunks(module) {
  'use strict';

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

  // Bytes the caller already holds are cut in place, uncopied.
  function* chunksOfBytes(bytes, chunkSize) {
    for (let offset = 0; offset < bytes.length;) {
      const size = chunkSize();
      yield bytes.subarray(offset, offset + size);
      offset += size;
    }
  }

  module.slFileChunks = {
    // An async iterator of the content of `file` ({name, blob} or {name, bytes}).
    of(file, chunkSize) {
      // Compressed bytes go through a Blob to reach the browser's decompressor.
      const source = file.bytes && !isGzip(file.name, file.bytes.subarray(0, 2))
        ? chunksOfBytes(file.bytes, chunkSize)
        : chunksOf(file.blob || new Blob([file.bytes]), file.name, chunkSize);
      return source[Symbol.asyncIterator] ? source[Symbol.asyncIterator]() : source;
    },
  };
})(Module);
