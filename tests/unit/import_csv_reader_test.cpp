// CsvReader: RFC 4180 quoting, line breaks of every kind, and chunk boundaries anywhere.
#include "import/csv_reader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
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

// Records written the way exporters write them (quoted when needed or at random, doubled
// quotes, line breaks inside values, LF or CRLF between records) read back as they were, with
// the line and offset where each starts, however the text is cut into chunks.
TEST_CASE("Import CSV reader: random well-formed CSV reads back exactly, in any chunks") {
    std::mt19937 rng(23);
    const std::string alphabet = "ab ,\"\n\r{}:\xc3\xa9";
    for (int round = 0; round < 300; ++round) {
        std::vector<std::vector<std::string>> records(1 + rng() % 6);
        std::string input;
        std::vector<int64_t> offsets, lines(records.size());
        for (auto& fields : records) {
            offsets.push_back(static_cast<int64_t>(input.size()));
            fields.resize(1 + rng() % 5);
            for (size_t f = 0; f < fields.size(); ++f) {
                for (size_t n = rng() % 30; n > 0; --n) fields[f] += alphabet[rng() % alphabet.size()];
                const bool needs_quotes = fields[f].find_first_of(",\"\r\n") != std::string::npos ||
                                          (fields.size() == 1 && fields[f].empty());
                if (f) input += ',';
                if (needs_quotes || rng() % 4 == 0) {
                    input += '"';
                    for (char c : fields[f]) input += c == '"' ? std::string("\"\"") : std::string(1, c);
                    input += '"';
                } else {
                    input += fields[f];
                }
            }
            input += rng() % 2 ? "\n" : "\r\n";
        }
        // Lines as an editor numbers them; a lone CR inside a value does not start one.
        for (size_t r = 0; r < records.size(); ++r)
            lines[r] = 1 + std::count(input.begin(), input.begin() + offsets[r], '\n');
        INFO("round " << round << ": " << input);
        for (size_t chunk : {input.size() + 1, size_t{1}, size_t{5}, size_t{8}, size_t{9}, size_t{33}}) {
            const std::vector<ReadRecord> read = read_csv(input, chunk);
            REQUIRE(read.size() == records.size());
            for (size_t r = 0; r < records.size(); ++r) {
                CHECK(read[r].fields == records[r]);
                CHECK(read[r].offset == offsets[r]);
                CHECK(read[r].line == lines[r]);
                CHECK_FALSE(read[r].unterminated);
            }
        }
    }
}

TEST_CASE("Import CSV reader: columns left escaped are handed out as in the file, in rows of the header's width") {
    std::vector<std::vector<std::string>> rows;
    CsvReader reader([&](const CsvRecord& r) { rows.emplace_back(r.fields.begin(), r.fields.end()); });
    reader.leave_escaped({false, true, false});
    reader.feed("\"a\"\"1\",\"b\"\"2\",\"c\"\"3\"\n");            // three fields: the middle one stays as it is
    reader.feed("\"a\"\"1\",\"b\"\"2\",\"c\"\"3\",\"d\"\"4\"\n"); // four: every field unescaped
    reader.finish();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == std::vector<std::string>{"a\"1", "\"b\"\"2\"", "c\"3"});
    CHECK(rows[1] == std::vector<std::string>{"a\"1", "b\"2", "c\"3", "d\"4"});
}
