// Tests of compile_filter_to_sql: for every operator, the rows SQLite returns must be exactly
// the rows the independent reference evaluator (filter_reference_evaluator.h) picks from a
// generated set of varied activities; user values must never change the SQL's meaning.
#include "filter/filter_json.h"
#include "filter/filter_sql.h"
#include "query/activity_query.h"
#include "query/column_filter.h"
#include "query/free_text_search.h"
#include "filter_reference_evaluator.h"
#include "test_random.h"
#include "store/activity_store.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

using namespace sightline;

namespace {

using sightline::testing::TestRandom;

constexpr int64_t kNewest = 1767225600000;  // 2026-01-01T00:00:00Z
constexpr int64_t kDay = 86400000;

Activity generated_activity(TestRandom& r, int n) {
    static const std::vector<std::string> apps = {"Box", "box", "Office 365", "Microsoft Exchange Online",
                                                  "Google Workspace", ""};
    static const std::vector<std::string> types = {"Log on", "Failed log on", "Download file", "Upload file", ""};
    static const std::vector<std::string> actions = {"FilePreviewed", "OAuth2:Authorize", "UserLoggedIn", "",
                                                     "FileDownloaded"};
    static const std::vector<std::string> descriptions = {
        "Download virus_malware_file.exe", "Opened malwarevirus.exe", "Log on (Failure: General failure)",
        "Café crème ordered", "CAFÉ open", "", "100% done_now", "it's ok; -- 1=1", "MALWARE.EXE detected",
        "Sent 'quoted' \"text\"", "a_b stays literal", "ab matches a_b?", "malware", "virus, malware; trojan",
        "') OR 1=1 --", "50%off"};
    static const std::vector<std::string> users = {"alice@contoso.com", "Alice@Contoso.com", "bob@fabrikam.com", "",
                                                   "carol@contoso.com", "o'brien@contoso.com", "ALICE@CONTOSO.COM"};
    static const std::vector<std::string> ips = {"10.1.2.3", "10.1.255.7", "192.168.0.1", "172.16.5.4",
                                                 "2001:db8::1", "2001:DB8::1", "2001:db8:0:1::5", "fe80::1", "",
                                                 "not-an-ip", "203.0.113.9", "::ffff:10.9.9.9"};
    static const std::vector<std::string> countries = {"US", "GB", "de", "", "FR"};
    static const std::vector<std::string> agents = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
        "curl/8.1", "Microsoft Office/16.0", "", "python-requests/2.31", "CHROMEbot/1.0", "chrome"};
    static const std::vector<std::string> ip_tags = {"Tor", "Anonymous proxy", "Botnet", "Microsoft Azure", "tor"};
    static const std::vector<std::string> ua_tags = {"Native client", "Outdated browser", "Robot"};
    // User names among the objects: the targets of "user as object" (cases differ on purpose).
    static const std::vector<std::string> objects = {"report.xlsx", "virus_malware_file.exe", "malwarevirus.exe",
                                                     "Q3 Plan.docx", "100%_done", "a_b", "ab", "it's",
                                                     "alice@contoso.com", "BOB@fabrikam.com", "o'brien@contoso.com"};
    static const std::vector<std::string> policies = {"Mass download", "Admin from Tor", "mass DOWNLOAD"};
    static const std::vector<std::string> words = {"alpha", "Beta", "gamma-ray", "δέλτα", "x_y", "tor", "TorX"};

    Activity a;
    a.id = "act-" + std::to_string(n);
    a.time_ms = kNewest - static_cast<int64_t>(r.below(60 * 24 * 60)) * 60000;
    if (n == 0) a.time_ms = kNewest;
    a.app = r.pick(apps);
    a.activity_type = r.pick(types);
    a.action_type = r.pick(actions);
    a.description = r.pick(descriptions);
    a.user = r.pick(users);
    a.user_domain = a.user.empty() ? "" : a.user.substr(a.user.find('@') + 1);
    a.ip = r.percent(20) ? "10." + std::to_string(r.below(4)) + "." + std::to_string(r.below(256)) + ".1"
                         : r.pick(ips);
    a.ip_category = r.percent(50) ? "" : "Corporate";
    a.ip_tags = r.some(ip_tags, 3);
    a.country = r.pick(countries);
    a.city = r.percent(50) ? "" : "São Paulo";
    a.isp = r.percent(30) ? "" : "Contoso ISP, Inc.";
    a.user_agent = r.pick(agents);
    a.ua_tags = r.some(ua_tags, 2);
    a.device_type = r.percent(50) ? "PC" : "";
    a.browser = r.percent(50) ? "Chrome" : "";
    a.os = r.percent(50) ? "Windows 11" : "";
    a.objects = r.some(objects, 3);
    a.admin = r.percent(20);
    a.impersonated = r.percent(10);
    a.result = r.percent(80) ? "Success" : "Failure";
    a.source = "csv";
    a.file = r.percent(50) ? "export_1.csv" : "Export 2.CSV";
    a.matched_policies = r.some(policies, 2);
    a.raw = "{\"note\": \"" + r.pick(words) + " " + r.pick(words) + "\"}";
    return a;
}

