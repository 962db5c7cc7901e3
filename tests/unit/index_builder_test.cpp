// Building the filter indexes one step at a time: time index first, statistics last, every
// index there at the end, and nothing rebuilt that already exists.
#include "store/activity_store.h"
#include "store/index_builder.h"
#include "store/schema.h"
#include "store/sqlite_handle.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <string>

using namespace sightline;

namespace {

void add_rows(ActivityStore& store, int n) {
    ActivityWriter writer(store);
    for (int i = 0; i < n; ++i) {
        Activity a;
        a.id = "id-" + std::to_string(i);
        a.time_ms = 1'700'000'000'000 + i;
        a.user = "user" + std::to_string(i % 7) + "@contoso.example";
        a.ip_tags = {"tag" + std::to_string(i % 3)};
        writer.insert(a);
    }
    writer.commit();
}

bool index_exists(sqlite3* db, const std::string& name) {
    Statement st = prepare(db, "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?");
    bind_text(st.get(), 1, name);
    return step_row(db, st.get());
}

} // namespace

TEST_CASE("index builder: one index a step, ANALYZE last; the time index comes with the schema") {
    ActivityStore store;
    CHECK(index_exists(store.db(), "activities_time"));
    add_rows(store, 500);
    IndexBuilder builder(store.db());
    CHECK(builder.steps_total() == filter_indexes().size() + 1);
    CHECK(builder.next_step_name() == filter_indexes().front().name);
    CHECK(builder.step());
    CHECK(index_exists(store.db(), filter_indexes().front().name));
    CHECK_FALSE(index_exists(store.db(), filter_indexes().back().name));
    CHECK(builder.steps_done() == 1);
    while (builder.next_step_name() != "ANALYZE") REQUIRE(builder.step());
    for (const FilterIndex& index : filter_indexes()) CHECK(index_exists(store.db(), index.name));
    CHECK_FALSE(builder.step());
    CHECK(builder.done());
    CHECK(builder.next_step_name().empty());
    CHECK_FALSE(builder.step());
    Statement stats = prepare(store.db(), "SELECT count(*) FROM sqlite_stat1");
    REQUIRE(step_row(store.db(), stats.get()));
    CHECK(sqlite3_column_int(stats.get(), 0) > 0);
}

TEST_CASE("index builder: after ensure_indexes only the statistics are left to refresh") {
    ActivityStore store;
    add_rows(store, 50);
    store.ensure_indexes();
    for (const FilterIndex& index : filter_indexes()) CHECK(index_exists(store.db(), index.name));
    add_rows(store, 0);
    IndexBuilder builder(store.db());
    CHECK(builder.steps_total() == 1);
    CHECK(builder.next_step_name() == "ANALYZE");
    CHECK_FALSE(builder.step());
}

TEST_CASE("index builder: an index lost to a rollback is built by the next builder") {
    ActivityStore store;
    add_rows(store, 20);
    exec(store.db(), "BEGIN");
    IndexBuilder inside(store.db());
    inside.step();
    exec(store.db(), "ROLLBACK");
    CHECK_FALSE(index_exists(store.db(), filter_indexes().front().name));
    IndexBuilder after(store.db());
    CHECK(after.next_step_name() == filter_indexes().front().name);
}

TEST_CASE("index builder: an empty store builds too") {
    ActivityStore store;
    IndexBuilder builder(store.db());
    while (builder.step()) {
    }
    CHECK(builder.done());
    CHECK(store.count() == 0);
}
