// KeptSources (src/store/kept_sources.h) over wasm/js/kept_sources.js: the chunks the page read
// stay in JavaScript, and records are copied into wasm memory only when read. (The page's
// workTimes() reads the kept total from JavaScript directly.)
#pragma once

#include "store/kept_sources.h"

namespace sightline {

class JsKeptSources final : public KeptSources {
public:
    void read(uint32_t source, uint64_t offset, size_t size, char* out) const override;
    void release(uint32_t source) override;
};

} // namespace sightline
