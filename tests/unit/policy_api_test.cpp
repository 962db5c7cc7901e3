// The policy calls of the automation API over an AppModel: savePolicy runs the policy and
// fills matched_policies (checked through query() against testPolicy's own matches and a
// plain loop over the rows), alerts and their statuses, removePolicy, the storage round trip,
// and bad policies that answer an error naming the JSON path and change nothing.
#include "api/automation_api.h"
#include "app/app_model.h"
#include "policy_test_support.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <set>
#include <string>
#include <vector>

using namespace sightline;
using namespace sightline::testing;

namespace {

rapidjson::Document parse(const std::string& json) {
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_MESSAGE(!d.HasParseError(), json);
    return d;
}

const std::string kDownloads = R"({"name": "Many downloads", "severity": "High", "category": "Threat detection",
    "filter": {"all": [{"field": "activity_type", "op": "eq", "values": ["Download file"]}]},
    "repeated": {"min": 3, "minutes": 1}, "daily_alert_limit": 5})";

struct Fixture {
    AppModel model;
    AutomationApi api{model};
    Fixture() {
        std::vector<std::string> specs;
        for (int i = 0; i < 4; ++i) specs.push_back("activity_type=Download file|user=ann@contoso.example|time=" + std::to_string(i * 1000));
        for (int i = 0; i < 2; ++i) specs.push_back("activity_type=Download file|user=bob@contoso.example|time=" + std::to_string(i * 1000));
        specs.push_back("activity_type=Log on|user=ann@contoso.example|time=9000");
        store_activities(model.store(), activities_from_specs(specs));
        model.data_changed();
    }
    rapidjson::Document call(const std::string& method, const std::string& args) { return parse(api.call(method, args)); }
};

std::set<std::string> ids_of(const rapidjson::Value& array) {
    std::set<std::string> out;
    for (const auto& v : array.GetArray()) out.insert(v.IsString() ? v.GetString() : v["id"].GetString());
    return out;
}

} // namespace

TEST_CASE("savePolicy fills matched_policies: query() finds what testPolicy matched and a plain loop agrees") {
    Fixture f;
    rapidjson::Document tested = f.call("testPolicy", "[" + kDownloads + "]");
    REQUIRE(tested.HasMember("matches"));
    std::set<std::string> matches = ids_of(tested["matches"]);
    // The plain loop: ann's four downloads are within a minute; bob has only two.
    std::set<std::string> expected;
    rapidjson::Document rows = f.call("query", R"([{"limit": 100}])");
    for (const auto& row : rows["rows"].GetArray())
        if (std::string(row["activity_type"].GetString()) == "Download file" && std::string(row["user"].GetString()) == "ann@contoso.example")
            expected.insert(row["id"].GetString());
    CHECK(matches == expected);
    CHECK(f.call("policies", "[]").GetArray().Size() == 0);  // testing saves nothing

    REQUIRE(f.call("savePolicy", "[" + kDownloads + "]").HasMember("ok"));
    rapidjson::Document found = f.call("query", R"([{"filter": {"all": [{"field": "matched_policies", "op": "eq", "values": ["Many downloads"]}]}, "limit": 100}])");
    std::set<std::string> marked;
    for (const auto& row : found["rows"].GetArray()) marked.insert(row["id"].GetString());
    CHECK(marked == expected);
    CHECK(found["rows"][0]["matched_policies"][0].GetString() == std::string("Many downloads"));

    rapidjson::Document alerts = f.call("alerts", "[]");
    REQUIRE(alerts.GetArray().Size() == 1);
    CHECK(alerts[0]["user"].GetString() == std::string("ann@contoso.example"));
    CHECK(alerts[0]["count"].GetInt() == 4);
    CHECK(alerts[0]["status"].GetString() == std::string("open"));

    std::string id = alerts[0]["id"].GetString();
    CHECK(f.call("setAlertStatus", R"([")" + id + R"(", "dismissed", {"reason": "expected backup", "comment": "checked"}])").HasMember("ok"));
    rapidjson::Document after = f.call("alerts", "[]");
    CHECK(after[0]["status"].GetString() == std::string("dismissed"));
    CHECK(after[0]["reason"].GetString() == std::string("expected backup"));
    CHECK(after[0]["comment"].GetString() == std::string("checked"));
    CHECK(f.call("setAlertStatus", R"([")" + id + R"(", "closed"])").HasMember("error"));
    CHECK(f.call("setAlertStatus", R"(["nope", "resolved"])").HasMember("error"));

    // The status survives the storage round trip and a fresh run over the same data.
    std::string stored = f.model.policies().book().to_json();
    Fixture g;
    CHECK(g.model.policies().restore(stored).empty());
    rapidjson::Document restored = g.call("alerts", "[]");
    REQUIRE(restored.GetArray().Size() == 1);
    CHECK(restored[0]["status"].GetString() == std::string("dismissed"));
    CHECK(g.call("policies", "[]")[0]["repeated"]["min"].GetInt() == 3);

    CHECK(f.call("removePolicy", R"(["many DOWNLOADS"])").HasMember("ok"));
    CHECK(f.call("query", R"([{"filter": {"all": [{"field": "matched_policies", "op": "is_set", "values": []}]}}])")["total"].GetInt() == 0);
    CHECK(f.call("alerts", "[]").GetArray().Size() == 0);
    CHECK(f.call("removePolicy", R"(["Many downloads"])").HasMember("error"));
}