struct TestData {
    std::vector<Activity> activities;
    ActivityStore store;
};

TestData& test_data() {
    static std::unique_ptr<TestData> data = [] {
        auto d = std::make_unique<TestData>();
        TestRandom r(20261001);
        for (int n = 0; n < 3000; ++n) d->activities.push_back(generated_activity(r, n));
        ActivityWriter writer(d->store);
        for (const Activity& a : d->activities) writer.insert(a);
        writer.commit();
        d->store.ensure_indexes();
        while (d->store.build_columns(1e9)) {
        }
        REQUIRE(d->store.columns());
        return d;
    }();
    return *data;
}

ActivityFilter parsed(std::string_view json) {
    FilterParseResult r = parse_filter_json(json);
    REQUIRE_MESSAGE(r.filter, json, " -> ", r.error);
    return *r.filter;
}

std::vector<std::string> sql_matches(const ActivityFilter& filter, const FilterContext& context) {
    TestData& d = test_data();
    SqlFragment where = compile_filter_to_sql(filter, context);
    CHECK(static_cast<size_t>(std::count(where.sql.begin(), where.sql.end(), '?')) == where.params.size());
    Statement st = prepare(d.store.db(), "SELECT a.id FROM activities a WHERE " + where.sql);
    bind_all(st.get(), where.params);
    std::vector<std::string> ids;
    while (step_row(d.store.db(), st.get())) ids.push_back(column_text(st.get(), 0));
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<std::string> reference_matches(const ActivityFilter& filter, std::optional<int64_t> newest) {
    std::vector<std::string> ids;
    for (const Activity& a : test_data().activities)
        if (reference::node_matches(filter.root, a, newest)) ids.push_back(a.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

// The column path (query/column_filter.h), where it answers: nullopt when it leaves the
// filter to SQL.
std::optional<std::vector<std::string>> column_matches(const ActivityFilter& filter, const FilterContext& context) {
    const ActivityColumns& columns = *test_data().store.columns();
    const TextSearch search = free_text_search(test_data().store); // free text: what the copy lacks
    std::optional<std::vector<uint8_t>> mask = match_columns(columns, filter, context, &search);
    if (!mask) return std::nullopt;
    std::vector<int64_t> rowids;
    for (uint32_t p : matching_positions(*mask)) rowids.push_back(columns.rowids()[p]);
    std::vector<std::string> ids;
    for (const Activity& a : test_data().store.read(rowids)) ids.push_back(a.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

size_t g_column_answers = 0; // how many checked filters the column path answered

enum class Expect { Some, None, All, Any };

// Compares SQL with the reference and returns how many rows matched.
size_t check_against_reference(std::string_view json, Expect expect = Expect::Some,
                               std::optional<int64_t> newest = kNewest) {
    ActivityFilter filter = parsed(json);
    std::vector<std::string> sql = sql_matches(filter, FilterContext{newest});
    std::vector<std::string> reference = reference_matches(filter, newest);
    CHECK_MESSAGE(sql == reference, json, "\n  sql rows: ", sql.size(), ", reference rows: ", reference.size());
    if (auto columns = column_matches(filter, FilterContext{newest})) {
        ++g_column_answers;
        CHECK_MESSAGE(*columns == reference, json, "\n  column rows: ", columns->size(), ", reference rows: ",
                      reference.size());
    }
    size_t total = test_data().activities.size();
    switch (expect) {
    case Expect::Some: CHECK_MESSAGE((!sql.empty() && sql.size() < total), json, " matched ", sql.size()); break;
    case Expect::None: CHECK_MESSAGE(sql.empty(), json); break;
    case Expect::All: CHECK_MESSAGE(sql.size() == total, json); break;
    case Expect::Any: break;
    }
    return sql.size();
}

std::string condition(std::string_view field, std::string_view op, std::string_view values) {
    return R"({"all":[{"field":")" + std::string(field) + R"(","op":")" + std::string(op) + R"(","values":)" +
           std::string(values) + "}]}";
}

} // namespace

TEST_CASE("filter sql: empty filters and groups") {
    CHECK(compile_filter_to_sql(ActivityFilter{}, {}).sql == "1");
    CHECK(compile_filter_to_sql(ActivityFilter{}, {}).params.empty());
    check_against_reference("{}", Expect::All);
    check_against_reference(R"({"any": []})", Expect::None);
    check_against_reference(R"({"all": [{"all": []}]})", Expect::All);
    check_against_reference(R"({"all": [{"any": []}, {"field": "app", "op": "eq", "values": ["Box"]}]})", Expect::None);
}

TEST_CASE("filter sql: eq and neq on text fields") {
    check_against_reference(condition("app", "eq", R"(["Box"])"));
    check_against_reference(condition("app", "eq", R"(["Box", "Office 365"])"));
    check_against_reference(condition("app", "eq", R"([""])"));
    check_against_reference(condition("app", "eq", R"(["BOX"])"), Expect::None);  // exact: no such app
    check_against_reference(condition("app", "neq", R"(["Box"])"));
    check_against_reference(condition("app", "neq", R"(["Box", "box", "Office 365"])"));
    check_against_reference(condition("app", "neq", R"([""])"), Expect::All);  // empty is always kept
    check_against_reference(condition("country", "neq", R"(["US", "GB"])"));
    check_against_reference(condition("id", "eq", R"(["act-7", "act-2999", "act-nope"])"));
}

TEST_CASE("filter sql: user, user_domain and ip compare without case") {
    size_t lower = check_against_reference(condition("user", "eq", R"(["alice@contoso.com"])"));
    size_t upper = check_against_reference(condition("user", "eq", R"(["ALICE@contoso.COM"])"));
    CHECK(lower == upper);
    check_against_reference(condition("user_domain", "eq", R"(["CONTOSO.com"])"));
    check_against_reference(condition("user", "neq", R"(["Alice@Contoso.com", "bob@fabrikam.com"])"));
    check_against_reference(condition("ip", "eq", R"(["2001:db8::1"])"));
    check_against_reference(condition("ip", "neq", R"(["2001:DB8::1", "10.1.2.3"])"));
}

TEST_CASE("filter sql: ip eq and neq compare addresses, not spellings") {
    // The canonical spelling's answer is checked against the reference; every other spelling of
    // the same address (leading zeros, upper case, brackets, a port) must find the same rows, by
    // SQL and by the column copy.
    const size_t canonical = check_against_reference(condition("ip", "eq", R"(["2001:db8::1"])"));
    for (std::string_view spelling : {"2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8:0::1", "[2001:db8::1]:443",
                                      " 2001:DB8::1 "}) {
        const std::string json = condition("ip", "eq", "[\"" + std::string(spelling) + "\"]");
        const ActivityFilter filter = parsed(json);
        CHECK_MESSAGE(sql_matches(filter, FilterContext{kNewest}).size() == canonical, json);
        if (auto columns = column_matches(filter, FilterContext{kNewest})) CHECK_MESSAGE(columns->size() == canonical, json);
    }
    const size_t v4 = check_against_reference(condition("ip", "eq", R"(["10.1.2.3"])"));
    CHECK(sql_matches(parsed(condition("ip", "eq", R"(["10.1.2.3:8080"])")), FilterContext{kNewest}).size() == v4);
    const size_t not_v4 = check_against_reference(condition("ip", "neq", R"(["10.1.2.3"])"));
    CHECK(sql_matches(parsed(condition("ip", "neq", R"(["10.1.2.3:8080"])")), FilterContext{kNewest}).size() == not_v4);
    // Text that is no address is compared as written.
    check_against_reference(condition("ip", "eq", R"(["not-an-ip"])"));
}

TEST_CASE("filter sql: eq and neq on list fields") {
    check_against_reference(condition("ip_tags", "eq", R"(["Tor"])"));
    check_against_reference(condition("ip_tags", "eq", R"(["Tor", "Botnet"])"));
    check_against_reference(condition("ip_tags", "neq", R"(["Tor"])"));
    check_against_reference(condition("ip_tags", "neq", R"(["Tor", "tor", "Botnet"])"));
    check_against_reference(condition("objects", "eq", R"(["a_b", "100%_done"])"));
    check_against_reference(condition("ua_tags", "neq", R"(["Robot"])"));
    check_against_reference(condition("matched_policies", "eq", R"(["Mass download"])"));
}

TEST_CASE("filter sql: list eq is served by the (value, activity) index") {
    ActivityFilter f = parsed(condition("ip_tags", "eq", R"(["Tor"])"));
    SqlFragment where = compile_filter_to_sql(f, {});
    CHECK(where.sql == "a.rowid IN (SELECT activity FROM activity_ip_tags WHERE value IN (?))");
    Statement plan = prepare(test_data().store.db(), "EXPLAIN QUERY PLAN SELECT a.id FROM activities a WHERE " + where.sql);
    bind_all(plan.get(), where.params);
    std::string details;
    while (step_row(test_data().store.db(), plan.get())) details += column_text(plan.get(), 3) + "\n";
    CHECK_MESSAGE(details.find("activity_ip_tags_by_value") != std::string::npos, details);
}

TEST_CASE("filter sql: contains matches whole words without case") {
    size_t malware = check_against_reference(condition("description", "contains", R"(["malware"])"));
    check_against_reference(condition("description", "contains", R"(["MALWARE"])"));
    check_against_reference(condition("user_agent", "contains", R"(["chrome"])"));
    check_against_reference(condition("user_agent", "contains", R"(["130"])"));
    check_against_reference(condition("description", "contains", R"(["malwarevirus"])"));
    check_against_reference(condition("description", "contains", R"(["virus trojan"])"));  // any word
    check_against_reference(condition("description", "contains", R"(["done_now"])"));      // done or now
    check_against_reference(condition("description", "contains", R"(["café"])"));
    check_against_reference(condition("description", "contains", R"(["caf"])"), Expect::None);
    check_against_reference(condition("city", "contains", R"(["são"])"));
    check_against_reference(condition("objects", "contains", R"(["malware"])"));
    check_against_reference(condition("objects", "contains", R"(["xlsx", "docx"])"));
    check_against_reference(condition("ip", "contains", R"(["db8"])"));
    size_t both = check_against_reference(condition("description", "contains", R"(["malware", "crème"])"));
    CHECK(both > malware);
}

TEST_CASE("filter sql: contains with a quoted value matches the exact phrase") {
    check_against_reference(condition("description", "contains", R"(["\"malware.exe\""])"));
    check_against_reference(condition("description", "contains", R"(["\"malware_f\""])"));
    check_against_reference(condition("description", "contains", R"(["\"ware_fi\" crème"])"));
    check_against_reference(condition("description", "contains", R"(["\"100% d\""])"));
    check_against_reference(condition("description", "contains", R"(["\"a_b\""])"));
    check_against_reference(condition("objects", "contains", R"(["\"%_d\""])"));
    check_against_reference(condition("description", "contains", R"(["\"unclosed phrase"])"), Expect::None);
}

TEST_CASE("filter sql: not_contains keeps empty fields and empty lists") {
    check_against_reference(condition("description", "not_contains", R"(["malware"])"));
    check_against_reference(condition("description", "not_contains", R"(["malware virus", "\"log on\""])"));
    check_against_reference(condition("user_agent", "not_contains", R"(["chrome"])"));
    check_against_reference(condition("objects", "not_contains", R"(["malware"])"));
    check_against_reference(condition("ip_tags", "not_contains", R"(["TOR"])"));
}

TEST_CASE("filter sql: starts_with, not_starts_with and ends_with, wildcards literal") {
    check_against_reference(condition("user", "starts_with", R"(["ALICE"])"));
    check_against_reference(condition("ip", "starts_with", R"(["10.1."])"));
    check_against_reference(condition("ip", "starts_with", R"(["10_1"])"), Expect::None);
    check_against_reference(condition("description", "starts_with", R"(["100%"])"));
    check_against_reference(condition("description", "starts_with", R"(["%"])"), Expect::None);
    check_against_reference(condition("description", "starts_with", R"(["a_"])"));
    check_against_reference(condition("description", "starts_with", R"(["ab", "Log"])"));
    check_against_reference(condition("objects", "starts_with", R"(["q3"])"));
    check_against_reference(condition("user", "not_starts_with", R"(["alice", "bob"])"));
    check_against_reference(condition("objects", "not_starts_with", R"(["malware", "report"])"));
    check_against_reference(condition("description", "ends_with", R"j([".EXE", "failure)"])j"));
    check_against_reference(condition("file", "ends_with", R"([".csv"])"), Expect::All);
    check_against_reference(condition("objects", "ends_with", R"(["_done"])"));
}

TEST_CASE("filter sql: is_set and is_not_set") {
    for (const char* field : {"user", "ip", "country", "ip_tags", "objects", "matched_policies"}) {
        size_t set = check_against_reference(condition(field, "is_set", "[]"));
        size_t unset = check_against_reference(condition(field, "is_not_set", "[]"));
        CHECK(set + unset == test_data().activities.size());
    }
    check_against_reference(condition("time", "is_set", "[]"), Expect::All);
    check_against_reference(condition("time", "is_not_set", "[]"), Expect::None);
}

TEST_CASE("filter sql: before, after and between") {
    std::string day_ago = std::to_string(kNewest - kDay);
    check_against_reference(condition("time", "before", R"(["2025-12-15"])"));
    check_against_reference(condition("time", "after", R"(["2025-12-15T12:00:00Z"])"));
    check_against_reference(condition("time", "after", "[" + day_ago + "]"));
    check_against_reference(condition("time", "before", "[\"" + day_ago + "\"]"));
    check_against_reference(condition("time", "after", "[" + std::to_string(kNewest) + "]"), Expect::None);
    check_against_reference(condition("time", "before", "[" + std::to_string(kNewest) + "]"));
    size_t forward = check_against_reference(condition("time", "between", R"(["2025-12-01", "2025-12-10T23:59:59Z"])"));
    size_t backward = check_against_reference(condition("time", "between", R"(["2025-12-10T23:59:59Z", "2025-12-01"])"));
    CHECK(forward == backward);
    // between includes both ends: the newest activity sits exactly on the bound
    check_against_reference(condition("time", "between", "[" + std::to_string(kNewest) + ", \"2026-01-01T00:00:00Z\"]"));
}

TEST_CASE("filter sql: last_days counts back from the newest activity") {
    size_t week = check_against_reference(condition("time", "last_days", "[7]"));
    size_t month = check_against_reference(condition("time", "last_days", R"(["30"])"));
    CHECK(week < month);
    check_against_reference(condition("time", "last_days", "[0]"));
    check_against_reference(condition("time", "last_days", "[365]"), Expect::All);
    check_against_reference(condition("time", "last_days", "[7]"), Expect::None, std::nullopt);
}

TEST_CASE("filter sql: time_of_day, within a day and wrapping past midnight") {
    size_t office = check_against_reference(condition("time", "time_of_day", R"(["08:00", "17:00"])"));
    size_t night = check_against_reference(condition("time", "time_of_day", R"(["17:00", "08:00"])"));
    CHECK(office + night == test_data().activities.size());  // from > to is exactly the rest of the day
    check_against_reference(condition("time", "time_of_day", R"(["22:00", "06:00"])"));
    check_against_reference(condition("time", "time_of_day", R"(["23:30", "00:00"])"));  // up to midnight
    // act-0 sits exactly on midnight: from is included, to is not.
    size_t first_minute = check_against_reference(condition("time", "time_of_day", R"(["00:00", "00:01"])"));
    size_t before_midnight = check_against_reference(condition("time", "time_of_day", R"(["23:59", "00:00"])"));
    CHECK(first_minute >= 1);
    CHECK(before_midnight >= 1);
    std::vector<std::string> ids = sql_matches(parsed(condition("time", "time_of_day", R"(["00:00", "00:01"])")), {});
    CHECK(std::count(ids.begin(), ids.end(), "act-0") == 1);
    // Data is in whole minutes: everything but the 00:00:00 rows starts at or after 00:00:01.
    size_t with_seconds = check_against_reference(condition("time", "time_of_day", R"(["00:00:01", "00:00"])"));
    CHECK(with_seconds + first_minute == test_data().activities.size());
    check_against_reference(condition("time", "time_of_day", R"(["12:30:30", "12:31:00"])"), Expect::None);
    check_against_reference(condition("time", "time_of_day", R"(["12:30:00", "12:30:01"])"));
}

TEST_CASE("filter sql: time_of_day on times before 1970, seconds and milliseconds") {
    ActivityStore store;
    std::vector<Activity> rows;
    const std::pair<const char*, int64_t> times[] = {
        {"pre-midnight", -86400000},      // 1969-12-31T00:00:00.000Z
        {"pre-2300", -3600000},           // 1969-12-31T23:00:00.000Z
        {"pre-last-ms", -1},              // 1969-12-31T23:59:59.999Z
        {"epoch", 0},                     // 1970-01-01T00:00:00.000Z
        {"one-and-a-half-s", 1500},       // 00:00:01.500
        {"last-ms", 86399999},            // 23:59:59.999
        {"noon-ms", 43200000 - 1},        // 11:59:59.999
        {"noon", 43200000},               // 12:00:00.000
        {"old", -1234567890123},          // 1930-11-18T00:28:29.877Z
    };
    ActivityWriter writer(store);
    for (const auto& [id, ms] : times) {
        Activity a;
        a.id = id;
        a.time_ms = ms;
        rows.push_back(a);
        writer.insert(a);
    }
    writer.commit();
    while (store.build_columns(1e9)) {
    }
    REQUIRE(store.columns());
    auto matches = [&](const char* from, const char* to) {
        ActivityFilter f = parsed(condition("time", "time_of_day", "[\"" + std::string(from) + "\", \"" + to + "\"]"));
        SqlFragment where = compile_filter_to_sql(f, {});
        Statement st = prepare(store.db(), "SELECT a.id FROM activities a WHERE " + where.sql + " ORDER BY a.id");
        bind_all(st.get(), where.params);
        std::vector<std::string> sql, reference;
        while (step_row(store.db(), st.get())) sql.push_back(column_text(st.get(), 0));
        for (const Activity& a : rows)
            if (reference::node_matches(f.root, a, std::nullopt)) reference.push_back(a.id);
        std::sort(reference.begin(), reference.end());
        CHECK_MESSAGE(sql == reference, from, "-", to);
        std::optional<std::vector<uint8_t>> mask = match_columns(*store.columns(), f, {});
        REQUIRE(mask);
        std::vector<std::string> columns;
        for (uint32_t p : matching_positions(*mask)) columns.push_back(rows[store.columns()->rowids()[p] - 1].id);
        std::sort(columns.begin(), columns.end());
        CHECK_MESSAGE(columns == reference, "column path ", from, "-", to);
        return sql;
    };
    using Ids = std::vector<std::string>;
    CHECK(matches("23:00", "00:00") == Ids{"last-ms", "pre-2300", "pre-last-ms"});
    CHECK(matches("00:00", "00:00:01") == Ids{"epoch", "pre-midnight"});
    CHECK(matches("00:00:01", "00:00:02") == Ids{"one-and-a-half-s"});
    CHECK(matches("12:00", "00:00:01") == Ids{"epoch", "last-ms", "noon", "pre-2300", "pre-last-ms", "pre-midnight"});
    CHECK(matches("00:28:29", "00:28:30") == Ids{"old"});
    CHECK(matches("11:59:59", "12:00") == Ids{"noon-ms"});
}

TEST_CASE("filter sql: user as object and as any role, every text operator") {
    for (const char* role : {"object", "any"}) {
        for (const char* op : {"eq", "neq", "contains", "not_contains", "starts_with", "not_starts_with", "ends_with"}) {
            std::string values = std::string_view(op).find("contains") != std::string_view::npos
                                     ? R"(["alice", "\"fabrikam.com\""])"
                                     : std::string_view(op).find("with") != std::string_view::npos
                                           ? R"(["ALICE@", "@fabrikam.COM"])"
                                           : R"(["ALICE@contoso.com", "bob@FABRIKAM.com"])";
            std::string json = R"({"all":[{"field":"user","as":")" + std::string(role) + R"(","op":")" + op +
                               R"(","values":)" + values + "}]}";
            check_against_reference(json);
        }
    }
}

