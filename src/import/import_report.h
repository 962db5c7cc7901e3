// What one file's import produced: counts, the detected format, the column mapping used, and
// the problems found (with where in the file), as the `load` call and the CLI report them.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sightline {

struct ImportIssue {
    int64_t line = 0;        // 1-based line of the record in the file, 0 when not known
    int64_t byte_offset = 0; // offset of the record in the file (import/file_offsets.h)
    std::string message;
};

struct FileImportReport {
    std::string name, format;        // format: "" until detected; "unknown" if none
    int64_t rows = 0;                // activities added to the store
    int64_t repaired = 0;            // rows kept after fixing their shape (unquoted commas, ragged rows)
    int64_t skipped = 0;             // records that could not be read (no time, bad JSON, ...)
    int64_t duplicates = 0;          // records whose id was already loaded
    std::string mapping_json;        // guessed/used column mapping (generic CSV/JSONL), else ""
    std::string mapping_source;      // where it came from: guessed, remembered, given (load), chosen (dialog)
    std::vector<ImportIssue> errors; // the first issues (capped), with file line / byte offset
    int64_t issue_count = 0;         // all issues, including those beyond the cap
    std::string fatal_error;         // whole file unreadable: empty, binary, unknown format, ...
    int64_t bytes = 0;               // bytes consumed so far (progress)
};

// One mapping entry: canonical field name -> the file's column (header name or JSON key).
using ColumnMapping = std::vector<std::pair<std::string, std::string>>;

class ColumnMappingMemory;

struct ImportOptions {
    // When set, the file is read as a plain table (CSV or JSON Lines) with this mapping instead
    // of detecting its format (load() with a `mapping`).
    ColumnMapping explicit_mapping;
    // For a file in no known format: the mapping remembered for its header is used instead of
    // a guess. Not owned; may be null.
    const ColumnMappingMemory* remembered_mappings = nullptr;
    // For a file in no known format: wait for the analyst's mapping (FileImporter::mapping_sample)
    // instead of guessing. The UI sets it; load() never asks.
    bool ask_for_mapping = false;
    // For a file in no known format: stop (FileImporter::stopped_at_unknown_format) instead of
    // guessing, remembering or asking. The page's parse worker does, and leaves such a file to
    // the page's thread, which has the analyst and the remembered mappings.
    bool stop_at_unknown_format = false;
    size_t max_reported_issues = 100;
    // A kept source (store/kept_sources.h) that receives every byte fed to this file: records
    // read from it byte for byte are stored as places in it instead of copies. 0: none.
    uint32_t kept_source = 0;
};

} // namespace sightline
