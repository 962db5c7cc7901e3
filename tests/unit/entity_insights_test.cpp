// User and IP insights (query/insights_job.h) against counts made another way: plain loops over
// the fixture's activities, with the window, the case rule and the day buckets written out here
// again. Each fixture is asked through SQL (before the column copy exists, and forced after) and
// through the copy; all three must equal the loops.
#include "query/activity_query.h"
#include "query/insights_job.h"
#include "store/activity_store.h"
#include "test_random.h"
#include "util/time_format.h"

#include <doctest/doctest.h>

#include <cctype>
#include <map>
#include <string>
#include <vector>

using namespace sightline;

namespace {

constexpr int64_t kDay = 86400000;
const int64_t kNewest = 1751284800000; // 2025-06-30T12:00:00Z
const int64_t kWindowStart = kNewest - 30 * kDay;

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

Activity make(int64_t time, std::string user, std::string ip, std::string country, std::string city = "",
              std::string isp = "", bool admin = false) {
    static int next_id = 0;
    Activity a;
    a.id = "a" + std::to_string(++next_id);
    a.time_ms = time;
    a.app = "Microsoft Exchange Online";
    a.activity_type = "Log on";
    a.user = std::move(user);
    a.ip = std::move(ip);
    a.country = std::move(country);
    a.city = std::move(city);
    a.isp = std::move(isp);
    a.admin = admin;
    return a;
}

// The answer written out with loops: which rows count, then each list by std::map.
struct Expected {
    int64_t activities = 0, admin = 0;
    std::map<std::string, int64_t> countries, isps, others; // others: folded value -> count
    std::map<std::string, std::map<std::string, int64_t>> spellings_of_other;
    std::map<std::string, int64_t> spellings; // the subject's spellings
    std::map<std::pair<std::string, std::string>, int64_t> places;
    std::map<std::string, int64_t> days; // "YYYY-MM-DD" -> count
};

Expected expect(const std::vector<Activity>& all, InsightSubject subject, const std::string& value) {
    int64_t newest = 0;
    for (const Activity& a : all) newest = std::max(newest, a.time_ms);
    Expected e;
    for (const Activity& a : all) {
        const std::string& key = subject == InsightSubject::User ? a.user : a.ip;
        const std::string& other = subject == InsightSubject::User ? a.ip : a.user;
        if (value.empty() || lower(key) != lower(value) || a.time_ms < newest - 30 * kDay) continue;
        ++e.activities;
        e.admin += a.admin;
        ++e.spellings[key];
        if (!a.country.empty()) ++e.countries[a.country];
        if (!a.isp.empty()) ++e.isps[a.isp];
        if (!other.empty()) {
            ++e.others[lower(other)];
            ++e.spellings_of_other[lower(other)][other];
        }
        if (!a.country.empty() || !a.city.empty()) ++e.places[{a.country, a.city}];
        ++e.days[format_iso8601_utc(a.time_ms).substr(0, 10)];
    }
    return e;
}

std::string most_seen(const std::map<std::string, int64_t>& spellings) {
    std::string best;
    int64_t n = -1;
    for (const auto& [s, c] : spellings) // std::map: byte order, so the first of equals wins
        if (c > n) best = s, n = c;
    return best;
}

void check(const EntityInsights& got, const Expected& e, const std::string& value) {
    INFO("subject: " << value);
    CHECK(got.activities == e.activities);
    CHECK(got.admin_activities == e.admin);
    CHECK(got.open_alerts == 0);
    CHECK(got.matches == 0);
    CHECK(got.spelling == (e.spellings.empty() ? value : most_seen(e.spellings)));
    std::map<std::string, int64_t> countries, isps, others;
    for (const ValueCount& c : got.countries) countries[c.value] = c.count;
    for (const ValueCount& c : got.isps) isps[c.value] = c.count;
    const auto& other_list = got.subject == InsightSubject::User ? got.ips : got.users;
    for (const ValueCount& c : other_list) {
        others[lower(c.value)] = c.count;
        CHECK(c.value == most_seen(e.spellings_of_other.at(lower(c.value))));
    }
    CHECK(countries == e.countries);
    CHECK(isps == e.isps);
    CHECK(others == e.others);
    for (size_t i = 1; i < got.countries.size(); ++i) CHECK(got.countries[i - 1].count >= got.countries[i].count);
    std::map<std::pair<std::string, std::string>, int64_t> places;
    for (const PlaceCount& p : got.locations) places[{p.country, p.city}] = p.count;
    CHECK(places == e.places);
    // Days: every UTC day from the window's first to the newest, oldest first, summing to activities.
    REQUIRE(!got.daily.empty());
    CHECK(format_iso8601_utc(got.daily.front().day_ms).substr(0, 10) == format_iso8601_utc(got.window.start_ms).substr(0, 10));
    CHECK(format_iso8601_utc(got.daily.back().day_ms).substr(0, 10) == format_iso8601_utc(got.window.end_ms).substr(0, 10));
    int64_t sum = 0;
    for (size_t i = 0; i < got.daily.size(); ++i) {
        if (i) CHECK(got.daily[i].day_ms - got.daily[i - 1].day_ms == kDay);
        const std::string day = format_iso8601_utc(got.daily[i].day_ms).substr(0, 10);
        CHECK(got.daily[i].count == (e.days.count(day) ? e.days.at(day) : 0));
        sum += got.daily[i].count;
    }
    CHECK(sum == e.activities);
}

struct Fixture {
    std::vector<Activity> all;
    ActivityStore store;

