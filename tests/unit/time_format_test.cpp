#include "util/time_format.h"

#include <doctest/doctest.h>

using namespace sightline;

TEST_CASE("ISO 8601 round trip in UTC") {
    CHECK(format_iso8601_utc(0) == "1970-01-01T00:00:00.000Z");
    CHECK(format_iso8601_utc(1790000000123) == "2026-09-21T14:13:20.123Z");
    CHECK(parse_iso8601("2026-09-21T14:13:20.123Z") == 1790000000123);
    CHECK(parse_iso8601("2026-09-21 14:13:20.123") == 1790000000123);
    CHECK(parse_iso8601("2026-09-21T16:13:20.123+02:00") == 1790000000123);
    CHECK(parse_iso8601("1969-12-31T23:59:59Z") == -1000);
    CHECK(format_iso8601_utc(-1000) == "1969-12-31T23:59:59.000Z");
    CHECK(parse_iso8601("2026-09-21") == 1790000000123 - (14 * 3600 + 13 * 60 + 20) * 1000 - 123);
}

TEST_CASE("parse_iso8601 refuses malformed text") {
    CHECK_FALSE(parse_iso8601("2026-13-01"));
    CHECK_FALSE(parse_iso8601("2026-09-21T25:00"));
    CHECK_FALSE(parse_iso8601("yesterday"));
    CHECK_FALSE(parse_iso8601("2026-09-21T10:00:00Zjunk"));
}

TEST_CASE("format_iso8601_utc reads back as the same instant across the years, before 1970 and after 9999") {
    for (int64_t ms = -62135596800000; ms < 253402300800000; ms += 9876543210987)
        CHECK(parse_iso8601(format_iso8601_utc(ms)) == ms);
    std::string out = "x";
    append_iso8601_utc(out, 1790000000123);
    CHECK(out == "x2026-09-21T14:13:20.123Z");
    CHECK(format_iso8601_utc(253402300800000).rfind("10000-01-01T00:00:00.000Z", 0) == 0);
}
