// Regression tests from a review of the column copy (store/activity_columns.h): random filters
// over awkward data (ties in time, times before 1970, empty values, case variants, unparsable
// IPs) must give the same answers from the copy as from SQL, and the copy must never be used
// or reported for data it no longer matches.
#include "app/app_model.h"
#include "filter/filter_json.h"
#include "query/activity_query.h"
#include "query/timeline_histogram.h"
#include "store/activity_marks.h"
#include "store/activity_store.h"
#include "store/sqlite_handle.h"
#include "test_random.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <sqlite3.h>
#include <string>
#include <utility>
#include <vector>

using namespace sightline;

namespace {

using Random = sightline::testing::TestRandom;

const std::vector<std::string> kApps = {"Box", "box", "BOX", "Office 365", ""};
const std::vector<std::string> kUsers = {"alice@contoso.com", "Alice@Contoso.com", "bob@fabrikam.com", "", "ALICE@CONTOSO.COM"};
const std::vector<std::string> kIps = {"10.1.2.3", "2001:db8::a", "2001:DB8::A", "", "not-an-ip", "192.168.7.7", "::ffff:10.9.9.9"};
const std::vector<std::string> kCountries = {"US", "us", "GB", ""};
const std::vector<std::string> kCities = {"São Paulo", "são paulo", "Paris", ""};
constexpr int64_t kBase = 1767225600000; // 2026-01-01

Activity awkward_activity(Random& r, int n) {
    Activity a;
    a.id = "r-" + std::to_string(n);
    // Few distinct times: many ties, which must order by rowid, newest first. Some before 1970.
    a.time_ms = r.below(10) == 0 ? -static_cast<int64_t>(r.below(5)) * 3'600'000 - 1
                                 : kBase - static_cast<int64_t>(r.below(40)) * 5'400'000;
    a.app = r.pick(kApps);
    a.user = r.pick(kUsers);
    a.user_domain = a.user.empty() ? "" : a.user.substr(a.user.find('@') + 1);
    a.ip = r.pick(kIps);
    a.country = r.pick(kCountries);
    a.city = r.pick(kCities);
    a.admin = r.below(3) == 0;
    a.impersonated = r.below(5) == 0;
    a.result = r.below(4) == 0 ? "Failure" : "Success";
    return a;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string values_of(Random& r, const std::vector<std::string>& pool) {
    std::string out = "[";
    for (size_t n = 1 + r.below(2); n > 0; --n) {
        if (out.size() > 1) out += ',';
        out += quoted(r.pick(pool));
    }
    return out + "]";
}

std::string random_condition(Random& r) {
    static const std::vector<std::string> text_ops = {"eq", "neq", "contains", "not_contains", "starts_with",
                                                      "not_starts_with", "ends_with", "is_set", "is_not_set"};
    static const std::vector<std::string> words = {"box", "alice", "contoso", "SÃO", "paulo", "10", "db8", "\\\"box\\\""};
    auto text = [&](const std::string& field, const std::vector<std::string>& pool) {
        const std::string& op = r.pick(text_ops);
        std::string values = op == "is_set" || op == "is_not_set" ? "[]"
                           : op.find("contains") != std::string::npos ? values_of(r, words) : values_of(r, pool);
        return R"({"field":")" + field + R"(","op":")" + op + R"(","values":)" + values + "}";
    };
    switch (r.below(9)) {
    case 0: return text("app", kApps);
    case 1: return text("user", kUsers);
    case 2: return text("ip", kIps);
    case 3: return text("country", kCountries);
    case 4: return text("city", kCities);
    case 5: {
        static const std::vector<std::string> cidrs = {"10.0.0.0/8", "2001:db8::/32", "192.168.7.7", "0.0.0.0/0"};
        return std::string(R"({"field":"ip","op":")") + (r.below(2) ? "in_cidr" : "not_in_cidr") +
               R"(","values":)" + values_of(r, cidrs) + "}";
    }
    case 6: {
        static const std::vector<std::string> ops = {"is_true", "is_false", "eq", "neq"};
        const std::string& op = r.pick(ops);
        std::string values = op.starts_with("is_") ? "[]" : values_of(r, {"true", "false"});
        return std::string(R"({"field":")") + (r.below(2) ? "admin" : "impersonated") + R"(","op":")" + op +
               R"(","values":)" + values + "}";
    }
    case 7: {
        const std::string t = std::to_string(kBase - static_cast<int64_t>(r.below(40)) * 5'400'000);
        switch (r.below(6)) {
        case 0: return R"({"field":"time","op":"before","values":[)" + t + "]}";
        case 1: return R"({"field":"time","op":"after","values":[)" + t + "]}";
        case 2: return R"({"field":"time","op":"between","values":[)" + t + R"(,"-3600000"]})";
        case 3: return R"({"field":"time","op":"last_days","values":[)" + std::to_string(r.below(3)) + "]}";
        case 4: return R"({"field":"time","op":"time_of_day","values":["22:30","03:00"]})";
        default: return R"({"field":"time","op":"time_of_day","values":["01:00","23:00"]})";
        }
    }
    default: {
        std::string group = r.below(2) ? R"({"any":[)" : R"({"all":[)";
        for (size_t n = r.below(3); n > 0; --n) group += random_condition(r) + (n > 1 ? "," : "");
        return group + "]}";
    }
    }
}