    void load() {
        ActivityWriter writer(store);
        for (const Activity& a : all) writer.insert(a);
        writer.commit();
    }
    void build_copy() {
        while (store.build_columns(1e9)) {
        }
        REQUIRE(store.columns());
    }
    // Through SQL now, then through the copy and through SQL forced, each against the loops.
    void check_all(const std::vector<std::pair<InsightSubject, std::string>>& asks) {
        load();
        for (const auto& [subject, value] : asks) check(compute_insights(store, subject, value), expect(all, subject, value), value);
        build_copy();
        for (const auto& [subject, value] : asks) {
            InsightsJob job(store, subject, value);
            CHECK((job.uses_columns() || value.empty())); // nothing to count for an empty value
            while (job.step(7)) CHECK(!job.done()); // many small slices
            check(job.insights(), expect(all, subject, value), value);
            check(compute_insights_with_sql(store, subject, value), expect(all, subject, value), value);
        }
    }
};

} // namespace

TEST_CASE("insights: the 30-day window's edges, case variants of one UPN, admin, places") {
    Fixture f;
    f.all = {
        make(kNewest, "DebraB@contoso.com", "198.51.100.7", "US", "Seattle", "Contoso Net", true),
        make(kNewest - kDay, "DebraB@contoso.com", "198.51.100.7", "US", "Seattle", "Contoso Net"),
        make(kNewest - 2 * kDay, "debrab@contoso.com", "203.0.113.9", "DE", "Berlin", "Telekom"),
        make(kNewest - 3 * kDay, "DEBRAB@CONTOSO.COM", "203.0.113.9", "DE", "", "Telekom", true),
        make(kWindowStart, "DebraB@contoso.com", "203.0.113.10", "FR", "Paris", "Orange"),   // the first moment in
        make(kWindowStart - 1, "DebraB@contoso.com", "203.0.113.11", "JP", "Tokyo", "NTT"), // just out
        make(kNewest - 40 * kDay, "debrab@contoso.com", "203.0.113.12", "BR", "", "Vivo"),
        make(kNewest - 5 * kDay, "alex@contoso.com", "198.51.100.7", "US", "Seattle", "Contoso Net"),
        make(kNewest - 5 * kDay, "alex@contoso.com", "", "", "", ""),
        make(kNewest - 50 * kDay, "old@contoso.com", "192.0.2.1", "GB", "London", "BT"),
    };
    f.check_all({{InsightSubject::User, "DebraB@contoso.com"}, {InsightSubject::User, "debrab@CONTOSO.com"},
                 {InsightSubject::User, "alex@contoso.com"}, {InsightSubject::Ip, "198.51.100.7"},
                 {InsightSubject::Ip, "203.0.113.9"}, {InsightSubject::Ip, "203.0.113.11"}});
    const EntityInsights debra = compute_insights(f.store, InsightSubject::User, "debrab@contoso.com");
    CHECK(debra.activities == 5); // hand-checked: four in the window's inside plus its first moment
    CHECK(debra.spelling == "DebraB@contoso.com");
    CHECK(debra.daily.size() == 31); // the window starts at noon: 31 days touched
}

TEST_CASE("insights: a user with no activity in the window, one seen only as an object, nothing loaded") {
    Fixture f;
    Activity target = make(kNewest - kDay, "admin@contoso.com", "192.0.2.5", "US");
    target.objects = {"ghost@contoso.com"};
    f.all = {target, make(kNewest - 45 * kDay, "old@contoso.com", "192.0.2.1", "GB", "London", "BT"),
             make(kNewest, "admin@contoso.com", "192.0.2.5", "US")};
    EntityInsights none = compute_insights(f.store, InsightSubject::User, "old@contoso.com"); // empty store
    CHECK(none.window.empty);
    CHECK(none.activities == 0);
    CHECK(none.daily.empty());
    f.check_all({{InsightSubject::User, "old@contoso.com"}, {InsightSubject::User, "ghost@contoso.com"},
                 {InsightSubject::User, "nobody@contoso.com"}, {InsightSubject::User, ""},
                 {InsightSubject::Ip, "192.0.2.1"}});
    const EntityInsights old = compute_insights(f.store, InsightSubject::User, "old@contoso.com");
    CHECK(old.activities == 0);
    CHECK(old.countries.empty());
    const EntityInsights ghost = compute_insights(f.store, InsightSubject::User, "ghost@contoso.com");
    CHECK(ghost.activities == 0); // insights count the acting user, as "Filter by this user" does
}

