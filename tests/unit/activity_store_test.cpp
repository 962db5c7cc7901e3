// The activity store: duplicates are counted exactly once (within a file, across imports, and
// after a rollback or a delete), strings bound without copying arrive intact, and ids are found.
#include "store/activity_store.h"
#include "store/sqlite_handle.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <string>

using namespace sightline;

namespace {

Activity make_activity(std::string id, int64_t time_ms = 1'700'000'000'000) {
    Activity a;
    a.id = std::move(id);
    a.time_ms = time_ms;
    a.app = "Box";
    a.user = "ann@contoso.example";
    a.ip = "10.0.0.1";
    a.raw = "raw of " + a.id;
    return a;
}

int64_t insert_all(ActivityStore& store, std::initializer_list<const char*> ids) {
    ActivityWriter writer(store);
    int64_t added = 0;
    for (const char* id : ids) added += writer.insert(make_activity(id)) ? 1 : 0;
    writer.commit();
    return added;
}

} // namespace

TEST_CASE("store: the same id twice in one import is one activity and one duplicate") {
    ActivityStore store;
    CHECK(insert_all(store, {"a", "b", "a", "a", "c"}) == 3);
    CHECK(store.count() == 3);
}

TEST_CASE("store: an id stored by an earlier import is a duplicate") {
    ActivityStore store;
    CHECK(insert_all(store, {"a", "b"}) == 2);
    CHECK(insert_all(store, {"b", "c"}) == 1);
    CHECK(store.count() == 3);
}

TEST_CASE("store: ids of a rolled-back import are not duplicates afterwards") {
    ActivityStore store;
    insert_all(store, {"kept"});
    {
        ActivityWriter writer(store);
        CHECK(writer.insert(make_activity("cancelled")));
        CHECK_FALSE(writer.insert(make_activity("kept")));
    } // no commit: rolled back
    CHECK(store.count() == 1);
    CHECK_FALSE(store.find_by_id("cancelled"));
    CHECK(insert_all(store, {"cancelled", "kept"}) == 1);
}

TEST_CASE("store: deleted ids can be imported again, kept ones stay duplicates") {
    ActivityStore store;
    insert_all(store, {"old-1", "old-2"});
    const int64_t through = store.last_rowid();
    insert_all(store, {"new-1"});
    exec(store.db(), "BEGIN");
    store.delete_activities_through(through);
    exec(store.db(), "COMMIT");
    CHECK(store.count() == 1);
    CHECK(insert_all(store, {"old-1", "new-1"}) == 1);

    store.clear();
    CHECK(store.count() == 0);
    CHECK(insert_all(store, {"old-1", "new-1"}) == 2);
}

TEST_CASE("store: a delete undone by a rollback keeps its ids duplicates") {
    ActivityStore store;
    insert_all(store, {"a", "b"});
    exec(store.db(), "BEGIN");
    store.delete_all_activities();
    exec(store.db(), "ROLLBACK");
    CHECK(store.count() == 2);
    CHECK(insert_all(store, {"a", "b", "c"}) == 1);
}

TEST_CASE("store: find_by_id reads the activity with its lists and raw record") {
    ActivityStore store;
    {
        ActivityWriter writer(store);
        // One Activity reused for every insert, as the importers do: SQLite must have taken
        // its strings by the time insert() returns.
        Activity a = make_activity("x-1");
        a.ip_tags = {"Tor", "Anonymous proxy"};
        a.objects = {"report.xlsx"};
        CHECK(writer.insert(a));
        a = make_activity("x-2", 1'700'000'000'001);
        a.user = "bob@contoso.example";
        CHECK(writer.insert(a));
        writer.commit();
    }
    auto first = store.find_by_id("x-1");
    REQUIRE(first);
    CHECK(first->user == "ann@contoso.example");
    CHECK(first->raw == "raw of x-1");
    CHECK(first->ip_tags == std::vector<std::string>{"Tor", "Anonymous proxy"});
    CHECK(first->objects == std::vector<std::string>{"report.xlsx"});
    auto second = store.find_by_id("x-2", false);
    REQUIRE(second);
    CHECK(second->user == "bob@contoso.example");
    CHECK(second->raw.empty());
    CHECK(second->ip_tags.empty());
    CHECK_FALSE(store.find_by_id("x-3"));
    CHECK(store.newest_time_ms() == 1'700'000'000'001);
}

