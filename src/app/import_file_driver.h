// Drives an ImportSession through one file natively, as the page's JavaScript does in the
// browser (wasm/js/file_loading.js): the bytes are read in chunks and either fed on this thread or
// passed through the parse worker's protocol (ParseWorkerFile, run in this thread, whose encoded
// output the session replays), and a file the worker hands back is fed again from its first byte.
// sightline-cli and the tests use it, so the whole import path, protocol included, is covered
// outside the browser.
#pragma once

#include "app/import_session.h"
#include "store/kept_chunks.h"

#include <cstdint>
#include <functional>
#include <span>
#include <string>

namespace sightline {

struct FileDriveOptions {
    // Fills the buffer with the file's next bytes and returns how many; 0 at its end.
    std::function<size_t(std::span<uint8_t> buffer)> read;
    size_t chunk_bytes = 1 << 20;
    // Read through the parse worker's protocol (ImportFileOptions::worker_available).
    bool via_worker_protocol = false;
    // Keeps the file's chunks as the page does (records read byte for byte are stored as places
    // in them); null: none.
    KeptChunks* kept = nullptr;
    ColumnMapping mapping;
    bool ask_for_mapping = false;
    // Called while the session waits for a column mapping; it must answer (confirm, skip, or
    // request a cancel). Without one, a file that asks is skipped.
    std::function<void(ImportSession&)> answer_mapping;
};

struct FileDriveResult {
    ImportState state;   // after the file: FileDone, Cancelled or Failed
    bool read_in_worker; // the worker's output was stored to the file's end (not handed back)
};

FileDriveResult drive_file(ImportSession& session, std::string name, FileDriveOptions options);

} // namespace sightline
