// The automation API's IP range calls (setIpRange, ipRanges, removeIpRange, setIpAs, undo)
// over a hand-written fixture of five activities whose addresses are chosen for the ranges below.
#include "api/automation_api.h"
#include "app/app_model.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

using namespace sightline;

namespace {

rapidjson::Document parse(const std::string& json) {
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_FALSE(d.HasParseError());
    return d;
}

struct Fixture {
    AppModel model;
    AutomationApi api{model};
    Fixture() {
        model.clear_activities();
        ActivityWriter writer(model.store());
        // id, ip, exported category
        const char* rows[][3] = {{"a1", "203.0.113.5", "Corporate"}, {"a2", "203.0.113.200", ""},
                                 {"a3", "2001:db8:7::1", "Risky"},    {"a4", "198.51.100.1", ""},
                                 {"a5", "10.1.2.3", ""}};
        int64_t time = 1000;
        for (const auto& row : rows) {
            Activity a;
            a.id = row[0];
            a.time_ms = time += 1000;
            a.user = "ann@contoso.example";
            a.ip = row[1];
            a.ip_category = row[2];
            writer.insert(a);
        }
        writer.commit();
        model.data_changed();
    }
    std::string category_of(const char* id) {
        return parse(api.call("activity", std::string("[\"") + id + "\"]"))["ip_category"].GetString();
    }
    std::string categories() {
        std::string out;
        for (const char* id : {"a1", "a2", "a3", "a4", "a5"}) out += category_of(id) + "|";
        return out;
    }
};

} // namespace

TEST_CASE("setIpRange applies to the activities of its CIDRs; removeIpRange gives the export back") {
    Fixture f;
    const std::string exported = f.categories();
    CHECK(exported == "Corporate||Risky|||");
    auto answer = parse(f.api.call("setIpRange",
                                   R"([{"name":"Edge","cidrs":["203.0.113.128/25","2001:db8:7::/48"],"category":"vpn","tags":["Edge"],"country":"de"}])"));
    REQUIRE(answer.HasMember("ok"));
    CHECK(f.categories() == "Corporate|VPN|VPN|||"); // a1 is in the lower half of 203.0.113.0/24
    auto a2 = parse(f.api.call("activity", R"(["a2"])"));
    CHECK(std::string(a2["country"].GetString()) == "DE");
    REQUIRE(a2["ip_tags"].Size() == 1);
    CHECK(std::string(a2["ip_tags"][0].GetString()) == "Edge");
    auto a5 = parse(f.api.call("activity", R"(["a5"])"));
    REQUIRE(a5["ip_tags"].Size() == 1);
    CHECK(std::string(a5["ip_tags"][0].GetString()) == "Internal"); // built in: 10.0.0.0/8

    auto ranges = parse(f.api.call("ipRanges", "[]"));
    REQUIRE(ranges.IsArray());
    CHECK(std::string(ranges[0]["name"].GetString()) == "Edge");
    CHECK(std::string(ranges[0]["category"].GetString()) == "VPN");
    CHECK(std::string(ranges[0]["cidrs"][1].GetString()) == "2001:db8:7::/48");
    CHECK_FALSE(ranges[0].HasMember("builtin"));
    CHECK(ranges[ranges.Size() - 1]["builtin"].GetBool());

    CHECK(parse(f.api.call("removeIpRange", R"(["edge"])")).HasMember("ok"));
    CHECK(f.categories() == exported);
}

TEST_CASE("bad IP range calls answer {error} with the reason and change nothing") {
    Fixture f;
    REQUIRE(parse(f.api.call("setIpRange", R"([{"name":"Edge","cidrs":"203.0.113.0/24","category":"Other"}])")).HasMember("ok"));
    const std::string before = f.categories();
    const std::string ranges = f.api.call("ipRanges", "[]");
    auto error = [&](const char* method, const char* args) {
        auto d = parse(f.api.call(method, args));
        REQUIRE(d.HasMember("error"));
        return std::string(d["error"].GetString());
    };
    CHECK(error("setIpRange", R"([{"name":"B","cidrs":["203.0.113.9"],"category":"Risky"}])") ==
          "cidrs[0] \"203.0.113.9\" overlaps \"203.0.113.0/24\" of the range \"Edge\"");
    CHECK(error("setIpRange", R"([{"name":"B","cidrs":[7],"category":"Risky"}])") == "cidrs[0] must be a string");
    CHECK(error("setIpRange", R"(["B"])") == "an IP range must be an object {name, cidrs, category, tags, isp, country}");
    CHECK(error("setIpRange", R"([{"name":"B","cidrs":["1.2.3.0/24"],"category":"Risky"}, "Missing"])") ==
          "no IP range is named \"Missing\"");
    CHECK(error("removeIpRange", R"(["Nope"])") == "no IP range is named \"Nope\"");
    CHECK(error("setIpAs", R"(["203.0.113.7", "VPN"])") == "203.0.113.7 is in the range \"Edge\": edit that range instead");
    CHECK(f.categories() == before);
    CHECK(f.api.call("ipRanges", "[]") == ranges);
}

TEST_CASE("setIpAs and undo") {
    Fixture f;
    REQUIRE(parse(f.api.call("setIpAs", R"(["198.51.100.1", "Risky"])")).HasMember("ok"));
    CHECK(f.category_of("a4") == "Risky");
    REQUIRE(parse(f.api.call("setIpAs", R"(["2001:0DB8:0007:0000::0001", "Corporate"])")).HasMember("ok"));
    CHECK(f.category_of("a3") == "Corporate");
    REQUIRE(parse(f.api.call("undo", "[]")).HasMember("ok"));
    CHECK(f.category_of("a3") == "Risky");
    CHECK(f.category_of("a4") == "Risky");
    REQUIRE(parse(f.api.call("undo", "[]")).HasMember("ok"));
    CHECK(f.category_of("a4") == "");
    CHECK(std::string(parse(f.api.call("undo", "[]"))["error"].GetString()) == "nothing to undo");
}
