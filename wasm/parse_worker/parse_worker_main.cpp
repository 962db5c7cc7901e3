// The page's parse worker: a second, small wasm module (no UI, no store) that reads a file's
// chunks with the same FileImporter as the page's thread, through ParseWorkerFile
// (import/parse_worker_file.h), into the protocol's encoded rows (import/parse_worker_protocol.h).
// wasm/js/parse_worker.js posts them to the page's thread, whose import session stores them while
// this reads the next chunk.
//
// One file at a time. Each step answers an ImportState: ReadingInWorker (go on), HandedBack (no
// known format: its column mapping needs the analyst and the remembered mappings, which live on
// the page), FileDone (after slp_finish), or Failed (slp_error says why).
#include "import/parse_worker_file.h"
#include "import/parse_worker_protocol.h"

#include <emscripten.h>

#include <cstdint>
#include <exception>
#include <memory>
#include <span>
#include <string>

namespace {

using sightline::ImportState;

std::unique_ptr<sightline::ParseWorkerFile> g_file;
std::string g_error;
const std::string g_no_rows;

int answer(ImportState state) {
    if (state == ImportState::Failed && g_file) g_error = g_file->error();
    return static_cast<int>(state);
}

} // namespace

extern "C" {

// The states' numbers and the messages' names, for parse_worker.js.
EMSCRIPTEN_KEEPALIVE const char* slp_protocol() {
    static const std::string protocol = sightline::import_protocol_json();
    return protocol.c_str();
}

// Starts reading a file whose chunks lie in `kept_source` on the page (store/kept_sources.h).
EMSCRIPTEN_KEEPALIVE int slp_begin(const char* name, uint32_t kept_source) {
    try {
        g_file = std::make_unique<sightline::ParseWorkerFile>(name, kept_source);
        return answer(ImportState::ReadingInWorker);
    } catch (const std::exception& e) {
        g_file.reset();
        g_error = e.what();
        return answer(ImportState::Failed);
    }
}

EMSCRIPTEN_KEEPALIVE int slp_feed(const uint8_t* data, int size) {
    if (!g_file) {
        g_error = "slp_feed with no file begun";
        return answer(ImportState::Failed);
    }
    return answer(g_file->feed(std::span<const uint8_t>(data, static_cast<size_t>(size))));
}

// Ends the file: its last rows and its report follow in the rows.
EMSCRIPTEN_KEEPALIVE int slp_finish() {
    if (!g_file) {
        g_error = "slp_finish with no file begun";
        return answer(ImportState::Failed);
    }
    return answer(g_file->finish());
}

// The rows encoded since the last slp_rows_clear().
EMSCRIPTEN_KEEPALIVE const char* slp_rows_data() { return (g_file ? g_file->rows() : g_no_rows).data(); }
EMSCRIPTEN_KEEPALIVE int slp_rows_size() { return g_file ? static_cast<int>(g_file->rows().size()) : 0; }
EMSCRIPTEN_KEEPALIVE void slp_rows_clear() {
    if (g_file) g_file->clear_rows();
}

EMSCRIPTEN_KEEPALIVE const char* slp_error() { return g_error.c_str(); }

} // extern "C"
