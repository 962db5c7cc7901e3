// Queries answered from the column copy must give exactly what SQL gives: the same totals,
// the same rows in the same order, the same value counts. Each case runs once before the copy
// is built (SQL) and once after (columns), over the demo data set.
#include "app/activity_view.h"
#include "demo/demo_generator.h"
#include "filter/filter_json.h"
#include "query/activity_query.h"
#include "query/timeline_histogram.h"
#include "store/activity_marks.h"
#include "store/activity_store.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace sightline;

namespace {

struct Answers {
    int64_t total = 0;
    std::vector<std::string> first_ids;
    std::vector<std::string> page_ids; // offset 37, limit 25
    int64_t view_size = 0;
    std::vector<std::vector<ValueCount>> counts;
    std::vector<int64_t> timeline;
};

const std::vector<std::string> kCountedFields = {"app", "user", "country", "ip", "activity_type", "admin", "result"};

Answers ask(const ActivityStore& store, const ActivityFilter& filter) {
    Answers out;
    QuerySpec spec;
    spec.filter = filter;
    spec.limit = 60;
    QueryResult first = run_query(store, spec);
    out.total = first.total;
    for (const Activity& a : first.rows) out.first_ids.push_back(a.id);
    spec.offset = 37;
    spec.limit = 25;
    for (const Activity& a : run_query(store, spec).rows) out.page_ids.push_back(a.id);
    ActivityView view;
    view.refresh(store, filter, default_sort());
    view.complete();
    out.view_size = view.size();
    for (const std::string& field : kCountedFields) out.counts.push_back(count_values(store, field, filter, 20));
    out.timeline = build_timeline(store, filter).counts;
    return out;
}

void check_same(const Answers& sql, const Answers& columns, const std::string& json) {
    INFO(json);
    CHECK(sql.total == columns.total);
    CHECK(sql.first_ids == columns.first_ids);
    CHECK(sql.page_ids == columns.page_ids);
    CHECK(sql.view_size == columns.view_size);
    CHECK(columns.view_size == columns.total);
    CHECK(sql.timeline == columns.timeline);
    for (size_t f = 0; f < kCountedFields.size(); ++f) {
        INFO(kCountedFields[f]);
        REQUIRE(sql.counts[f].size() == columns.counts[f].size());
        for (size_t i = 0; i < sql.counts[f].size(); ++i) {
            CHECK(sql.counts[f][i].value == columns.counts[f][i].value);
            CHECK(sql.counts[f][i].count == columns.counts[f][i].count);
        }
    }
}

} // namespace

TEST_CASE("column copy: queries, pages, the view and value counts equal SQL's") {
    ActivityStore store;
    {
        ActivityWriter writer(store);
        for (const Activity& a : generate_demo_activities()) writer.insert(a);
        writer.commit();
    }
    store.ensure_indexes();
    const std::vector<std::string> filters = {
        "{}",
        R"({"all":[{"field":"app","op":"eq","values":["SharePoint Online","OneDrive for Business"]}]})",
        R"({"all":[{"field":"country","op":"neq","values":["US"]},{"field":"time","op":"last_days","values":[7]}]})",
        R"({"any":[{"field":"activity_type","op":"eq","values":["Failed log on"]},{"field":"admin","op":"is_true","values":[]}]})",
        R"({"all":[{"field":"ip","op":"in_cidr","values":["10.0.0.0/8","2001:db8::/32"]}]})",
        R"({"all":[{"field":"user","op":"starts_with","values":["A"]},{"field":"result","op":"eq","values":["Failure"]}]})",
        R"({"all":[{"field":"isp","op":"contains","values":["telecom"]}]})",
        R"({"all":[{"field":"time","op":"time_of_day","values":["22:00","06:00"]},{"field":"result","op":"eq","values":["Success"]}]})",
        // Objects are not in the copy: this must stay SQL's answer, never the actor column's.
        R"({"all":[{"field":"user","as":"any","op":"starts_with","values":["m"]},{"field":"app","op":"neq","values":["Box"]}]})",
        // Free text: coded columns searched per distinct value, the rest (raw, lists) by SQL.
        R"({"all":[{"field":"text","op":"text","values":["seattle"]}]})",
        R"({"all":[{"field":"text","op":"text","values":["forecast", "10.20."]},{"field":"time","op":"last_days","values":[14]}]})",
        R"({"any":[{"field":"text","op":"text","values":["budget"]},{"field":"app","op":"eq","values":["Box"]}]})",
    };
    std::vector<Answers> by_sql;
    for (const std::string& json : filters) {
        REQUIRE(!store.columns());
        by_sql.push_back(ask(store, *parse_filter_json(json).filter));
    }
    while (store.build_columns(5.0)) {
    }
    REQUIRE(store.columns());
    CHECK(store.columns()->size() == static_cast<size_t>(store.count()));
    for (size_t i = 0; i < filters.size(); ++i) {
        check_same(by_sql[i], ask(store, *parse_filter_json(filters[i]).filter), filters[i]);
        CHECK(by_sql[i].total > 0); // every case selects something: nothing is compared vacuously
    }
}

TEST_CASE("column copy: any write makes it stale until rebuilt") {
    ActivityStore store;
    std::vector<Activity> demo = generate_demo_activities();
    {
        ActivityWriter writer(store);
        for (size_t i = 0; i < 1000; ++i) writer.insert(demo[i]);
        writer.commit();
    }
    while (store.build_columns(1e9)) {
    }
    REQUIRE(store.columns());
    {
        ActivityWriter writer(store); // an import begins
        CHECK(!store.columns());
        writer.insert(demo[1000]);
    } // and is cancelled: rolled back
    CHECK(!store.columns());
    while (store.build_columns(1e9)) {
    }
    REQUIRE(store.columns());
    CHECK(store.columns()->size() == 1000);
    store.clear();
    CHECK(!store.columns());
    while (store.build_columns(1e9)) {
    }
    REQUIRE(store.columns());
    CHECK(store.columns()->size() == 0);
}

TEST_CASE("kept matches are those of the data as it is: a comment changes them") {
    ActivityStore store;
    {
        ActivityWriter writer(store);
        for (const Activity& a : generate_demo_activities()) writer.insert(a);
        writer.commit();
    }
    while (store.build_columns(1e9)) {
    }
    FilterParseResult word = parse_filter_json(R"({"all":[{"field":"text","op":"text","values":["zanzibar"]}]})");
    REQUIRE(word.filter);
    auto count = [&] {
        auto matches = column_matches(store, *word.filter);
        REQUIRE(matches);
        return std::count(matches->begin(), matches->end(), uint8_t{1});
    };
    CHECK(count() == 0);
    CHECK(count() == 0); // kept
    const std::string id = store.read(std::vector<int64_t>{1}).front().id;
    REQUIRE(set_comment(store, id, "seen from Zanzibar"));
    while (store.build_columns(1e9)) { // the copy follows the write
    }
    CHECK(count() == 1);
    CHECK(count_matching(store, *word.filter) == 1);
}
