// Remembered column mappings: how headers are compared, what find() hands back, and the JSON
// form the page keeps in localStorage (round trip, bad input).
#include "import/column_mapping_json.h"
#include "import/column_mapping_memory.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace sightline;

namespace {

const std::vector<std::string> kHeader = {"When", "Who", "Mailbox", "Where From", "Action"};
const ColumnMapping kMapping = {{"user", "Mailbox"}, {"time", "When"}, {"ip", "Where From"}};

} // namespace

TEST_CASE("header names are compared trimmed, ignoring ASCII case and runs of spaces") {
    CHECK(normalized_column_name("  Client   IP ") == "client ip");
    CHECK(normalized_column_name("\xEF\xBB\xBFWhen") == "when");
    CHECK(normalized_column_name("Client\tIP") == "client ip");
    CHECK(normalized_column_name("ClientIP") == "clientip"); // words stay words: not the same column
    CHECK(header_identity({"When", "Who"}) == header_identity({" when", "WHO "}));
    CHECK(header_identity({"When", "Who"}) != header_identity({"Who", "When"})); // order is the layout
    CHECK(header_identity({"When", "Who"}) != header_identity({"When", "Who", "What"}));
    CHECK(header_identity({"a b", "c"}) != header_identity({"a", "b c"}));
}

TEST_CASE("a remembered mapping is found for the same header, spelt as the new file spells it") {
    ColumnMappingMemory memory;
    CHECK_FALSE(memory.find(kHeader));
    memory.remember(kHeader, kMapping, "first.csv");
    auto found = memory.find({"WHEN", "who", "mailbox", "where  from", "action"});
    REQUIRE(found);
    CHECK(found->file_name == "first.csv");
    // Canonical field order, and this header's spelling (make_mapped_table_format looks names up exactly).
    const ColumnMapping expected = {{"time", "WHEN"}, {"user", "mailbox"}, {"ip", "where  from"}};
    CHECK(found->mapping == expected);
    CHECK_FALSE(memory.find({"When", "Who", "Mailbox", "Where From"}));
}

TEST_CASE("remembering a header again replaces its mapping and makes it the newest") {
    ColumnMappingMemory memory;
    memory.remember(kHeader, kMapping, "first.csv");
    memory.remember({"time", "x"}, {{"time", "time"}}, "other.csv");
    memory.remember(kHeader, {{"time", "When"}, {"user", "Who"}}, "second.csv");
    CHECK(memory.size() == 2);
    auto found = memory.find(kHeader);
    REQUIRE(found);
    CHECK(found->file_name == "second.csv");
    CHECK(mapped_column(found->mapping, "user") == "Who");
    CHECK(mapped_column(found->mapping, "ip").empty());
    CHECK(memory.to_json().find("second.csv") < memory.to_json().find("other.csv")); // newest first
}

TEST_CASE("the memory keeps at most kMaxEntries headers, dropping the oldest") {
    ColumnMappingMemory memory;
    for (size_t i = 0; i <= ColumnMappingMemory::kMaxEntries; ++i) {
        std::string column = "column ";
        column += std::to_string(i); // ("column " + std::to_string(i) trips a false GCC 12 -Wrestrict)
        memory.remember({"time", column}, {{"time", "time"}}, column);
    }
    CHECK(memory.size() == ColumnMappingMemory::kMaxEntries);
    CHECK_FALSE(memory.find({"time", "column 0"}));
    CHECK(memory.find({"time", "column 1"}));
}

TEST_CASE("remembered mappings survive the JSON round trip used for localStorage") {
    ColumnMappingMemory memory;
    memory.remember(kHeader, kMapping, "first.csv");
    memory.remember({"ts", "account"}, {{"time", "ts"}, {"user", "account"}}, "second.jsonl");
    const std::string json = memory.to_json();
    CHECK(json.rfind(R"({"version":1,"mappings":[{"columns":["ts","account"],"mapping":{"time":"ts","user":"account"},"file":"second.jsonl"})", 0) == 0);
    ColumnMappingMemoryLoad loaded = ColumnMappingMemory::from_json(json);
    CHECK(loaded.error.empty());
    CHECK(loaded.memory.to_json() == json);
    REQUIRE(loaded.memory.find(kHeader));
    CHECK(loaded.memory.find(kHeader)->file_name == "first.csv");
}

TEST_CASE("bad stored mappings give an error, never a crash; good entries still load") {
    CHECK(ColumnMappingMemory::from_json("").error.empty());
    for (const char* bad : {"{not json", "[]", R"({"mappings": 3})", R"({"version": 99, "mappings": []})"}) {
        ColumnMappingMemoryLoad loaded = ColumnMappingMemory::from_json(bad);
        CHECK_FALSE(loaded.error.empty());
        CHECK(loaded.memory.size() == 0);
    }
    ColumnMappingMemoryLoad loaded = ColumnMappingMemory::from_json(R"({"version": 1, "mappings": [
        {"columns": ["a", "b"], "mapping": {"user": "b"}},
        {"columns": ["a", 7], "mapping": {"time": "a"}},
        {"columns": ["a", "b"], "mapping": {"colour": "a", "time": "a"}},
        {"columns": ["t", "u"], "mapping": {"time": "t", "user": "u"}, "file": "ok.csv"}]})");
    CHECK(loaded.memory.size() == 1);
    CHECK(loaded.error.find("mapping 1 skipped: no column is mapped to time") != std::string::npos);
    CHECK(loaded.error.find("mapping 2 skipped: a column name is not text") != std::string::npos);
    CHECK(loaded.error.find("mapping 3 skipped: 'colour' is not a field") != std::string::npos);
    CHECK(loaded.memory.find({"T", "U"}));
}

TEST_CASE("a mapping's JSON form: fields checked, null and empty mean none, canonical order") {
    std::string error;
    auto mapping = column_mapping_from_json_text(R"({"user": "Who", "ip": null, "app": "", "time": "When"})", error);
    REQUIRE(mapping);
    CHECK(column_mapping_to_json(*mapping) == R"({"time":"When","user":"Who"})");
    CHECK_FALSE(column_mapping_from_json_text(R"({"user": "Who"})", error));
    CHECK(error.find("time") != std::string::npos);
    CHECK_FALSE(column_mapping_from_json_text(R"({"time": "When", "source": "x"})", error));
    CHECK(error == "'source' is not a field a column can be mapped to");
    CHECK_FALSE(column_mapping_from_json_text(R"({"time": "When", "comment": "x"})", error)); // marks stay the analyst's
    CHECK_FALSE(column_mapping_from_json_text(R"({"time": 3})", error));
    CHECK_FALSE(column_mapping_from_json_text(R"(["time"])", error));
    CHECK_FALSE(column_mapping_from_json_text("{", error));
}
