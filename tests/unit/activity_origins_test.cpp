// Where activities came from is stored as a code per row (store/activity_origins.h) and read
// back as the `source` and `file` columns, through SQL, indexes and the store's reads alike.
#include "store/activity_origins.h"
#include "store/activity_store.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <string>

using namespace sightline;

TEST_CASE("ActivityOrigins gives one code per (source, file) pair, for good") {
    ActivityOrigins origins;
    const int64_t a = origins.code_of("Defender CSV", "jan.csv");
    const int64_t b = origins.code_of("Defender CSV", "feb.csv");
    const int64_t c = origins.code_of("Entra sign-ins", "jan.csv");
    CHECK(a != b);
    CHECK(a != c);
    CHECK(b != c);
    CHECK(origins.code_of("Defender CSV", "jan.csv") == a); // not the last pair: looked up
    CHECK(origins.code_of("Defender CSV", "jan.csv") == a); // the last pair again
    // Texts with any bytes in them stay apart: ("a", "b\0c"), ("a\0b", "c"), ("1:a", "").
    CHECK(origins.code_of("a", std::string_view("b\0c", 3)) != origins.code_of(std::string_view("a\0b", 3), "c"));
    CHECK(origins.code_of("a", "") != origins.code_of("1:a", ""));
    CHECK(origins.source(c) == "Entra sign-ins");
    CHECK(origins.file(b) == "feb.csv");
    CHECK(origins.source(-1).empty());
    CHECK(origins.file(1000).empty());
}

namespace {

Activity activity(const std::string& id, const std::string& source, const std::string& file) {
    Activity a;
    a.id = id;
    a.time_ms = 1'700'000'000'000;
    a.source = source;
    a.file = file;
    return a;
}

int64_t count_where_file(const ActivityStore& store, const std::string& file) {
    Statement st = prepare(store.db(), "SELECT count(*) FROM activities WHERE file = ?");
    sqlite3_bind_text(st.get(), 1, file.c_str(), -1, SQLITE_TRANSIENT);
    step_row(store.db(), st.get());
    return sqlite3_column_int64(st.get(), 0);
}

} // namespace

TEST_CASE("the store reads source and file back from the origin codes") {
    ActivityStore store;
    {
        ActivityWriter writer(store);
        writer.insert(activity("1", "Defender CSV", "jan.csv"));
        writer.insert(activity("2", "Defender CSV", "jan.csv"));
        writer.insert(activity("3", "Entra sign-ins", "feb.json"));
        writer.insert(activity("4", "", ""));
        writer.commit();
    }
    {
        ActivityWriter cancelled(store); // its new pair's code stays valid, and unused
        cancelled.insert(activity("5", "Audit log", "mar.csv"));
    }
    const auto one = store.find_by_id("1", false);
    REQUIRE(one);
    CHECK(one->source == "Defender CSV");
    CHECK(one->file == "jan.csv");
    const auto three = store.find_by_id("3", false);
    REQUIRE(three);
    CHECK(three->source == "Entra sign-ins");
    CHECK(three->file == "feb.json");
    const auto four = store.find_by_id("4", false);
    REQUIRE(four);
    CHECK(four->file.empty());
    CHECK_FALSE(store.find_by_id("5", false));

    CHECK(count_where_file(store, "jan.csv") == 2);
    store.ensure_indexes(); // with the index on file (store/schema.cpp), the same answers
    CHECK(count_where_file(store, "jan.csv") == 2);
    CHECK(count_where_file(store, "feb.json") == 1);
    CHECK(count_where_file(store, "mar.csv") == 0);
    Statement integrity = prepare(store.db(), "PRAGMA integrity_check");
    step_row(store.db(), integrity.get());
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(integrity.get(), 0))) == "ok");
}
