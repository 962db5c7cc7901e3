// A file read by the page's parse worker and stored on the page's thread: its rows arrive
// encoded (import/parsed_rows.h) and go into the batch's ActivityWriter; the report that follows
// them is the worker's, with the counts only the store knows (rows added, duplicates).
#pragma once

#include "import/import_report.h"
#include "import/parsed_rows.h"
#include "store/activity_store.h"

#include <chrono>
#include <cstdint>
#include <span>
#include <string>

namespace sightline {

class ParsedFileReplay {
public:
    // Holds `kept_source` (0: none), where the worker's kept rows lie.
    ParsedFileReplay(std::string name, ActivityWriter& writer, uint32_t kept_source);

    using Clock = std::chrono::steady_clock;
    // Stores the rows in `bytes` until `deadline`, so that a page can draw frames between
    // slices of a large piece. Returns the bytes used, whole entries; the caller passes the rest
    // again. Throws std::runtime_error, naming the file, on bytes no encoder wrote.
    size_t add(std::span<const uint8_t> bytes, Clock::time_point deadline = Clock::time_point::max());
    // The report has come: the file is done.
    bool ended() const { return ended_; }
    // The worker handed the file back (no known format): the page's thread reads it instead.
    bool handed_back() const { return handed_back_; }
    // The file's report: so far (rows, bytes read), then, once ended, the whole of it.
    const FileImportReport& report() const { return report_; }

private:
    size_t add_until(std::span<const uint8_t> bytes, Clock::time_point deadline);
    void store_row(const ParsedRowsDecoder& rows);
    void end(FileImportReport worker_report);

    ActivityWriter& writer_;
    FileImportReport report_;
    std::string store_error_; // the store refused a row: the file stops there, as FileImporter does
    bool ended_ = false;
    bool handed_back_ = false;
};

} // namespace sightline
