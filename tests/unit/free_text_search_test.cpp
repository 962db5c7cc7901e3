// Free text through the column copy (query/free_text_search.h: raw records with their extra
// texts, lists, comments, columns the copy gave up on) finds exactly what one SQL pass over
// every column finds (filter/filter_sql.h, the reference path).
#include "filter/filter_json.h"
#include "filter/filter_sql.h"
#include "query/activity_query.h"
#include "query/free_text_job.h"
#include "query/free_text_search.h"
#include "store/activity_marks.h"
#include "store/activity_store.h"
#include "test_random.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <string>

using namespace sightline;
using sightline::testing::TestRandom;

namespace {

// Few distinct values a column before the copy gives up: `city` below has more, so free text
// must find cities by SQL.
constexpr size_t kMaxDistinct = 40;

void fill(ActivityStore& store) {
    TestRandom r(7);
    const std::vector<std::string> words = {"Falcon", "heron", "Owl", "kite", "Ünïcode", "50%", "a_b", "\"quoted\""};
    ActivityWriter writer(store);
    for (int i = 0; i < 600; ++i) {
        Activity a;
        a.id = "evt-" + std::to_string(i) + (r.percent(10) ? "-" + r.pick(words) : "");
        a.time_ms = 1'700'000'000'000 + i * 1000;
        a.app = r.pick({"Box", "Office 365"});
        a.user = "u" + std::to_string(r.below(20)) + "@contoso.com";
        a.city = "City " + std::to_string(i % 97) + (r.percent(5) ? " " + r.pick(words) : "");
        a.description = "Did " + r.pick(words) + " " + r.pick(words);
        if (r.percent(5)) a.description += std::string("\0nul", 4);
        // Half the raw records hold the description verbatim, as exports do; the rest do not.
        a.raw = r.percent(50) ? "{\"d\":\"" + a.description + "\",\"w\":\"" + r.pick(words) + "\"}"
                              : "{\"w\":\"" + r.pick(words) + "\"}";
        if (r.percent(20)) a.objects = {r.pick(words) + ".docx"};
        if (r.percent(10)) a.ip_tags = {"Tor " + r.pick(words)};
        writer.insert(a);
    }
    writer.commit();
    set_comment(store, "evt-5", "looks like a Falcon, escalate");
    set_comment(store, "evt-9", "heron? no");
}

ActivityStore& store() {
    static ActivityStore s(kMaxDistinct);
    static bool filled = false;
    if (!filled) {
        fill(s);
        while (s.build_columns(1e9)) {
        }
        filled = true;
    }
    return s;
}

std::vector<int64_t> by_sql(const ActivityFilter& filter) {
    SqlFragment where = compile_filter_to_sql(filter, FilterContext{});
    Statement st = prepare(store().db(), "SELECT a.rowid FROM activities a WHERE " + where.sql + " ORDER BY a.rowid");
    bind_all(st.get(), where.params);
    std::vector<int64_t> out;
    while (step_row(store().db(), st.get())) out.push_back(sqlite3_column_int64(st.get(), 0));
    return out;
}

std::vector<int64_t> by_copy(const ActivityFilter& filter) {
    const ActivityColumns& columns = *store().columns();
    const TextSearch search = free_text_search(store());
    std::optional<std::vector<uint8_t>> mask = match_columns(columns, filter, FilterContext{}, &search);
    REQUIRE(mask);
    std::vector<int64_t> out;
    for (uint32_t p : matching_positions(*mask)) out.push_back(columns.rowids()[p]);
    std::sort(out.begin(), out.end());
    return out;
}

// Stores one activity in a commit of its own.
void insert_committed(ActivityStore& store, const std::string& id, const std::string& raw,
                      const std::string& description = "") {
    ActivityWriter writer(store);
    Activity a;
    a.id = id;
    a.raw = raw;
    a.description = description;
    writer.insert(a);
    writer.commit();
}

ActivityFilter text_filter(const std::vector<std::string>& values) {
    ActivityFilter filter;
    filter.root.kind = FilterNode::Kind::Condition;
    filter.root.condition.field = "text";
    filter.root.condition.op = FilterOp::Text;
    filter.root.condition.values = values;
    return filter;
}

} // namespace

TEST_CASE("free text from the copy finds what SQL over every column finds") {
    REQUIRE(store().columns());
    REQUIRE(store().columns()->coded("app"));
    REQUIRE_FALSE(store().columns()->coded("city")); // gave up: searched by SQL
    const std::vector<std::vector<std::string>> searches = {
        {"falcon"}, {"HERON"}, {"did owl"},       // descriptions, in the raw record or not
        {"evt-1"}, {"-kite"},                     // ids
        {"escalate"}, {"heron? no"},              // comments only
        {".docx"}, {"TOR Ünï"},                   // list elements (ASCII case only)
        {"city 4"}, {"City 96 Owl"},              // the column the copy gave up on
        {"\"w\":\"50%"}, {"\"quoted\""},          // raw records only; quotes
        {std::string("\0nul", 4)}, {std::string("l\0", 2)}, // a NUL byte: all by SQL
        {"kite", "escalate"}, {"nothing like this"},
    };
    size_t found_some = 0;
    for (const auto& values : searches) {
        INFO("values[0]=" << values[0]);
        ActivityFilter filter = text_filter(values);
        const std::vector<int64_t> expected = by_sql(filter);
        CHECK(by_copy(filter) == expected);
        found_some += expected.empty() ? 0 : 1;
    }
    CHECK(found_some == searches.size() - 1); // every search but the last finds something
}

