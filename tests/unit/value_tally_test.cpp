#include "query/value_tally.h"

#include <doctest/doctest.h>

#include <string>

using namespace sightline;

TEST_CASE("ValueTally counts values, most frequent first, ties in byte order") {
    ValueTally tally;
    std::string reused; // the caller's buffer changes between rows, as SQLite's does
    for (const char* value : {"b", "a", "c", "b", "a", "b", "d"}) {
        reused = value;
        tally.add(reused);
    }
    reused = "overwritten";
    auto all = tally.top(-1);
    REQUIRE(all.size() == 4);
    CHECK(all[0].value == "b");
    CHECK(all[0].count == 3);
    CHECK(all[1].value == "a");
    CHECK(all[1].count == 2);
    CHECK(all[2].value == "c"); // c and d both once: byte order
    CHECK(all[3].value == "d");
    auto two = tally.top(2);
    REQUIRE(two.size() == 2);
    CHECK(two[1].value == "a");
    CHECK(tally.top(0).empty());
}
