// The repeated-activity window at its edges (50 against 51 in a minute, two activities exactly
// `minutes` apart), its groups (users compared without case, per IP, per app), what it counts
// (activities, distinct targets, distinct users), the daily alert limit, and a randomized
// comparison with a brute-force search for a full window written without the sweep.
#include "query/policy_evaluation.h"
#include "policy_test_support.h"
#include "test_random.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace sightline;
using namespace sightline::testing;

namespace {

std::string downloads_policy(int min, int minutes, const std::string& extra = "") {
    return R"({"name": "Downloads", "severity": "High", "filter": {"all": [{"field": "activity_type", "op": "eq", "values": ["Download file"]}]},
               "repeated": {"min": )" + std::to_string(min) + R"(, "minutes": )" + std::to_string(minutes) + extra +
           R"(}, "daily_alert_limit": 100})";
}

// `count` downloads by `user`, `step_ms` apart from `start_ms`.
std::vector<std::string> downloads(int count, int64_t start_ms, int64_t step_ms, const std::string& user = "ann@contoso.example",
                                   const std::string& extra = "") {
    std::vector<std::string> specs;
    for (int i = 0; i < count; ++i)
        specs.push_back("activity_type=Download file|user=" + user + "|time=" + std::to_string(start_ms + i * step_ms) + extra);
    return specs;
}

PolicyMatches run(const std::vector<std::string>& specs, const std::string& policy_json) {
    ActivityStore store;
    store_activities(store, activities_from_specs(specs));
    return evaluate_policy(store, policy_from_json(policy_json));
}

} // namespace

TEST_CASE("51 downloads within a minute raise one alert; 50 do not") {
    // 51 downloads 1,199 ms apart span 59,950 ms: inside one minute.
    PolicyMatches hit = run(downloads(51, 0, 1199), downloads_policy(51, 1));
    REQUIRE(hit.alerts.size() == 1);
    CHECK(hit.alerts[0].activity_ids.size() == 51);
    CHECK(hit.alerts[0].user == "ann@contoso.example");
    CHECK(hit.alerts[0].first_ms == kDayOne);
    CHECK(hit.alerts[0].last_ms == kDayOne + 50 * 1199);
    CHECK(hit.ids.size() == 51);
    PolicyMatches miss = run(downloads(50, 0, 1199), downloads_policy(51, 1));
    CHECK(miss.alerts.empty());
    CHECK(miss.ids.empty());
}

TEST_CASE("activities exactly `minutes` apart are not in one window; a millisecond less, they are") {
    CHECK(run(downloads(2, 0, 60000), downloads_policy(2, 1)).alerts.empty());
    CHECK(run(downloads(2, 0, 59999), downloads_policy(2, 1)).alerts.size() == 1);
    CHECK(run(downloads(2, 0, 5 * 60000), downloads_policy(2, 5)).alerts.empty());
    CHECK(run(downloads(2, 0, 5 * 60000 - 1), downloads_policy(2, 5)).alerts.size() == 1);
}

TEST_CASE("a burst raises one alert that grows while the window stays full, then a new one can start") {
    // 3 in a minute (an alert), then more every 30 s (each window still holds 3), a gap, and 3 again.
    std::vector<std::string> specs = downloads(6, 0, 30000);
    for (const std::string& s : downloads(3, 3600000, 1000)) specs.push_back(s);
    PolicyMatches m = run(specs, downloads_policy(3, 2));
    REQUIRE(m.alerts.size() == 2);
    CHECK(m.alerts[0].activity_ids.size() == 6);
    CHECK(m.alerts[1].activity_ids.size() == 3);
    CHECK(m.ids.size() == 9);
}

TEST_CASE("users are compared without case; single_app counts each app apart") {
    std::vector<std::string> specs = downloads(2, 0, 1000, "Ann@Contoso.example", "|app=SharePoint Online");
    for (const std::string& s : downloads(2, 5000, 1000, "ann@contoso.EXAMPLE", "|app=OneDrive for Business")) specs.push_back(s);
    PolicyMatches together = run(specs, downloads_policy(4, 1));
    REQUIRE(together.alerts.size() == 1);
    CHECK(together.alerts[0].activity_ids.size() == 4);
    CHECK(together.alerts[0].app.empty());  // two apps
    CHECK(run(specs, downloads_policy(4, 1, R"(, "single_app": true)")).alerts.empty());
    CHECK(run(specs, downloads_policy(2, 1, R"(, "single_app": true)")).alerts.size() == 2);
}

