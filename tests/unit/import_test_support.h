// Helpers for the importer tests: read fixtures, import bytes in chunks of a given size into a
// fresh store, and render every stored row (ordered by time, id) as JSON lines.
#pragma once

#include <doctest/doctest.h>

#include "api/activity_json.h"
#include "import/file_importer.h"
#include "store/activity_store.h"
#include "store/kept_chunks.h"
#include "store/sqlite_handle.h"

#include <sqlite3.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace sightline::test {

inline std::string read_fixture(const std::string& name) {
    std::ifstream in(std::string(SIGHTLINE_FIXTURES_DIR) + "/import/" + name, std::ios::binary);
    INFO("fixture: ", name);
    REQUIRE(in.good());
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline std::string stored_rows_jsonl(ActivityStore& store) {
    Statement st = prepare(store.db(), "SELECT rowid FROM activities ORDER BY time, id");
    std::vector<int64_t> rowids;
    while (step_row(store.db(), st.get())) rowids.push_back(sqlite3_column_int64(st.get(), 0));
    std::string out;
    for (const Activity& a : store.read(rowids, true)) out += activity_to_json(a, true) + "\n";
    return out;
}

struct ImportResult {
    FileImportReport report;
    std::string rows; // JSON lines
    size_t raw_memory_bytes = 0; // the store's own memory for raw records (RawRecords::memory_bytes)
};

// Where the raw records go: kept in the file's chunks, as the page and the CLI do, or copied.
enum class RawKeeping { InFile, Copied };

// chunk == 0: the whole input in one feed.
inline ImportResult import_bytes(const std::string& name, const std::string& bytes, size_t chunk = 0,
                                 ImportOptions options = {}, RawKeeping keeping = RawKeeping::InFile) {
    KeptChunks kept;
    ActivityStore store;
    store.use_kept_sources(&kept);
    if (keeping == RawKeeping::InFile) options.kept_source = kept.open();
    ImportResult result;
    {
        ActivityWriter writer(store);
        FileImporter importer(name, writer, options);
        const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
        const size_t step = chunk == 0 ? std::max<size_t>(bytes.size(), 1) : chunk;
        for (size_t i = 0; i < bytes.size(); i += step) {
            const std::span<const uint8_t> piece(data + i, std::min(step, bytes.size() - i));
            if (options.kept_source) kept.append(options.kept_source, piece);
            importer.feed(piece);
        }
        importer.finish();
        if (!importer.failed()) writer.commit();
        result.report = importer.report();
    }
    result.rows = stored_rows_jsonl(store);
    result.raw_memory_bytes = store.raw_records().memory_bytes();
    return result;
}

inline ImportResult import_fixture(const std::string& name, size_t chunk = 0, ImportOptions options = {}) {
    return import_bytes(name, read_fixture(name), chunk, std::move(options));
}

// Two reports of one file agree in every count and in every error (line, offset, message).
inline void check_same_report(const FileImportReport& a, const FileImportReport& b) {
    CHECK(a.name == b.name);
    CHECK(a.format == b.format);
    CHECK(a.rows == b.rows);
    CHECK(a.repaired == b.repaired);
    CHECK(a.skipped == b.skipped);
    CHECK(a.duplicates == b.duplicates);
    CHECK(a.fatal_error == b.fatal_error);
    CHECK(a.issue_count == b.issue_count);
    CHECK(a.bytes == b.bytes);
    CHECK(a.mapping_json == b.mapping_json);
    REQUIRE(a.errors.size() == b.errors.size());
    for (size_t i = 0; i < a.errors.size(); ++i) {
        CHECK(a.errors[i].line == b.errors[i].line);
        CHECK(a.errors[i].byte_offset == b.errors[i].byte_offset);
        CHECK(a.errors[i].message == b.errors[i].message);
    }
}

} // namespace sightline::test