TEST_CASE("store: ids that share a hash are told apart by the stored id") {
    ActivityIdSet set;
    const uint64_t h42 = 42ull << 32, h43 = 43ull << 32, h44 = 44ull << 32;
    set.add(h42, 1);
    set.add(h42, 2);
    set.add(h43, 3);
    set.add(h42 | 7, 4); // the same 32 bits kept: a candidate too, which the stored id decides
    std::vector<int64_t> seen;
    CHECK_FALSE(set.any_of(h42, [&](int64_t rowid) { seen.push_back(rowid); return false; }));
    CHECK(seen == std::vector<int64_t>{1, 2, 4});
    CHECK(set.any_of(h42, [](int64_t rowid) { return rowid == 2; }));
    CHECK_FALSE(set.any_of(h44, [](int64_t) { return true; }));
    // Through several growths: every id is found again, with its rowid.
    for (int64_t i = 0; i < 50000; ++i) set.add(ActivityIdSet::hash_id(std::to_string(i)), 100 + i);
    CHECK(set.size() == 50004);
    for (int64_t i = 0; i < 50000; i += 7)
        CHECK(set.any_of(ActivityIdSet::hash_id(std::to_string(i)), [&](int64_t rowid) { return rowid == 100 + i; }));
    CHECK(set.memory_bytes() == 131072 * 8); // 8 bytes a slot, at most half full
    CHECK_THROWS_AS(set.add(1, int64_t{1} << 32), std::length_error);
}

TEST_CASE("store: large pages, set before the schema") {
    ActivityStore store;
    Statement st = prepare(store.db(), "PRAGMA page_size");
    REQUIRE(step_row(store.db(), st.get()));
    CHECK(sqlite3_column_int(st.get(), 0) == 65536);
}

namespace {

std::string raw_by_sql(ActivityStore& store, const char* id) {
    Statement st = prepare(store.db(), "SELECT raw FROM activities WHERE id = ?");
    sqlite3_bind_text(st.get(), 1, id, -1, SQLITE_TRANSIENT);
    if (!step_row(store.db(), st.get())) return "(no row)";
    return column_text(st.get(), 0);
}

} // namespace

TEST_CASE("store: raw records kept outside the table follow SQLite's commits and rollbacks") {
    ActivityStore store;
    insert_all(store, {"a", "b"});
    CHECK(raw_by_sql(store, "a") == "raw of a"); // the virtual column, as the SQL console sees it
    {
        ActivityWriter writer(store); // an import replacing everything, then cancelled
        store.delete_all_activities();
        CHECK(writer.insert(make_activity("c")));
        CHECK(raw_by_sql(store, "c") == "raw of c");
        CHECK(raw_by_sql(store, "a") == "(no row)");
        CHECK(store.raw_records().rowids_containing("raw of").size() == 1);
    }
    CHECK(raw_by_sql(store, "a") == "raw of a");
    CHECK(raw_by_sql(store, "b") == "raw of b");
    CHECK(raw_by_sql(store, "c") == "(no row)");
    CHECK(store.raw_records().rowids_containing("RAW OF").size() == 2);

    {
        ActivityWriter writer(store); // the same, committed
        store.delete_all_activities();
        CHECK(writer.insert(make_activity("d")));
        writer.commit();
    }
    CHECK(raw_by_sql(store, "d") == "raw of d");
    CHECK(store.raw_records().size() == 1);
    CHECK(store.find_by_id("d")->raw == "raw of d");

    const int64_t through = store.last_rowid();
    insert_all(store, {"e"});
    exec(store.db(), "BEGIN");
    store.delete_activities_through(through);
    exec(store.db(), "COMMIT");
    CHECK(raw_by_sql(store, "e") == "raw of e");
    CHECK(store.raw_records().size() == 1);
    CHECK(store.raw_records().rowids_containing("raw of d").empty());
}