TEST_CASE("unique_targets counts distinct objects, not activities") {
    std::vector<std::string> same = downloads(5, 0, 1000, "ann@contoso.example", "|objects=budget.xlsx");
    CHECK(run(same, downloads_policy(3, 1, R"(, "unique_targets": true)")).alerts.empty());
    CHECK(run(same, downloads_policy(3, 1)).alerts.size() == 1);
    std::vector<std::string> distinct;
    for (int i = 0; i < 3; ++i)
        distinct.push_back("activity_type=Download file|objects=file" + std::to_string(i) + ".docx|time=" + std::to_string(i * 1000));
    CHECK(run(distinct, downloads_policy(3, 1, R"(, "unique_targets": true)")).alerts.size() == 1);
}

TEST_CASE("group_by ip with unique_users: a password spray from one IP across users") {
    const std::string spray = R"({"name": "Spray", "filter": {"all": [{"field": "activity_type", "op": "eq", "values": ["Failed log on"]}]},
        "repeated": {"min": 10, "minutes": 60, "group_by": "ip", "unique_users": true}})";
    auto attempts = [](int users, int tries_each) {
        std::vector<std::string> specs;
        for (int u = 0; u < users; ++u)
            for (int t = 0; t < tries_each; ++t)
                specs.push_back("activity_type=Failed log on|ip=203.0.113.9|user=user" + std::to_string(u) +
                                "@contoso.example|time=" + std::to_string((u * tries_each + t) * 60000));
        return specs;
    };
    PolicyMatches hit = run(attempts(10, 1), spray);  // 10 users in 9 minutes
    REQUIRE(hit.alerts.size() == 1);
    CHECK(hit.alerts[0].ip == "203.0.113.9");
    CHECK(hit.alerts[0].user.empty());
    CHECK(hit.alerts[0].users.size() == 10);
    CHECK(run(attempts(9, 5), spray).alerts.empty());  // 45 failures, but 9 users
}

TEST_CASE("the daily alert limit holds back alerts past the limit on each UTC day") {
    std::vector<std::string> specs;
    for (int i = 0; i < 7; ++i) specs.push_back("activity_type=Log on|time=" + std::to_string(i * 3600000));
    specs.push_back("activity_type=Log on|time=" + std::to_string(86400000 + 5));  // the next day
    PolicyMatches m = run(specs, R"({"name": "Log ons", "filter": {"all": [{"field": "activity_type", "op": "eq", "values": ["Log on"]}]},
                                     "daily_alert_limit": 5})");
    CHECK(m.ids.size() == 8);  // every match is a match; only alerts are limited
    REQUIRE(m.alerts.size() == 6);
    CHECK(m.alerts_over_daily_limit == 2);
    CHECK(m.alerts[5].first_ms == kDayOne + 86400000 + 5);
}

TEST_CASE("randomized: an alert exists exactly when a brute-force search finds a full window") {
    TestRandom random(2207);
    for (int round = 0; round < 200; ++round) {
        const int min = 1 + static_cast<int>(random.below(6));
        const int minutes = 1 + static_cast<int>(random.below(3));
        std::vector<int64_t> times;
        const int n = static_cast<int>(random.below(12));
        for (int i = 0; i < n; ++i) times.push_back(static_cast<int64_t>(random.below(6 * 60000)));
        std::sort(times.begin(), times.end());
        bool full_window = false;  // some activity with at least min-1 others less than `minutes` after it
        for (size_t i = 0; i < times.size(); ++i) {
            int inside = 0;
            for (int64_t t : times) inside += t >= times[i] && t < times[i] + minutes * 60000;
            full_window = full_window || inside >= min;
        }
        std::vector<std::string> specs;
        for (int64_t t : times) specs.push_back("activity_type=Download file|time=" + std::to_string(t));
        PolicyMatches m = run(specs, downloads_policy(min, minutes));
        CHECK_MESSAGE(!m.alerts.empty() == full_window, "round " << round << " min " << min << " minutes " << minutes);
        for (const PolicyAlert& a : m.alerts) CHECK(static_cast<int>(a.activity_ids.size()) >= min);
        std::set<std::string> seen;  // no activity counts towards two alerts
        for (const PolicyAlert& a : m.alerts)
            for (const std::string& id : a.activity_ids) CHECK(seen.insert(id).second);
    }
}
