// Offsets in the import report are offsets in the file: for UTF-16 files, where the readers'
// decoded UTF-8 text is shorter or longer than the file, they are measured back record by record.
#include "import/file_offsets.h"

#include "import_test_support.h"

#include <doctest/doctest.h>

#include <string>

using namespace sightline;

namespace {

// UTF-16 LE with a BOM, from UTF-8 holding 1- to 4-byte characters.
std::string utf16le(std::string_view utf8) {
    std::string out = "\xFF\xFE";
    auto unit = [&](uint32_t u) { out += static_cast<char>(u & 0xFF); out += static_cast<char>(u >> 8); };
    for (size_t i = 0; i < utf8.size();) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        const int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        uint32_t cp = len == 1 ? b : len == 2 ? b & 0x1F : len == 3 ? b & 0x0F : b & 0x07;
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        i += static_cast<size_t>(len);
        if (cp >= 0x10000) {
            unit(0xD800 + ((cp - 0x10000) >> 10));
            unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out;
}

// Where `needle` starts in the UTF-16 file `file` (its UTF-16 form searched for).
int64_t offset_in(const std::string& file, const std::string& needle) {
    const std::string wide = utf16le(needle).substr(2);
    const size_t at = file.find(wide);
    REQUIRE(at != std::string::npos);
    return static_cast<int64_t>(at);
}

} // namespace

TEST_CASE("FileOffsets: UTF-8 offsets are the text's after the BOM; UTF-16 ones are measured back") {
    TextDecoder clean(TextEncoding::Utf8);
    FileOffsets utf8(clean, TextEncoding::Utf8, 3);
    CHECK(utf8.record(10, "caf\xC3\xA9") == 13);
    CHECK(utf8.in_record("caf") == 16);
    CHECK(utf8.at(40) == 43);

    // Text "é,😀\nab" as UTF-16 LE after a 2-byte BOM: records "é,😀" at 0 and "ab" at 8 (text).
    TextDecoder wide_decoder(TextEncoding::Utf16LE);
    FileOffsets wide(wide_decoder, TextEncoding::Utf16LE, 2);
    CHECK(wide.encoded_size("\xC3\xA9,\xF0\x9F\x98\x80") == 2 + 2 + 4);
    CHECK(wide.record(0, "\xC3\xA9,\xF0\x9F\x98\x80") == 2);
    CHECK(wide.in_record("\xC3\xA9,") == 2 + 4);
    CHECK(wide.record(8, "ab") == 2 + 8 + 2); // the line break between them: one character
    CHECK(wide.at(11) == 2 + 8 + 2 + 4 + 2);
}

TEST_CASE("UTF-16 files: the report's offsets point at the rows in the file") {
    const std::string csv =
        "id,time,app,activity_type,user,ip\n"
        "t-1,2026-11-01T10:00:00Z,Box,Log on,jos\xC3\xA9@contoso.example,10.0.0.1\n"
        "t-2,2026-11-01T11:00:00Z,\"Caf\xC3\xA9 \xF0\x9F\x98\x80\nBox\",Log on,ann@contoso.example,10.0.0.1\n"
        "t-3,not a date,Box,Log on,ann@contoso.example,10.0.0.1\n"
        "t-4,2026-11-01T12:00:00Z,Box,Log on,\xE5\xB1\xB1\xE7\x94\xB0@contoso.example,10.0.0.1\n"
        "t-5,also not a date,Box,Log on,ann@contoso.example,10.0.0.1\n";
    const std::string file = utf16le(csv);
    for (size_t chunk : {size_t{0}, size_t{7}, size_t{64}}) {
        INFO("chunk " << chunk);
        const test::ImportResult r = test::import_bytes("wide.csv", file, chunk);
        CHECK(r.report.rows == 3);
        REQUIRE(r.report.errors.size() == 2);
        CHECK(r.report.errors[0].line == 5);
        CHECK(r.report.errors[0].byte_offset == offset_in(file, "t-3,"));
        CHECK(r.report.errors[1].line == 7);
        CHECK(r.report.errors[1].byte_offset == offset_in(file, "t-5,"));
    }

    const std::string jsonl =
        "{\"id\":\"j-1\",\"time\":\"2026-11-01T10:00:00Z\",\"user\":\"jos\xC3\xA9\"}\n"
        "{\"id\":\"j-2\",\"time\":\"2026-11-01T10:00:00Z\",\"user\":\"\xF0\x9F\x98\x80\", oops}\n";
    const std::string json_file = utf16le(jsonl);
    const test::ImportResult j = test::import_bytes("wide.jsonl", json_file);
    REQUIRE_FALSE(j.report.errors.empty());
    CHECK(j.report.errors[0].byte_offset == offset_in(json_file, "{\"id\":\"j-2\""));
    // rapidjson's position of the error, in the file too.
    CHECK(j.report.errors[0].message.find("at byte " + std::to_string(offset_in(json_file, "oops}"))) !=
          std::string::npos);
}

TEST_CASE("UTF-8 files with invalid bytes: offsets count each replaced byte once, not as U+FFFD's three") {
    const std::string csv =
        "id,time,app,activity_type,user,ip\n"
        "t-1,2026-11-01T10:00:00Z,Bo\xFFx,Log on,ann@contoso.example,10.0.0.1\n"
        "t-2,not a date,Box,Log on,\xC3\xA9\xFE\xFE@contoso.example,10.0.0.1\n"
        "t-3,also not a date,Box,Log on,ann@contoso.example,10.0.0.1\n";
    for (size_t chunk : {size_t{0}, size_t{5}}) {
        INFO("chunk " << chunk);
        const test::ImportResult r = test::import_bytes("bad-bytes.csv", csv, chunk);
        std::vector<int64_t> offsets;
        for (const ImportIssue& issue : r.report.errors)
            if (issue.message.find("date") != std::string::npos) offsets.push_back(issue.byte_offset);
        REQUIRE(offsets.size() == 2);
        CHECK(offsets[0] == static_cast<int64_t>(csv.find("t-2,")));
        CHECK(offsets[1] == static_cast<int64_t>(csv.find("t-3,")));
    }
}