// The rows fill() stores, generated again from the same seed: an answer computed without the
// store or the column copy.
std::vector<Activity> awkward_activities(int rows) {
    Random r(77);
    std::vector<Activity> out;
    for (int n = 0; n < rows; ++n) out.push_back(awkward_activity(r, n));
    return out;
}

void fill(ActivityStore& store, int rows) {
    ActivityWriter writer(store);
    for (const Activity& a : awkward_activities(rows)) writer.insert(a);
    writer.commit();
}

// Checks a complete copy position by position against the rows as generated: newest first,
// ties by rowid descending (the n-th row inserted has rowid n + 1), each row's time, flags and
// coded text fields. Computed in plain C++, so a copy that is wrong in any row fails here.
void check_copy_holds(const ActivityColumns& copy, const std::vector<Activity>& rows) {
    std::vector<int64_t> expected_rowids;
    for (size_t n = 0; n < rows.size(); ++n) expected_rowids.push_back(static_cast<int64_t>(n) + 1);
    std::sort(expected_rowids.begin(), expected_rowids.end(), [&](int64_t x, int64_t y) {
        const int64_t tx = rows[static_cast<size_t>(x - 1)].time_ms, ty = rows[static_cast<size_t>(y - 1)].time_ms;
        return tx != ty ? tx > ty : x > y;
    });
    REQUIRE(copy.size() == rows.size());
    CHECK(copy.rowids() == expected_rowids);
    const CodedColumn* apps = copy.coded("app");
    const CodedColumn* users = copy.coded("user");
    const CodedColumn* ips = copy.coded("ip");
    const CodedColumn* cities = copy.coded("city");
    REQUIRE((apps && users && ips && cities && copy.flags("admin") && copy.flags("impersonated")));
    int wrong = 0;
    for (size_t p = 0; p < copy.size(); ++p) {
        const Activity& a = rows[static_cast<size_t>(copy.rowids()[p] - 1)];
        const bool same = copy.times()[p] == a.time_ms && apps->values()[apps->code_at(p)] == a.app &&
                          users->values()[users->code_at(p)] == a.user && ips->values()[ips->code_at(p)] == a.ip &&
                          cities->values()[cities->code_at(p)] == a.city &&
                          ((*copy.flags("admin"))[p] != 0) == a.admin &&
                          ((*copy.flags("impersonated"))[p] != 0) == a.impersonated;
        if (!same) ++wrong;
    }
    CHECK(wrong == 0);
}

std::vector<std::string> ids_of(const std::vector<Activity>& rows) {
    std::vector<std::string> out;
    for (const Activity& a : rows) out.push_back(a.id);
    return out;
}

} // namespace

TEST_CASE("column copy review: random filters over awkward data give SQL's answers") {
    ActivityStore by_sql, by_columns;
    fill(by_sql, 2000);
    fill(by_columns, 2000);
    while (by_columns.build_columns(1e9)) {
    }
    REQUIRE(by_columns.columns());
    REQUIRE(!by_sql.columns());
    Random r(77);
    int answered = 0;
    for (int i = 0; i < 400; ++i) {
        std::string json = R"({"all":[)";
        for (size_t n = 1 + r.below(3); n > 0; --n) json += random_condition(r) + (n > 1 ? "," : "");
        json += "]}";
        FilterParseResult parsed = parse_filter_json(json);
        if (!parsed.filter) continue; // e.g. a random value the operator refuses
        INFO(json);
        ++answered;
        QuerySpec spec;
        spec.filter = *parsed.filter;
        spec.offset = static_cast<int64_t>(r.below(30));
        spec.limit = static_cast<int64_t>(r.below(80));
        QueryResult a = run_query(by_sql, spec), b = run_query(by_columns, spec);
        CHECK(a.total == b.total);
        CHECK(ids_of(a.rows) == ids_of(b.rows));
        for (const char* field : {"app", "user", "ip", "country", "city", "admin"}) {
            INFO(field);
            std::vector<ValueCount> x = count_values(by_sql, field, spec.filter, 3);
            std::vector<ValueCount> y = count_values(by_columns, field, spec.filter, 3);
            REQUIRE(x.size() == y.size());
            for (size_t k = 0; k < x.size(); ++k) {
                CHECK(x[k].value == y[k].value);
                CHECK(x[k].count == y[k].count);
            }
        }
        CHECK(build_timeline(by_sql, spec.filter).counts == build_timeline(by_columns, spec.filter).counts);
    }
    CHECK(answered > 300);
}

TEST_CASE("column copy review: indexes can be built while the copy is half built") {
    ActivityStore store;
    fill(store, 5000);
    REQUIRE(store.build_columns(0)); // one slice read: the builder's statement is open
    CHECK_NOTHROW(store.ensure_indexes());
    while (store.build_columns(1e9)) {
    }
    REQUIRE(store.columns());
    CHECK(store.columns()->size() == 5000);
}

