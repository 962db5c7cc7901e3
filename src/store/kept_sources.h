// The files an import read, kept whole where they already are, so that the store need not copy
// each activity's original record: a record read byte for byte from a file is found again at its
// offset in that file. In the page the files' chunks stay in JavaScript memory (the arrays the
// file was read into, wasm/js/kept_sources.js); the CLI keeps its own reads (store/kept_chunks.h).
//
// Why: the original records are nearly all of a file's bytes. Copying them into fresh wasm
// memory was a quarter of the page's import time (1M rows: 3 of 11 s), spent mostly on the
// first touch of each new page, and it held the file's size a second time.
//
// A source is a number the keeper hands out per file. RawRecords (store/raw_records.h) counts
// the records that lie in each source it holds and releases a source once none is left.
#pragma once

#include <cstddef>
#include <cstdint>

namespace sightline {

class KeptSources {
public:
    virtual ~KeptSources() = default;
    // Copies `size` bytes of `source`, starting at `offset`, to `out`. The bytes must be there:
    // a source holds everything fed to the import from its file.
    virtual void read(uint32_t source, uint64_t offset, size_t size, char* out) const = 0;
    // No record refers to `source` any more: its bytes may go.
    virtual void release(uint32_t source) = 0;
};

// Where a record lies in a kept source.
struct KeptAt {
    uint32_t source = 0;
    uint64_t offset = 0;
};

} // namespace sightline
