#include "js_kept_sources.h"

#include <emscripten.h>

namespace {

// Pointers and sizes arrive as signed 32-bit numbers: `>>> 0` reads those over 2 GB right.
EM_JS(void, sl_js_kept_read, (uint32_t source, double offset, size_t size, char* out), {
    Module.slKeptSources.read(source >>> 0, offset, size >>> 0, HEAPU8, out >>> 0);
});
EM_JS(void, sl_js_kept_release, (uint32_t source), { Module.slKeptSources.release(source >>> 0); });

} // namespace

namespace sightline {

void JsKeptSources::read(uint32_t source, uint64_t offset, size_t size, char* out) const {
    sl_js_kept_read(source, static_cast<double>(offset), size, out);
}

void JsKeptSources::release(uint32_t source) { sl_js_kept_release(source); }

} // namespace sightline
