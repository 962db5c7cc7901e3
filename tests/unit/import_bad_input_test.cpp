// Bad input: each case gives a precise message (line or byte offset and reason) and keeps
// every row that could be read, whatever the chunk size.
#include <doctest/doctest.h>

#include "import_test_support.h"

using namespace sightline;
using namespace sightline::test;

namespace {

bool has_issue(const FileImportReport& report, const std::string& text, int64_t line = -1) {
    for (const ImportIssue& issue : report.errors)
        if (issue.message.find(text) != std::string::npos && (line < 0 || issue.line == line)) return true;
    return false;
}

ImportResult import_same_every_way(const std::string& fixture) {
    ImportResult whole = import_fixture(fixture);
    for (size_t chunk : {1, 7}) {
        ImportResult chunked = import_fixture(fixture, chunk);
        CHECK(chunked.rows == whole.rows);
        CHECK(chunked.report.fatal_error == whole.report.fatal_error);
        CHECK(chunked.report.skipped == whole.report.skipped);
        REQUIRE(chunked.report.errors.size() == whole.report.errors.size());
        for (size_t i = 0; i < whole.report.errors.size(); ++i) {
            CHECK(chunked.report.errors[i].message == whole.report.errors[i].message);
            CHECK(chunked.report.errors[i].line == whole.report.errors[i].line);
            CHECK(chunked.report.errors[i].byte_offset == whole.report.errors[i].byte_offset);
        }
    }
    return whole;
}

} // namespace

TEST_CASE("Import refuses empty, blank, binary, gzip and unknown files with a reason") {
    CHECK(import_same_every_way("empty.csv").report.fatal_error == "empty file (0 bytes)");
    CHECK(import_same_every_way("whitespace_only.csv").report.fatal_error == "file holds no data (only whitespace)");
    ImportResult binary = import_same_every_way("binary.bin");
    CHECK(binary.report.fatal_error.find("binary data") == 0);
    CHECK(binary.report.format == "unknown");
    CHECK(import_same_every_way("compressed.csv.gz").report.fatal_error == "gzip-compressed data: decompress first");
    ImportResult unknown = import_same_every_way("unknown_format.txt");
    CHECK(unknown.report.fatal_error.find("unknown format") == 0);
    CHECK(unknown.report.format == "unknown");
    CHECK(unknown.rows.empty());
}

TEST_CASE("Import ragged rows: short rows padded, extra fields ignored, unreadable dates skipped") {
    ImportResult r = import_same_every_way("ragged.csv");
    CHECK(r.report.rows == 2);
    CHECK(r.report.skipped == 2);
    CHECK(has_issue(r.report, "row has 3 of 5 fields", 3));
    CHECK(has_issue(r.report, "row has 7 fields, the header 5", 4));
    CHECK(has_issue(r.report, "unreadable date 'not a date'", 5));
}

TEST_CASE("Import invalid UTF-8: replaced with U+FFFD, noted once with the first line") {
    ImportResult r = import_same_every_way("invalid_utf8.csv");
    CHECK(r.report.rows == 3);
    REQUIRE(r.report.errors.size() == 1);
    CHECK(r.report.errors[0].line == 3);
    CHECK(r.report.errors[0].byte_offset == 94);
    CHECK(r.rows.find("b\xEF\xBF\xBDob@contoso.com") != std::string::npos);
    CHECK(r.rows.find("Box \xE2\x82\xAC") != std::string::npos); // valid multi-byte text is untouched
}

TEST_CASE("Import a CSV cut inside a quoted value keeps the rows") {
    ImportResult r = import_same_every_way("truncated_last_record.csv");
    CHECK(r.report.rows == 2);
    CHECK(r.report.repaired == 1);
    CHECK(has_issue(r.report, "never closed", 3));
}

TEST_CASE("Import a JSON file cut off keeps the complete records and says where") {
    ImportResult r = import_same_every_way("truncated.json");
    CHECK(r.report.rows == 2);
    CHECK(r.report.skipped == 1);
    CHECK(r.report.fatal_error.empty());
    CHECK(has_issue(r.report, "JSON cut off at byte 1938"));
}

TEST_CASE("Import JSON Lines with a broken line skips only that line") {
    ImportResult r = import_same_every_way("bad_json_line.jsonl");
    CHECK(r.report.rows == 2);
    CHECK(r.report.skipped == 1);
    CHECK(has_issue(r.report, "incomplete JSON record on line 2", 2));
}

TEST_CASE("Import a Defender CSV with a single 10 MB field") {
    const std::string big(10 << 20, 'd');
    const std::string csv = "Activity,User,App,Date,Event ID\n\"Download file: " + big +
                            "\",alice@contoso.com,Box,2024-03-01T08:00:00Z,big-1\nLog on,bob@contoso.com,Box,2024-03-01T09:00:00Z,big-2\n";
    for (size_t chunk : {size_t{1} << 20, size_t{4096}}) {
        ImportResult r = import_bytes("big_field.csv", csv, chunk);
        CHECK(r.report.rows == 2);
        CHECK(r.report.errors.empty());
        CHECK(r.rows.size() > big.size());
    }
}

TEST_CASE("Import: a failed file leaves what was loaded intact") {
    ActivityStore store;
    {
        ActivityWriter writer(store);
        FileImporter importer("canonical.csv", writer);
        const std::string bytes = read_fixture("canonical.csv");
        importer.feed(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
        importer.finish();
        writer.commit();
    }
    {
        ActivityWriter writer(store);
        FileImporter importer("unknown_format.txt", writer);
        const std::string bytes = read_fixture("unknown_format.txt");
        importer.feed(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
        importer.finish();
        CHECK(importer.failed());
    } // no commit: rolled back
    CHECK(store.count() == 2);
}