TEST_CASE("saved policies run again after the data changes") {
    Fixture f;
    REQUIRE(f.call("savePolicy", "[" + kDownloads + "]").HasMember("ok"));
    store_activities(f.model.store(), activities_from_specs({"activity_type=Download file|user=bob@contoso.example|time=1500"}, 100));
    f.model.data_changed();
    CHECK(f.call("alerts", "[]").GetArray().Size() == 2);  // bob now has three in a minute
}

TEST_CASE("a bad policy answers an error naming its JSON path and changes nothing") {
    Fixture f;
    REQUIRE(f.call("savePolicy", "[" + kDownloads + "]").HasMember("ok"));
    const std::string saved = f.api.call("policies", "[]");
    const std::vector<std::pair<std::string, std::string>> bad = {
        {R"({"severity": "High", "filter": {}})", "name:"},
        {R"({"name": "x", "severity": "Critical", "filter": {}})", "severity:"},
        {R"({"name": "x", "filter": {"all": [{"field": "usr", "op": "eq", "values": ["a"]}]}})", "filter.all[0]"},
        {R"({"name": "x", "filter": {"all": [{"field": "user", "op": "equals", "values": ["a"]}]}})", "filter.all[0]"},
        {R"({"name": "x", "filter": {}, "repeated": {"min": 0, "minutes": 1}})", "repeated.min:"},
        {R"({"name": "x", "filter": {}, "repeated": {"min": 3}})", "repeated.minutes:"},
        {R"({"name": "x", "filter": {}, "repeated": {"min": 3, "minutes": 1, "group_by": "app"}})", "repeated.group_by:"},
        {R"({"name": "x", "filter": {}, "repeated": {"min": 3, "minutes": 1, "per": "user"}})", "repeated.per:"},
        {R"({"name": "x", "filter": {}, "daily_alert_limit": "5"})", "daily_alert_limit:"},
        {R"({"name": "x", "filter": {}, "type": "impossible_travel"})", "type:"},
        {R"({"name": "x"})", "filter:"},
        {R"({"name": "x", "filter": {}, "colour": "red"})", "colour:"},
    };
    for (const auto& [json, path] : bad) {
        INFO(json);
        rapidjson::Document answer = f.call("savePolicy", "[" + json + "]");
        REQUIRE(answer.HasMember("error"));
        CHECK_MESSAGE(std::string(answer["error"].GetString()).rfind(path, 0) == 0, answer["error"].GetString());
        CHECK(f.call("testPolicy", "[" + json + "]").HasMember("error"));
    }
    CHECK(f.api.call("policies", "[]") == saved);
    CHECK(f.call("alerts", "[]").GetArray().Size() == 1);
}

TEST_CASE("a policy survives its JSON round trip, templates included") {
    for (const std::string& json : {kDownloads, std::string(R"({"name": "Spray", "severity": "Low", "filter": {},
             "repeated": {"min": 10, "minutes": 60, "group_by": "ip", "unique_users": true, "single_app": true}, "params": {"k": 1}})")}) {
        ActivityPolicy once = policy_from_json(json);
        std::string written = policy_to_json(once);
        CHECK(policy_to_json(policy_from_json(written)) == written);
    }
    Fixture f;
    rapidjson::Document templates = f.call("policyTemplates", "[]");
    REQUIRE(templates.IsArray());
    CHECK(templates.GetArray().Size() >= 19);
    for (const auto& t : templates.GetArray()) {
        INFO(t["name"].GetString());
        CHECK(t["why"].GetStringLength() > 0);
        CHECK(t["needs"]["fields"].GetArray().Size() > 0);
        CHECK(t.HasMember("missing_fields"));
        rapidjson::Document policy;
        policy.CopyFrom(t, policy.GetAllocator());
        for (const char* key : {"why", "needs", "missing_fields", "file"}) policy.RemoveMember(key);
        rapidjson::StringBuffer buffer;
        rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
        policy.Accept(w);
        CHECK(policy_to_json(policy_from_json(buffer.GetString())) == buffer.GetString());
    }
}