TEST_CASE("filter sql: user roles relate as the reference defines them") {
    auto count = [](const char* role, const char* op) {
        std::string json = R"({"all":[{"field":"user","as":")" + std::string(role) + R"(","op":")" + op +
                           R"(","values":["alice@contoso.com"]}]})";
        return check_against_reference(json);
    };
    size_t actor = count("actor", "eq"), object = count("object", "eq"), any = count("any", "eq");
    CHECK(any > actor);
    CHECK(any > object);
    CHECK(any <= actor + object);
    size_t total = test_data().activities.size();
    CHECK(count("object", "neq") == total - object);  // a negative keeps exactly the rest,
    CHECK(count("any", "neq") == total - any);        // including rows with no user and no objects
    // Object eq compares without case, as user does, though list values otherwise compare exactly.
    SqlFragment where = compile_filter_to_sql(parsed(R"({"all":[{"field":"user","as":"object","op":"eq","values":["x"]}]})"), {});
    CHECK(where.sql == "a.rowid IN (SELECT activity FROM activity_objects WHERE value COLLATE NOCASE IN (?))");
    where = compile_filter_to_sql(parsed(R"({"all":[{"field":"user","as":"any","op":"neq","values":["x"]}]})"), {});
    CHECK(where.sql == "((a.user = '' OR NOT a.user COLLATE NOCASE IN (?)) AND "
                       "a.rowid NOT IN (SELECT activity FROM activity_objects WHERE value COLLATE NOCASE IN (?)))");
    CHECK(where.params.size() == 2);
}