TEST_CASE("column copy review: progress after a change counts the new copy, not the old one") {
    const std::string csv = "id,time,app,activity_type,user,ip\n"
                            "t-1,2026-11-01T10:00:00Z,Box,Log on,ann@contoso.example,10.0.0.1\n";
    AppModel model;
    model.load_demo_data();
    model.complete_enrichment(); // the demo's user agents (which fill nothing: it has every field)
    model.complete_indexes();
    REQUIRE(model.background_status().empty());
    model.import_session().begin(1, 0);
    model.import_session().begin_file("one.csv");
    model.import_session().feed({reinterpret_cast<const uint8_t*>(csv.data()), csv.size()});
    model.import_session().end_file();
    model.import_session().finish(); // replaces the demo's ~20,000 rows by one
    REQUIRE(model.log().total_activities() == 1);
    model.complete_view();
    CHECK(model.background_status() == "Preparing fast filters (0%)");
}

TEST_CASE("column copy review: a rollback outside a writer leaves no progress from the stale copy") {
    ActivityStore store;
    fill(store, 3000);
    while (store.build_columns(1e9)) {
    }
    REQUIRE(store.columns_rows_built() == 3000);
    exec(store.db(), "BEGIN; ROLLBACK"); // the rollback hook makes the copy stale
    CHECK(!store.columns());
    CHECK(store.columns_rows_built() == 0);
}

TEST_CASE("column copy review: text with a NUL byte is matched as SQL matches it") {
    // JSON's \u0000 can put a NUL inside a field; SQLite's LIKE and NOCASE stop reading there.
    ActivityStore by_sql, by_columns;
    for (ActivityStore* store : {&by_sql, &by_columns}) {
        ActivityWriter writer(*store);
        Activity a;
        a.id = "1";
        a.user = std::string("eve\0x@contoso.com", 17);
        a.city = std::string("a\0contoso", 9);
        writer.insert(a);
        a.id = "2";
        a.user = std::string("eve\0y@contoso.com", 17);
        writer.insert(a);
        writer.commit();
    }
    while (by_columns.build_columns(1e9)) {
    }
    REQUIRE(by_columns.columns());
    // The expected counts, worked out from SQLite's rules: user eq/neq compare with NOCASE, which
    // stops at the NUL, so "eve\0x..." equals both users (eq: 2, neq: 0); LIKE '%contoso%' reads
    // city only up to its NUL ("a"), so contains finds neither row (0) and not_contains keeps both (2).
    const std::vector<std::pair<const char*, int64_t>> cases = {
        {R"({"all":[{"field":"user","op":"eq","values":["eve\u0000x@contoso.com"]}]})", 2},
        {R"({"all":[{"field":"user","op":"neq","values":["EVE\u0000x@contoso.com"]}]})", 0},
        {R"({"all":[{"field":"city","op":"contains","values":["contoso"]}]})", 0},
        {R"({"all":[{"field":"city","op":"not_contains","values":["contoso"]}]})", 2}};
    for (const auto& [json, expected] : cases) {
        INFO(json);
        FilterParseResult parsed = parse_filter_json(json);
        REQUIRE(parsed.filter);
        CHECK(count_matching(by_sql, *parsed.filter) == expected);
        CHECK(count_matching(by_columns, *parsed.filter) == expected);
    }
}

TEST_CASE("column copy review: marks written while the copy is half built leave it whole") {
    ActivityStore store;
    fill(store, 5000);
    REQUIRE(store.build_columns(0)); // the builder's statement is open
    REQUIRE(store.columns_rows_built() > 0);
    REQUIRE(store.columns_rows_built() < 5000);
    CHECK_NOTHROW(set_starred(store, "r-10", true));
    CHECK_NOTHROW(set_tags(store, "r-10", {"checked"}));
    CHECK_NOTHROW(set_comment(store, "r-4999", "a long comment that may move the row to another page"));
    while (store.build_columns(1e9)) {
    }
    REQUIRE(store.columns());
    // Against the rows as generated, not against another build of the copy: a build that went on
    // reading after the writes must still hold every row once, in order, with its values.
    check_copy_holds(*store.columns(), awkward_activities(5000));
    // The marks themselves are in the table (plain SQL, not the code under test).
    Statement marks = prepare(store.db(),
        "SELECT (SELECT count(*) FROM activities WHERE starred = 1 AND id = 'r-10'),"
        " (SELECT count(*) FROM activity_tags WHERE value = 'checked'),"
        " (SELECT count(*) FROM activities WHERE comment LIKE 'a long comment%' AND id = 'r-4999')");
    REQUIRE(step_row(store.db(), marks.get()));
    CHECK(sqlite3_column_int64(marks.get(), 0) == 1);
    CHECK(sqlite3_column_int64(marks.get(), 1) == 1);
    CHECK(sqlite3_column_int64(marks.get(), 2) == 1);
}

TEST_CASE("column copy review: a copy built in slices holds every row as generated") {
    ActivityStore store;
    fill(store, 5000);
    while (store.build_columns(0)) { // the smallest slices: a read resumed at every boundary
    }
    REQUIRE(store.columns());
    check_copy_holds(*store.columns(), awkward_activities(5000));
}