TEST_CASE("free text: a description outside its raw record is still found after a rollback") {
    ActivityStore s;
    {
        ActivityWriter writer(s);
        Activity a;
        a.id = "kept";
        a.description = "Renamed mailbox";
        a.raw = "{}";
        writer.insert(a);
        writer.commit();
    }
    {
        ActivityWriter writer(s); // cancelled
        Activity a;
        a.id = "cancelled";
        a.description = "Renamed folder";
        a.raw = "{}";
        writer.insert(a);
    }
    while (s.build_columns(1e9)) {
    }
    REQUIRE(s.columns());
    const TextSearch search = free_text_search(s);
    CHECK(search(text_filter({"renamed"}).root.condition).size() == 1);
    CHECK(search(text_filter({"folder"}).root.condition).empty());
}

TEST_CASE("free text answers are kept until the data changes, then searched anew") {
    ActivityStore s;
    auto insert = [&](const std::string& id, const std::string& description) {
        insert_committed(s, id, "{\"id\":\"" + id + "\"}", description);
    };
    insert("one", "Peregrine sighted");
    while (s.build_columns(1e9)) {
    }
    const FilterCondition peregrine = text_filter({"peregrine"}).root.condition;
    const uint64_t generation = s.data_generation();
    CHECK(free_text_search(s)(peregrine).size() == 1);
    CHECK(s.rowid_cache().find(R"({"all":[{"field":"text","op":"text","values":["peregrine"]}]})", generation));

    insert("two", "Another peregrine");
    CHECK(s.data_generation() > generation);
    CHECK(free_text_search(s)(peregrine).size() == 2); // not the kept answer of one row

    // A comment is written in a commit of its own: it counts as a change too.
    const FilterCondition escalate = text_filter({"escalate"}).root.condition;
    CHECK(free_text_search(s)(escalate).empty());
    set_comment(s, "one", "escalate this");
    CHECK(free_text_search(s)(escalate).size() == 1);

    // A cancelled write changes nothing, but its rollback still starts a new generation.
    const uint64_t before_rollback = s.data_generation();
    {
        ActivityWriter writer(s);
        Activity a;
        a.id = "three";
        a.description = "peregrine again";
        writer.insert(a);
    }
    CHECK(s.data_generation() > before_rollback);
    CHECK(free_text_search(s)(peregrine).size() == 2);
}

TEST_CASE("the table's view answers a free-text filter from the copy, complete at once") {
    ActivityStore& s = store();
    ActivityFilter filter = text_filter({"falcon"});
    auto rowids = column_matching_rowids(s, filter, default_sort());
    REQUIRE(rowids);
    std::vector<int64_t> sorted = *rowids;
    std::sort(sorted.begin(), sorted.end());
    CHECK(sorted == by_sql(filter));
    CHECK_FALSE(sorted.empty());
}

TEST_CASE("a free-text job leaves in the cache what the search in one go finds") {
    ActivityStore& s = store();
    ActivityFilter filter;
    filter.root.kind = FilterNode::Kind::All;
    for (const auto& values : std::vector<std::vector<std::string>>{{"owl"}, {"kite", "escalate"}, {"owl"}}) {
        FilterNode node;
        node.kind = FilterNode::Kind::Condition;
        node.condition = text_filter(values).root.condition;
        filter.root.children.push_back(node);
    }
    s.rowid_cache().clear();
    FreeTextJob job(s, filter);
    CHECK_FALSE(job.done());
    int steps = 0;
    while (job.step(0.0)) ++steps; // as small a budget as there is
    CHECK(steps >= 2);
    CHECK(job.done());
    CHECK(job.progress() == 1.0);
    CHECK(FreeTextJob(s, filter).done()); // all answered now: nothing to do
    auto distinct = [](std::vector<int64_t> v) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
        return v;
    };
    std::vector<std::vector<int64_t>> kept;
    for (const FilterNode& node : filter.root.children) {
        const std::vector<int64_t>* answer = s.rowid_cache().find(free_text_cache_key(node.condition), s.data_generation());
        REQUIRE(answer);
        kept.push_back(distinct(*answer));
    }
    s.rowid_cache().clear();
    for (size_t i = 0; i < kept.size(); ++i) {
        CHECK(kept[i] == distinct(free_text_search(s)(filter.root.children[i].condition)));
        CHECK_FALSE(kept[i].empty());
    }

}

TEST_CASE("a free-text job that sees the data change ends, outdated, keeping nothing") {
    ActivityStore s;
    auto insert = [&](const std::string& id, const std::string& raw) { insert_committed(s, id, raw); };
    insert("1", "a peregrine");
    while (s.build_columns(1e9)) {
    }
    const ActivityFilter filter = text_filter({"peregrine"});
    FreeTextJob job(s, filter);
    REQUIRE_FALSE(job.done());
    insert("2", "another peregrine"); // before the job ran: its start is out of date
    CHECK_FALSE(job.step(1e9));
    CHECK(job.done());
    CHECK(job.outdated());
    CHECK_FALSE(s.rowid_cache().find(free_text_cache_key(filter.root.condition), s.data_generation()));
}

TEST_CASE("starring a row keeps the data generation; a comment starts a new one") {
    ActivityStore s;
    insert_committed(s, "1", "{}");
    const uint64_t before = s.data_generation();
    REQUIRE(set_starred(s, "1", true));
    CHECK(s.data_generation() == before);
    REQUIRE(set_comment(s, "1", "look"));
    CHECK(s.data_generation() > before);
    const uint64_t after_comment = s.data_generation();
    REQUIRE(set_starred(s, "1", false)); // the guard is gone: a later write still counts
    REQUIRE(set_comment(s, "1", "again"));
    CHECK(s.data_generation() > after_comment);
}