TEST_CASE("filter sql: in_cidr and not_in_cidr for IPv4 and IPv6") {
    check_against_reference(condition("ip", "in_cidr", R"(["10.0.0.0/8"])"));
    check_against_reference(condition("ip", "in_cidr", R"(["10.1.0.0/16"])"));
    check_against_reference(condition("ip", "in_cidr", R"(["192.168.0.1"])"));
    check_against_reference(condition("ip", "in_cidr", R"(["2001:db8::/32"])"));
    check_against_reference(condition("ip", "in_cidr", R"(["2001:db8:0:1::/64"])"));
    check_against_reference(condition("ip", "in_cidr", R"(["0.0.0.0/0"])"));
    check_against_reference(condition("ip", "in_cidr", R"(["::/0"])"));
    check_against_reference(condition("ip", "in_cidr", R"(["172.16.0.0/12", "fe80::/10"])"));
    check_against_reference(condition("ip", "not_in_cidr", R"(["10.0.0.0/8"])"));
    check_against_reference(condition("ip", "not_in_cidr", R"(["10.0.0.0/8", "2001:db8::/32"])"));
    check_against_reference(condition("ip", "not_in_cidr", R"(["::/0"])"));  // only rows without an IP
}

TEST_CASE("filter sql: booleans") {
    check_against_reference(condition("admin", "is_true", "[]"));
    check_against_reference(condition("admin", "is_false", "[]"));
    check_against_reference(condition("impersonated", "is_true", "[]"));
    check_against_reference(condition("admin", "eq", "[true]"));
    check_against_reference(condition("admin", "eq", R"(["False"])"));
    check_against_reference(condition("admin", "eq", R"([true, false])"), Expect::All);
    check_against_reference(condition("impersonated", "neq", R"(["true"])"));
}

