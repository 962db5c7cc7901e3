// CsvReader: RFC 4180 quoting, line breaks of every kind, and chunk boundaries anywhere.
#include "import/csv_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace sightline;

namespace {

struct ReadRecord {
    std::vector<std::string> fields;
    std::string text;
    int64_t line;
    int64_t offset;
    bool unterminated;
    bool operator==(const ReadRecord&) const = default;
};

std::vector<ReadRecord> read_csv(const std::string& input, size_t chunk, char delimiter = ',') {
    std::vector<ReadRecord> out;
    CsvReader reader(
        [&](const CsvRecord& r) {
            out.push_back({std::vector<std::string>(r.fields.begin(), r.fields.end()), std::string(r.text), r.line,
                           r.byte_offset, r.unterminated_quote});
        },
        delimiter);
    for (size_t i = 0; i < input.size(); i += chunk) reader.feed(std::string_view(input).substr(i, chunk));
    reader.finish();
    return out;
}

// Every chunk size gives the same records as reading the whole input at once.
std::vector<ReadRecord> read_all_ways(const std::string& input, char delimiter = ',') {
    const std::vector<ReadRecord> whole = read_csv(input, input.size() + 1, delimiter);
    for (size_t chunk : {1, 2, 3, 7, 64}) CHECK(read_csv(input, chunk, delimiter) == whole);
    return whole;
}

} // namespace

TEST_CASE("Import CSV reader: plain rows with LF and CRLF") {
    auto rows = read_all_ways("a,b,c\n1,2,3\r\n4,,6");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].fields == std::vector<std::string>{"a", "b", "c"});
    CHECK(rows[1].fields == std::vector<std::string>{"1", "2", "3"});
    CHECK(rows[1].text == "1,2,3");
    CHECK(rows[1].line == 2);
    CHECK(rows[1].offset == 6);
    CHECK(rows[2].fields == std::vector<std::string>{"4", "", "6"});
    CHECK(rows[2].line == 3);
}

TEST_CASE("Import CSV reader: quoted fields with delimiters, doubled quotes and line breaks") {
    auto rows = read_all_ways("x,y\n\"a,b\",\"say \"\"hi\"\"\"\n\"multi\r\nline\",z\nnext,row\n");
    REQUIRE(rows.size() == 4);
    CHECK(rows[1].fields == std::vector<std::string>{"a,b", "say \"hi\""});
    CHECK(rows[2].fields == std::vector<std::string>{"multi\r\nline", "z"});
    CHECK(rows[2].line == 3);
    CHECK(rows[3].line == 5);
    CHECK(rows[3].text == "next,row");
}

TEST_CASE("Import CSV reader: empty fields, blank lines and a trailing delimiter") {
    auto rows = read_all_ways("a,\n\n,b,\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].fields == std::vector<std::string>{"a", ""});
    CHECK(rows[1].fields == std::vector<std::string>{""});
    CHECK(rows[2].fields == std::vector<std::string>{"", "b", ""});
}

TEST_CASE("Import CSV reader: text after a closing quote is kept") {
    auto rows = read_all_ways("\"ab\"cd,e\n");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].fields == std::vector<std::string>{"abcd", "e"});
}

TEST_CASE("Import CSV reader: an unclosed quote at the end is read as text, so later lines survive") {
    auto rows = read_all_ways("h1,h2\n\"open,x\nnext,y\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].fields == std::vector<std::string>{"open", "x"});
    CHECK(rows[1].unterminated);
    CHECK(rows[1].line == 2);
    CHECK(rows[2].fields == std::vector<std::string>{"next", "y"});
    CHECK_FALSE(rows[2].unterminated);
    CHECK(rows[2].line == 3);
}

TEST_CASE("Import CSV reader: other delimiters and a lone CR line break") {
    auto rows = read_all_ways("a;b\r1;\"2;3\"\r", ';');
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].fields == std::vector<std::string>{"1", "2;3"});
}

TEST_CASE("Import CSV reader: a 10 MB field, fed in small chunks") {
    const std::string big(10 << 20, 'x');
    const std::string input = "a,b\n\"" + big + "\",2\n";
    std::vector<ReadRecord> rows = read_csv(input, 4096);
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].fields[0].size() == big.size());
    CHECK(rows[1].fields[1] == "2");
}
