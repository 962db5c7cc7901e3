#include "export/csv_cell.h"
#include "util/formula_guard.h"

#include <doctest/doctest.h>

using namespace sightline;

TEST_CASE("csv_cell quotes what RFC 4180 requires") {
    CHECK(csv_cell("plain") == "plain");
    CHECK(csv_cell("") == "");
    CHECK(csv_cell("a,b") == "\"a,b\"");
    CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_cell("two\nlines") == "\"two\nlines\"");
    CHECK(csv_cell("cr\rhere") == "\"cr\rhere\"");
}

TEST_CASE("csv_cell neutralises spreadsheet formulas") {
    CHECK(csv_cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_cell("+1") == "'+1");
    CHECK(csv_cell("-2+3") == "'-2+3");
    CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_cell("\tcmd") == "'\tcmd");
    CHECK(csv_cell("a=b") == "a=b");
}

TEST_CASE("csv_row joins with commas and ends with CRLF") {
    CHECK(csv_row({"a", "b,c", "=1"}) == "a,\"b,c\",'=1\r\n");
}

TEST_CASE("csv_cell guards values that start with apostrophes before a formula character, so the guard can come off") {
    CHECK(csv_cell("'=1") == "''=1");
    CHECK(csv_cell("'plain") == "'plain");
    CHECK(csv_cell("'") == "'");
    CHECK(without_formula_guard("''=1") == "'=1");
    CHECK(without_formula_guard("'=1") == "=1");
    CHECK(without_formula_guard("'plain") == "'plain");
    for (std::string_view v : {"=1", "'=1", "''@x", "'", "", "-", "'\t", "a"})
        CHECK(without_formula_guard(std::string_view(csv_cell(v)).substr(0)) == v);
}

TEST_CASE("csv_cell quotes the delimiter it is given") {
    CHECK(csv_cell("a;b", ';') == "\"a;b\"");
    CHECK(csv_cell("a,b", ';') == "a,b");
    CHECK(csv_row({"a", "b;c"}, ';') == "a;\"b;c\"\r\n");
}