TEST_CASE("filter sql: free text searches every field, the raw record and list values") {
    check_against_reference(R"({"all":[{"op":"text","values":["contoso"]}]})");
    check_against_reference(R"({"all":[{"op":"text","values":["TORX"]}]})");          // raw only
    check_against_reference(R"({"all":[{"op":"text","values":["anonymous PROXY"]}]})");  // ip_tags only
    check_against_reference(R"({"all":[{"op":"text","values":["q3 plan", "fabrikam"]}]})");
    check_against_reference(R"({"all":[{"op":"text","values":["100%"]}]})");
    check_against_reference(R"({"all":[{"op":"text","values":["δέλτα"]}]})");
    check_against_reference(R"({"all":[{"op":"text","values":["no such text anywhere"]}]})", Expect::None);
}

TEST_CASE("filter sql: nested any and all groups") {
    check_against_reference(R"({"all":[
        {"field":"app","op":"eq","values":["Box","box"]},
        {"any":[{"field":"ip","op":"in_cidr","values":["10.0.0.0/8"]},
                {"field":"ip_tags","op":"eq","values":["Tor"]},
                {"all":[{"field":"admin","op":"is_true"},{"field":"user","op":"is_set"}]}]},
        {"field":"description","op":"not_contains","values":["malware"]}]})");
    check_against_reference(R"({"any":[
        {"all":[{"field":"country","op":"eq","values":["US"]},{"field":"time","op":"last_days","values":[3]}]},
        {"all":[{"field":"country","op":"neq","values":["US"]},{"field":"objects","op":"contains","values":["\"plan\""]}]}]})");
    check_against_reference(R"({"any":[{"any":[{"any":[{"field":"user","op":"starts_with","values":["o'"]}]}]}]})");
}

