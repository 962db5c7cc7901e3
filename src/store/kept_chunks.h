// KeptSources in this process's memory: the chunks an import read, kept as they were fed
// (sightline-cli's reads). The page keeps its chunks in JavaScript instead (wasm/js/kept_sources.js),
// by the same rules.
#pragma once

#include "store/kept_sources.h"

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace sightline {

class KeptChunks final : public KeptSources {
public:
    // A new source, for one file; sources are numbered from 1.
    uint32_t open();
    // The file's next bytes, after those appended before.
    void append(uint32_t source, std::span<const uint8_t> bytes);

    void read(uint32_t source, uint64_t offset, size_t size, char* out) const override;
    void release(uint32_t source) override;
    // What is kept, for tests: the bytes of every source, and how many sources.
    uint64_t bytes_kept() const;
    size_t sources() const { return sources_.size(); }

private:
    struct Source {
        std::vector<std::string> chunks;
        std::vector<uint64_t> starts; // each chunk's offset in the file
        uint64_t size = 0;
    };
    std::map<uint32_t, Source> sources_;
    uint32_t next_ = 1;
};

} // namespace sightline
