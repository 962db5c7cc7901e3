// Settings export and import (app/settings_transfer.h) through the automation API: a round
// trip into a fresh model gives back the same document; merge and replace keep and drop what
// they say; an import with one bad entry, a newer version or an unknown part is refused with
// the place and the reason, and nothing changes (compared against the export taken before).
#include "api/automation_api.h"
#include "app/app_model.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>

using namespace sightline;

namespace {

rapidjson::Document parse(const std::string& json) {
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_MESSAGE(!d.HasParseError(), json);
    return d;
}

std::string text_of(const rapidjson::Value& v) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    v.Accept(w);
    return buffer.GetString();
}

const std::string kPolicy = R"({"name": "Many downloads", "severity": "High",
    "filter": {"all": [{"field": "activity_type", "op": "eq", "values": ["Download file"]}]}})";
const std::string kOtherPolicy = R"({"name": "Admin from abroad", "severity": "Low",
    "filter": {"all": [{"field": "admin", "op": "is_true", "values": []}]}})";

struct Analyst {
    AppModel model;
    AutomationApi api{model};
    Analyst() {
        model.clear_activities();
        ActivityWriter writer(model.store());
        Activity a;
        a.id = "a1";
        a.time_ms = 1000;
        a.user = "ann@contoso.example";
        a.ip = "203.0.113.5";
        a.activity_type = "Download file";
        writer.insert(a);
        writer.commit();
        model.data_changed();
    }
    rapidjson::Document call(const std::string& method, const std::string& args) {
        return parse(api.call(method, args));
    }
    void configure() {
        REQUIRE(call("setFilter", R"([{"all":[{"field":"app","op":"eq","values":["Box"]}]}])").HasMember("ok"));
        REQUIRE(call("saveQuery", R"(["Box only"])").HasMember("ok"));
        REQUIRE(call("setIpRange", R"([{"name":"Office","cidrs":["203.0.113.0/24"],"category":"Corporate","tags":["HQ"]}])")
                    .HasMember("ok"));
        REQUIRE(call("savePolicy", "[" + kPolicy + "]").HasMember("ok"));
    }
    std::string exported() { return api.call("exportSettings", "[]"); }
    std::string category_of_a1() { return call("activity", R"(["a1"])")["ip_category"].GetString(); }
};

std::string import_args(const std::string& settings, const char* mode) {
    return "[" + settings + R"(, {"mode": ")" + mode + R"("}])";
}

} // namespace

TEST_CASE("settings: the export holds every part, and imports into a fresh page as the same document") {
    Analyst from;
    from.configure();
    const std::string exported = from.exported();
    const rapidjson::Document doc = parse(exported);
    CHECK(doc["sightline_settings"].GetInt() == 1);
    REQUIRE(doc["saved_queries"]["queries"].Size() == 1);
    CHECK(std::string(doc["saved_queries"]["queries"][0]["name"].GetString()) == "Box only");
    REQUIRE(doc["ip_ranges"]["ranges"].Size() == 1); // the analyst's range, not the built-in ones
    CHECK(std::string(doc["ip_ranges"]["ranges"][0]["name"].GetString()) == "Office");
    REQUIRE(doc["policies"]["policies"].Size() == 1);
    CHECK(doc.HasMember("column_mappings"));

    Analyst to;
    CHECK(to.category_of_a1().empty());
    const rapidjson::Document answer = to.call("importSettings", import_args(exported, "replace"));
    REQUIRE_MESSAGE(answer.HasMember("ok"), text_of(answer));
    CHECK(answer["saved_queries"].GetInt() == 1);
    CHECK(answer["ip_ranges"].GetInt() == 1);
    CHECK(answer["policies"].GetInt() == 1);
    CHECK(to.exported() == exported);
    // The imported range rewrote the activity it covers, and the imported policy ran.
    CHECK(to.category_of_a1() == "Corporate");
    to.model.policies().complete_run();
    const rapidjson::Document activity = to.call("activity", R"(["a1"])");
    REQUIRE(activity["matched_policies"].Size() == 1);
    CHECK(std::string(activity["matched_policies"][0].GetString()) == "Many downloads");
    // One undo step takes the imported ranges back.
    REQUIRE(to.call("undo", "[]").HasMember("ok"));
    CHECK(to.category_of_a1().empty());
}

TEST_CASE("settings: the document may be passed as its JSON text") {
    Analyst from;
    from.configure();
    rapidjson::Document text_arg;
    text_arg.SetArray();
    rapidjson::Value exported_text(from.exported().c_str(), text_arg.GetAllocator());
    text_arg.PushBack(exported_text, text_arg.GetAllocator());
    Analyst to;
    REQUIRE(to.call("importSettings", text_of(text_arg)).HasMember("ok"));
    CHECK(to.exported() == from.exported());
}