TEST_CASE("filter sql: injection attempts match literally and do no harm") {
    const char* values[] = {R"(')", R"(\")", ";", "--", "%", "_", R"(\u0000)", R"(') OR 1=1 --)",
                            R"(\" OR \"\"=\")", R"('; DROP TABLE activities; --)", R"(it's)", R"(1=1)"};
    for (const char* v : values) {
        std::string value = "[\"" + std::string(v) + "\"]";
        std::string phrase = "[\"\\\"" + std::string(v) + "\\\"\"]";
        for (const char* op : {"eq", "neq", "starts_with", "not_starts_with", "ends_with"}) {
            check_against_reference(condition("description", op, value), Expect::Any);
            check_against_reference(condition("objects", op, value), Expect::Any);
            for (const char* role : {"object", "any"})
                check_against_reference(R"({"all":[{"field":"user","as":")" + std::string(role) + R"(","op":")" + op +
                                            R"(","values":)" + value + "}]}",
                                        Expect::Any);
        }
        if (std::string_view(v).find('"') == std::string_view::npos) {  // a quote would end the phrase
            check_against_reference(condition("description", "contains", phrase), Expect::Any);
            check_against_reference(condition("user", "not_contains", phrase), Expect::Any);
        }
        check_against_reference(R"({"all":[{"op":"text","values":)" + value + "}]}", Expect::Any);
        SqlFragment where = compile_filter_to_sql(parsed(condition("description", "eq", value)), {});
        CHECK(where.sql == "a.description IN (?)");
    }
    check_against_reference(condition("description", "eq", R"(["') OR 1=1 --"])"));
    check_against_reference(condition("description", "contains", R"(["\"') OR 1=1 --\""])"));
    check_against_reference(condition("description", "starts_with", R"(["it's ok; --"])"));
    check_against_reference(condition("objects", "eq", R"(["it's"])"));
    check_against_reference(R"({"all":[{"field":"user","as":"object","op":"eq","values":["O'BRIEN@contoso.com"]}]})");
    check_against_reference(R"({"all":[{"field":"user","as":"any","op":"starts_with","values":["o'"]}]})");
    check_against_reference(condition("description", "eq", R"(["a\u0000b"])"), Expect::None);
    CHECK(test_data().store.count() == static_cast<int64_t>(test_data().activities.size()));
}

TEST_CASE("filter sql: whole-word SQL function agrees with the contract's examples") {
    sqlite3* db = test_data().store.db();
    auto ask = [db](const std::string& sql) {
        Statement st = prepare(db, "SELECT " + sql);
        REQUIRE(step_row(db, st.get()));
        return column_text(st.get(), 0);
    };
    CHECK(ask("sl_has_word('Mozilla/5.0 Chrome/130.0', 'chrome')") == "1");
    CHECK(ask("sl_has_word('virus_malware_file.exe', 'malware')") == "1");
    CHECK(ask("sl_has_word('malwarevirus.exe', 'malware')") == "0");
    CHECK(ask("sl_has_word('café', 'caf')") == "0");
    CHECK(ask("sl_has_word('', 'x')") == "0");
    CHECK(ask("sl_has_word(NULL, 'x')") == "0");
    CHECK(ask("sl_contains_ci('Hello World', 'O W')") == "1");
    CHECK(ask("sl_starts_with_ci('Hello', 'hE')") == "1");
    CHECK(ask("sl_ends_with_ci('Hello', 'LO')") == "1");
    CHECK(ask("sl_ends_with_ci('lo', 'Hello')") == "0");
    CHECK(ask("sl_any_contains('x', 'a', 'b', 'zXz')") == "1");
}

TEST_CASE("filter sql: a condition that skipped the parser's checks matches nothing") {
    ActivityFilter f;
    FilterNode bad;
    bad.kind = FilterNode::Kind::Condition;
    bad.condition = {"usr", FilterOp::Eq, {"x"}};
    f.root.children.push_back(bad);
    CHECK(compile_filter_to_sql(f, {}).sql == "0");
    f.root.children[0].condition = {"ip", FilterOp::InCidr, {"10.0.0/8"}};
    CHECK(compile_filter_to_sql(f, {}).sql == "0");
    CHECK(compile_filter_to_sql(f, {}).params.empty());
}

TEST_CASE("filter sql: the column path answers what it can, the same as SQL") {
    // Runs after the cases above (doctest keeps file order): most of their filters are on
    // fields the column copy keeps, so the path must have been exercised, and every answer
    // was compared with the reference there.
    CHECK(g_column_answers > 40);
    auto answered = [](std::string_view json) { return column_matches(parsed(json), FilterContext{kNewest}).has_value(); };
    CHECK(answered(condition("app", "eq", R"(["Box"])")));
    CHECK(answered(condition("ip", "in_cidr", R"(["10.0.0.0/8"])")));
    CHECK(answered(condition("time", "last_days", R"(["7"])")));
    CHECK(answered(condition("admin", "is_true", "[]")));
    CHECK_FALSE(answered(condition("description", "contains", R"(["malware"])"))); // not kept: SQL
    CHECK_FALSE(answered(condition("ip_tags", "eq", R"(["Tor"])")));               // a list: SQL
    CHECK(answered(condition("time", "time_of_day", R"(["22:00", "06:00"])")));
    CHECK(answered(R"({"all":[{"field":"user","as":"actor","op":"eq","values":["x"]}]})"));
    CHECK_FALSE(answered(R"({"all":[{"field":"user","as":"object","op":"eq","values":["x"]}]})"));  // objects: SQL
    CHECK_FALSE(answered(R"({"any":[{"field":"app","op":"eq","values":["Box"]},)"
                         R"({"field":"user","as":"any","op":"neq","values":["x"]}]})"));
    CHECK(answered(R"({"all":[{"field":"text","op":"text","values":["tor"]}]})"));             // with a search
    CHECK_FALSE(match_columns(*test_data().store.columns(), parsed(R"({"all":[{"field":"text","op":"text","values":["tor"]}]})"),
                              FilterContext{kNewest}).has_value());                                // without one
    CHECK_FALSE(answered(R"({"any":[{"field":"app","op":"eq","values":["Box"]},
                                     {"field":"objects","op":"eq","values":["a_b"]}]})"));
}
