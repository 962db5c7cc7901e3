// Tests of matching_rowids with a limit: the first screen must be exactly the start of what matching_rowids
// (and so the scrolled table) shows, for any filter and sort, ties included.
#include "demo/demo_generator.h"
#include "filter/filter_json.h"
#include "query/activity_query.h"
#include "store/activity_store.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <vector>

using namespace sightline;

namespace {

void load_demo(ActivityStore& store) {
    DemoOptions options;
    options.activity_count = 3000;
    ActivityWriter writer(store);
    for (const Activity& a : generate_demo_activities(options)) writer.insert(a);
    // Equal times, to check that ties break the same way in both queries.
    for (int i = 0; i < 5; ++i) {
        Activity a;
        a.id = "tie-" + std::to_string(i);
        a.time_ms = options.end_time_ms;
        a.activity_type = "Log on";
        writer.insert(a);
    }
    writer.commit();
}

std::vector<int64_t> prefix(std::vector<int64_t> v, size_t n) {
    if (v.size() > n) v.resize(n);
    return v;
}

} // namespace

TEST_CASE("a limited matching_rowids is the start of matching_rowids for every filter and sort") {
    ActivityStore store;
    load_demo(store);
    const char* filters[] = {
        "{}",
        R"({"all":[{"field":"activity_type","op":"eq","values":["Log on"]}]})",
        R"({"all":[{"field":"country","op":"neq","values":["US"]}]})",
        R"({"all":[{"field":"time","op":"last_days","values":["30"]}]})",
        R"({"all":[{"field":"user_agent","op":"contains","values":["python"]}]})",
        R"({"all":[{"field":"user","op":"eq","values":["nobody@nowhere"]}]})",
    };
    const std::vector<std::vector<SortKey>> sorts = {default_sort(), {}, {{"user", false}}, {{"app", true}, {"time", false}}};
    for (bool indexed : {false, true}) {
        if (indexed) store.ensure_indexes();
        for (const char* json : filters) {
            ActivityFilter f = parse_filter_json(json).filter.value();
            for (const auto& sort : sorts) {
                CAPTURE(json);
                CAPTURE(indexed);
                std::vector<int64_t> all = matching_rowids(store, f, sort);
                CHECK(matching_rowids(store, f, sort, 100) == prefix(all, 100));
                CHECK(matching_rowids(store, f, sort, 1) == prefix(all, 1));
            }
        }
    }
}

TEST_CASE("matching_rowids: no rows for a zero limit; bad sort fields are refused") {
    ActivityStore store;
    load_demo(store);
    CHECK(matching_rowids(store, ActivityFilter{}, default_sort(), 0).empty());
    CHECK(matching_rowids(store, ActivityFilter{}, default_sort(), -1).size() == matching_rowids(store, ActivityFilter{}, default_sort()).size());
    CHECK(matching_rowids(store, ActivityFilter{}, default_sort(), 3).size() == 3);
    CHECK_THROWS_AS(matching_rowids(store, ActivityFilter{}, {{"nope", true}}, 10), std::invalid_argument);
    CHECK_THROWS_AS(matching_rowids(store, ActivityFilter{}, {{"ip_tags", true}}, 10), std::invalid_argument);
}