TEST_CASE("settings: merge keeps the analyst's entries and replaces those of the same name; replace drops them") {
    Analyst colleague;
    REQUIRE(colleague.call("savePolicy", "[" + kOtherPolicy + "]").HasMember("ok"));
    REQUIRE(colleague.call("setIpRange", R"([{"name":"VPN","cidrs":["198.51.100.0/24"],"category":"VPN"}])").HasMember("ok"));
    // The same range name as the analyst's, with other addresses: it takes that range's place.
    REQUIRE(colleague.call("setIpRange", R"([{"name":"office","cidrs":["192.0.2.0/24"],"category":"Risky"}])").HasMember("ok"));
    const std::string shared = colleague.exported();

    Analyst merged;
    merged.configure();
    const rapidjson::Document answer = merged.call("importSettings", import_args(shared, "merge"));
    REQUIRE_MESSAGE(answer.HasMember("ok"), text_of(answer));
    CHECK(answer["policies"].GetInt() == 2);    // Many downloads + Admin from abroad
    CHECK(answer["ip_ranges"].GetInt() == 2);   // office (the colleague's) + VPN
    CHECK(answer["saved_queries"].GetInt() == 1); // the colleague had none: the analyst's stays
    const rapidjson::Document ranges = merged.call("ipRanges", "[]");
    bool office_is_colleagues = false;
    for (const auto& r : ranges.GetArray())
        if (std::string(r["name"].GetString()) == "office") office_is_colleagues = std::string(r["cidrs"][0].GetString()) == "192.0.2.0/24";
    CHECK(office_is_colleagues);
    CHECK(merged.category_of_a1().empty()); // 203.0.113.5 is no longer in any range

    Analyst replaced;
    replaced.configure();
    const rapidjson::Document replaced_answer = replaced.call("importSettings", import_args(shared, "replace"));
    REQUIRE(replaced_answer.HasMember("ok"));
    CHECK(replaced_answer["policies"].GetInt() == 1);
    CHECK(replaced_answer["saved_queries"].GetInt() == 0);
}

TEST_CASE("settings: a part left out is left alone, even by replace") {
    Analyst analyst;
    analyst.configure();
    const rapidjson::Document answer = analyst.call("importSettings", import_args(R"({"sightline_settings": 1,
        "saved_queries": {"version": 1, "queries": []}})", "replace"));
    REQUIRE(answer.HasMember("ok"));
    CHECK(answer["saved_queries"].GetInt() == 0);
    CHECK(answer["ip_ranges"].GetInt() == 1);
    CHECK(answer["policies"].GetInt() == 1);
}

TEST_CASE("settings: a bad import is refused with its place and reason, and changes nothing") {
    Analyst analyst;
    analyst.configure();
    const std::string before = analyst.exported();
    struct Case {
        std::string settings;
        std::string expected; // a piece of the error
    };
    const Case cases[] = {
        {R"({"saved_queries": {"version": 1, "queries": []}})", "sightline_settings: missing"},
        {R"({"sightline_settings": 2})", "newer Sightline"},
        {R"({"sightline_settings": 1, "ip_range": {}})", "ip_range: not a part"},
        {R"({"sightline_settings": 1, "policies": []})", "policies: must be an object"},
        {R"({"sightline_settings": 1, "ip_ranges": {"version": 1, "ranges": [
             {"name": "Good", "cidrs": ["192.0.2.0/24"], "category": "VPN"},
             {"name": "Bad", "cidrs": ["10.0.0.0/33"], "category": "VPN"}]}})", "ip_ranges: IP range 2: "},
        {R"({"sightline_settings": 1, "saved_queries": {"version": 1, "queries": [
             {"name": "x", "filter": {"all": [{"field": "nope", "op": "eq", "values": ["1"]}]}}]}})", "saved_queries: saved query \"x\""},
        {R"({"sightline_settings": 1, "policies": {"version": 1, "policies": [{"name": "p", "severity": "Urgent",
             "filter": {"all": []}}]}})", "policies: policies[0]"},
        // Valid alone, but it overlaps the analyst's Office range (a merge): named, refused.
        {R"({"sightline_settings": 1, "ip_ranges": {"version": 1, "ranges": [
             {"name": "Lab", "cidrs": ["203.0.113.128/25"], "category": "Other"}]},
             "saved_queries": {"version": 1, "queries": []}})", "overlaps \"203.0.113.0/24\" of the range \"Office\""},
        {R"("not json")", "not JSON"},
    };
    for (const Case& c : cases) {
        const rapidjson::Document answer = analyst.call("importSettings", import_args(c.settings, "merge"));
        REQUIRE_MESSAGE(answer.HasMember("error"), c.settings);
        const std::string error = answer["error"].GetString();
        CHECK_MESSAGE(error.find(c.expected) != std::string::npos, error);
        CHECK_MESSAGE(error.find("nothing changed") != std::string::npos, error);
        CHECK(analyst.exported() == before);
    }
    CHECK(analyst.category_of_a1() == "Corporate");
    CHECK(analyst.call("importSettings", R"([{"sightline_settings": 1}, {"mode": "mix"}])").HasMember("error"));
    CHECK(analyst.call("importSettings", "[]").HasMember("error"));
}
