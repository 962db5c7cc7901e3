// The insights' Open alerts and Matches from the saved policies (app/insight_policy_counts.h),
// through userInsights/ipInsights: compared with alerts() and query() counts of the same
// subject, after a status change, outside the 30-day window, and once the policy is removed.
#include "api/automation_api.h"
#include "app/app_model.h"
#include "policy_test_support.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <string>
#include <vector>

using namespace sightline;
using namespace sightline::testing;

namespace {

const std::string kEachDownload = R"({"name": "Each download", "severity": "Low", "category": "Threat detection",
    "filter": {"all": [{"field": "activity_type", "op": "eq", "values": ["Download file"]}]}, "daily_alert_limit": 100})";

struct Fixture {
    AppModel model;
    AutomationApi api{model};
    Fixture() {
        std::vector<std::string> specs;
        for (int i = 0; i < 4; ++i)
            specs.push_back("activity_type=Download file|user=ann@contoso.example|ip=203.0.113.5|time=" + std::to_string(i * 1000));
        for (int i = 0; i < 2; ++i)
            specs.push_back("activity_type=Download file|user=bob@contoso.example|ip=198.51.100.9|time=" + std::to_string(5000 + i * 1000));
        specs.push_back("activity_type=Log on|user=ann@contoso.example|ip=203.0.113.5|time=9000");
        store_activities(model.store(), activities_from_specs(specs));
        model.data_changed();
    }
    rapidjson::Document call(const std::string& method, const std::string& args) {
        rapidjson::Document d;
        d.Parse(api.call(method, args).c_str());
        REQUIRE(!d.HasParseError());
        return d;
    }
    // Open alerts about `user`, counted from alerts().
    int64_t open_alerts_of(const std::string& user) {
        int64_t n = 0;
        rapidjson::Document alerts = call("alerts", "[]");
        for (const auto& a : alerts.GetArray())
            if (a["user"].GetString() == user && std::string(a["status"].GetString()) == "open") ++n;
        return n;
    }
    int64_t count(const std::string& filter) { return call("query", "[{\"filter\": " + filter + ", \"limit\": 0}]")["total"].GetInt64(); }
};

} // namespace

TEST_CASE("insights count the saved policies' open alerts and matches of their subject") {
    Fixture f;
    rapidjson::Document before = f.call("userInsights", R"(["ann@contoso.example"])");
    CHECK(before["open_alerts"].GetInt64() == 0);
    CHECK(before["matches"].GetInt64() == 0);

    REQUIRE(f.call("savePolicy", "[" + kEachDownload + "]").HasMember("ok"));
    const int64_t ann_downloads = f.count(R"({"all": [{"field": "user", "op": "eq", "values": ["ann@contoso.example"]},
        {"field": "activity_type", "op": "eq", "values": ["Download file"]}]})");
    REQUIRE(ann_downloads == 4);
    rapidjson::Document ann = f.call("userInsights", R"(["ANN@contoso.example"])"); // any case
    CHECK(ann["matches"].GetInt64() == ann_downloads);
    CHECK(ann["open_alerts"].GetInt64() == f.open_alerts_of("ann@contoso.example"));
    CHECK(ann["open_alerts"].GetInt64() > 0);
    rapidjson::Document ip = f.call("ipInsights", R"(["203.0.113.5"])");
    CHECK(ip["matches"].GetInt64() == f.count(R"({"all": [{"field": "ip", "op": "eq", "values": ["203.0.113.5"]},
        {"field": "matched_policies", "op": "is_set", "values": []}]})"));
    CHECK(ip["open_alerts"].GetInt64() == ann["open_alerts"].GetInt64()); // every alert of ann's is from that address
    CHECK(f.call("userInsights", R"(["bob@contoso.example"])")["matches"].GetInt64() == 2);

    // A dismissed alert is no longer open.
    rapidjson::Document alerts = f.call("alerts", "[]");
    std::string ann_alert;
    for (const auto& a : alerts.GetArray())
        if (a["user"].GetString() == std::string("ann@contoso.example")) ann_alert = a["id"].GetString();
    REQUIRE(!ann_alert.empty());
    REQUIRE(f.call("setAlertStatus", "[\"" + ann_alert + "\", \"dismissed\"]").HasMember("ok"));
    const int64_t open_now = f.open_alerts_of("ann@contoso.example");
    CHECK(open_now == ann["open_alerts"].GetInt64() - 1);
    CHECK(f.call("userInsights", R"(["ann@contoso.example"])")["open_alerts"].GetInt64() == open_now);

    // Activities 40 days later move the window past ann's downloads and their alerts.
    store_activities(f.model.store(),
                     activities_from_specs({"activity_type=Log on|user=cy@contoso.example|time=" + std::to_string(40LL * 86400000)}, 100));
    f.model.data_changed();
    rapidjson::Document later = f.call("userInsights", R"(["ann@contoso.example"])");
    CHECK(later["matches"].GetInt64() == 0);
    CHECK(later["open_alerts"].GetInt64() == 0);

    REQUIRE(f.call("removePolicy", R"(["Each download"])").HasMember("ok"));
    CHECK(f.call("userInsights", R"(["bob@contoso.example"])")["matches"].GetInt64() == 0);
}
