// The page's parse worker: a second, small wasm module (no UI, no store) that reads a file's
// chunks with the same FileImporter as the page's thread, into a ParsedRowsEncoder
// (import/parsed_rows.h). wasm/js/parse_worker.js posts the encoded rows to the page's thread,
// which stores them (app/parsed_file_replay.h) while this reads the next chunk.
//
// One file at a time. A file in no known format is handed back unread (slp_feed returns 1):
// its column mapping needs the analyst and the remembered mappings, which live on the page.
#include "import/file_importer.h"
#include "import/parsed_rows.h"

#include <emscripten.h>

#include <cstdint>
#include <exception>
#include <memory>
#include <span>
#include <string>

namespace {

std::unique_ptr<sightline::ParsedRowsEncoder> g_rows;
std::unique_ptr<sightline::FileImporter> g_file;
std::string g_error;

constexpr int kGoOn = 0;
constexpr int kHandedBack = 1;
constexpr int kFailed = -1;

template <typename Step>
int guarded(Step step) {
    try {
        return step();
    } catch (const std::exception& e) {
        g_error = e.what();
    } catch (...) {
        g_error = "unknown error";
    }
    g_file.reset();
    return kFailed;
}

} // namespace

extern "C" {

// Starts reading a file whose chunks lie in `kept_source` on the page (store/kept_sources.h).
EMSCRIPTEN_KEEPALIVE int slp_begin(const char* name, uint32_t kept_source) {
    return guarded([&] {
        g_file.reset();
        g_rows = std::make_unique<sightline::ParsedRowsEncoder>();
        sightline::ImportOptions options;
        options.kept_source = kept_source;
        options.stop_at_unknown_format = true;
        g_file = std::make_unique<sightline::FileImporter>(name, *g_rows, options);
        return kGoOn;
    });
}

// Reads a chunk: kGoOn, kHandedBack (no known format: nothing was read), or kFailed.
EMSCRIPTEN_KEEPALIVE int slp_feed(const uint8_t* data, int size) {
    return guarded([&] {
        if (!g_file) throw std::logic_error("slp_feed with no file begun");
        // The chunk's bytes count as read before its rows, which the page stores in several
        // slices when they are many: its progress bar moves as the rows start to arrive.
        g_rows->add_progress(g_file->report().bytes + size);
        g_file->feed(std::span<const uint8_t>(data, static_cast<size_t>(size)));
        if (g_file->stopped_at_unknown_format()) return kHandedBack;
        return kGoOn;
    });
}

// Ends the file: its last rows and its report follow in the rows.
EMSCRIPTEN_KEEPALIVE int slp_finish() {
    return guarded([&] {
        if (!g_file) throw std::logic_error("slp_finish with no file begun");
        g_file->finish();
        if (g_file->stopped_at_unknown_format()) return kHandedBack;
        g_rows->add_report(g_file->report());
        g_file.reset();
        return kGoOn;
    });
}

// The rows encoded since the last slp_rows_clear().
EMSCRIPTEN_KEEPALIVE const char* slp_rows_data() { return g_rows ? g_rows->bytes().data() : nullptr; }
EMSCRIPTEN_KEEPALIVE int slp_rows_size() { return g_rows ? static_cast<int>(g_rows->bytes().size()) : 0; }
EMSCRIPTEN_KEEPALIVE void slp_rows_clear() {
    if (g_rows) g_rows->clear();
}

EMSCRIPTEN_KEEPALIVE const char* slp_error() { return g_error.c_str(); }

} // extern "C"
