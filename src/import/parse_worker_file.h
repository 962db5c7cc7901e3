// The parse worker's work on one file, whatever runs it: the page's Web Worker
// (wasm/parse_worker/parse_worker_main.cpp) and sightline-cli's --via-worker-protocol. A
// FileImporter reads the file's chunks into a ParsedRowsEncoder; each step answers with the
// protocol's ImportState (import/parse_worker_protocol.h) and leaves its encoded output in
// rows() for the page's thread (app/import_session.h), which stores it.
#pragma once

#include "import/file_importer.h"
#include "import/import_state.h"
#include "import/parsed_rows.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace sightline {

class ParseWorkerFile {
public:
    // Starts reading a file whose chunks are kept in `kept_source` on the page (0: none).
    ParseWorkerFile(std::string name, uint32_t kept_source);

    // Reads a chunk: ReadingInWorker to go on, HandedBack (no known format: the output says so,
    // and nothing of the file was encoded), or Failed (error() says why). Throws nothing.
    ImportState feed(std::span<const uint8_t> chunk);
    // The input has ended: the last rows and the report follow in the output (FileDone), or
    // HandedBack, or Failed.
    ImportState finish();

    // What the steps encoded since the last clear_rows().
    const std::string& rows() const { return rows_.bytes(); }
    void clear_rows() { rows_.clear(); }
    const std::string& error() const { return error_; }

private:
    template <typename Step>
    ImportState guarded(Step step);

    ParsedRowsEncoder rows_;
    std::unique_ptr<FileImporter> file_;
    std::string error_;
};

} // namespace sightline