TEST_CASE("insights: IPv6 addresses compare without case; the users seen from one merge their spellings") {
    Fixture f;
    f.all = {make(kNewest, "Ann@contoso.com", "2001:db8::1", "NL", "Amsterdam", "KPN"),
             make(kNewest - kDay, "ann@contoso.com", "2001:DB8::1", "NL", "Amsterdam", "KPN"),
             make(kNewest - kDay, "ann@contoso.com", "2001:db8::1", "NL", "Rotterdam", "KPN"),
             make(kNewest - 2 * kDay, "bob@contoso.com", "2001:db8::1", "NL", "", "", true),
             make(kNewest - 2 * kDay, "bob@contoso.com", "2001:db8::2", "BE", "", "Proximus")};
    f.check_all({{InsightSubject::Ip, "2001:db8::1"}, {InsightSubject::Ip, "2001:DB8::1"},
                 {InsightSubject::User, "ANN@contoso.com"}, {InsightSubject::Ip, "2001:db8::2"}});
    const EntityInsights ip = compute_insights(f.store, InsightSubject::Ip, "2001:DB8::1");
    CHECK(ip.activities == 4);
    CHECK(ip.spelling == "2001:db8::1");
    REQUIRE(ip.users.size() == 2);
    CHECK(ip.users[0].value == "ann@contoso.com"); // two of its three spellings
    CHECK(ip.users[0].count == 3);
}

TEST_CASE("insights: random data, every user and IP, equal the loops on both paths") {
    testing::TestRandom random(21);
    const std::vector<std::string> users = {"Ann@x.example", "ann@x.example", "bo@x.example", "CY@x.example", "cy@X.example",
                                            "dee@x.example"};
    const std::vector<std::string> ips = {"10.0.0.1", "10.0.0.2", "2001:db8::a", "2001:DB8::A", "", "fe80::1"};
    const std::vector<std::string> countries = {"US", "DE", "", "JP"};
    const std::vector<std::string> cities = {"", "Town", "City"};
    const std::vector<std::string> isps = {"", "ISP One", "ISP Two"};
    Fixture f;
    for (int i = 0; i < 600; ++i)
        f.all.push_back(make(kNewest - static_cast<int64_t>(random.below(45 * 24)) * 3600000 - random.below(3600000),
                             random.pick(users), random.pick(ips), random.pick(countries), random.pick(cities),
                             random.pick(isps), random.percent(20)));
    f.all.push_back(make(kNewest, "dee@x.example", "10.0.0.1", "US"));
    std::vector<std::pair<InsightSubject, std::string>> asks;
    for (const std::string& u : users) asks.push_back({InsightSubject::User, u});
    for (const std::string& ip : ips) asks.push_back({InsightSubject::Ip, ip});
    f.check_all(asks);
}

TEST_CASE("value counts: a user's spellings are one value named by the most frequent") {
    Fixture f;
    for (int i = 0; i < 5; ++i) f.all.push_back(make(kNewest - i, "DebraB@contoso.com", "10.0.0.1", "US"));
    for (int i = 0; i < 3; ++i) f.all.push_back(make(kNewest - 10 - i, "debrab@contoso.com", "10.0.0.1", "US"));
    for (int i = 0; i < 6; ++i) f.all.push_back(make(kNewest - 20 - i, "zed@contoso.com", "10.0.0.2", "US"));
    f.all.push_back(make(kNewest - 30, "Zed@contoso.com", "10.0.0.2", "US"));
    f.load();
    for (int pass = 0; pass < 2; ++pass) {
        INFO("pass " << pass << (pass ? " (column copy)" : " (SQL)"));
        const std::vector<ValueCount> counts = count_values(f.store, "user", {}, 10);
        REQUIRE(counts.size() == 2);
        CHECK(counts[0].value == "DebraB@contoso.com");
        CHECK(counts[0].count == 8);
        CHECK(counts[1].value == "zed@contoso.com");
        CHECK(counts[1].count == 7);
        CHECK(count_values(f.store, "user", {}, 1).size() == 1);
        f.build_copy();
    }
}

TEST_CASE("insights: an answer still holds after an index is built, not after rows are added") {
    Fixture f;
    f.all = {make(kNewest, "ann@x.example", "10.0.0.1", "US"), make(kNewest - kDay, "ann@x.example", "10.0.0.1", "US")};
    f.load();
    f.build_copy();
    InsightsJob job(f.store, InsightSubject::User, "ann@x.example");
    job.run_to_end();
    CHECK(job.insights().activities == 2);
    f.store.ensure_indexes(); // a write that changes no row
    CHECK(job.stale());
    CHECK(job.still_holds());
    CHECK(!job.stale());
    {
        ActivityWriter writer(f.store);
        writer.insert(make(kNewest - 2 * kDay, "ann@x.example", "10.0.0.1", "US"));
        writer.commit();
    }
    CHECK(!job.still_holds());
    CHECK(compute_insights(f.store, InsightSubject::User, "ann@x.example").activities == 3);
}
