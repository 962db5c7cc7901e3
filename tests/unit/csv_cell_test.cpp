#include "export/csv_cell.h"

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
