// The automation API in the core: the same calls the page's window.sightline makes.
#include "api/automation_api.h"
#include "app/app_model.h"

#include "app_model_support.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

using namespace sightline;
using sightline::testing::visible;

namespace {

rapidjson::Document parse(const std::string& json) {
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_FALSE(d.HasParseError());
    return d;
}

Activity make_activity(std::string id, int64_t time_ms, std::string user, std::string type) {
    Activity a;
    a.id = std::move(id);
    a.time_ms = time_ms;
    a.user = std::move(user);
    a.activity_type = std::move(type);
    a.app = "Box";
    a.ip_tags = {"Corporate network"};
    return a;
}

struct Fixture {
    AppModel model;
    AutomationApi api{model};
    Fixture() {
        ActivityWriter writer(model.store());
        writer.insert(make_activity("a1", 1000, "ann@contoso.example", "Log on"));
        writer.insert(make_activity("a2", 3000, "bob@contoso.example", "Download file"));
        writer.insert(make_activity("a3", 2000, "ann@contoso.example", "Download file"));
        writer.commit();
        model.data_changed();
    }
};

} // namespace

TEST_CASE("query returns the total and the rows newest first") {
    Fixture f;
    auto d = parse(f.api.call("query", R"([{"limit": 2}])"));
    CHECK(d["total"].GetInt64() == 3);
    REQUIRE(d["rows"].Size() == 2);
    CHECK(std::string(d["rows"][0]["id"].GetString()) == "a2");
    CHECK(std::string(d["rows"][1]["id"].GetString()) == "a3");
    CHECK(std::string(d["rows"][0]["time"].GetString()) == "1970-01-01T00:00:03.000Z");
    CHECK(d["rows"][0]["ip_tags"][0].GetString() == std::string("Corporate network"));
}

TEST_CASE("query honours filter, sort, offset") {
    Fixture f;
    auto d = parse(f.api.call("query", R"([{"filter": {"all": [{"field": "user", "op": "eq", "values": ["ann@contoso.example"]}]},
                                            "sort": [{"field": "time", "dir": "asc"}], "offset": 1}])"));
    CHECK(d["total"].GetInt64() == 2);
    REQUIRE(d["rows"].Size() == 1);
    CHECK(std::string(d["rows"][0]["id"].GetString()) == "a3");
}

TEST_CASE("values counts most frequent first") {
    Fixture f;
    auto d = parse(f.api.call("values", R"(["activity_type"])"));
    REQUIRE(d.Size() == 2);
    CHECK(std::string(d[0]["value"].GetString()) == "Download file");
    CHECK(d[0]["count"].GetInt64() == 2);
    auto tags = parse(f.api.call("values", R"(["ip_tags", {"limit": 5}])"));
    CHECK(tags[0]["count"].GetInt64() == 3);
}

TEST_CASE("setFilter changes the activity log; getFilter reads it back") {
    Fixture f;
    auto d = parse(f.api.call("setFilter", R"([{"all": [{"field": "activity_type", "op": "eq", "values": ["Download file"]}]}])"));
    CHECK(d["visible"].GetInt64() == 2);
    CHECK(visible(f.model) == 2);
    auto back = parse(f.api.call("getFilter", "[]"));
    CHECK(back["all"][0]["field"].GetString() == std::string("activity_type"));
}

TEST_CASE("setFilter takes time_of_day and the user role; getFilter gives them back as written") {
    Fixture f;
    const char* filter = R"({"all":[{"field":"time","op":"time_of_day","values":["00:00:02","00:00:03"]},)"
                         R"({"field":"user","as":"any","op":"starts_with","values":["ANN@"]}]})";
    auto d = parse(f.api.call("setFilter", "[" + std::string(filter) + "]"));
    CHECK(d["visible"].GetInt64() == 1);  // a3: 00:00:02, ann
    CHECK(f.api.call("getFilter", "[]") == filter);
    d = parse(f.api.call("setFilter", R"([{"all":[{"field":"user","as":"object","op":"is_set"}]}])"));
    CHECK(std::string(d["error"].GetString()).find("all[0].as: is_set checks the acting user only") != std::string::npos);
    CHECK(visible(f.model) == 1);
}

TEST_CASE("bad input answers an error and changes nothing") {
    Fixture f;
    f.api.call("setFilter", R"([{"all": [{"field": "user", "op": "eq", "values": ["bob@contoso.example"]}]}])");
    for (auto [method, args] : std::initializer_list<std::pair<const char*, const char*>>{
             {"query", R"([{"filter": {"all": [{"field": "nope", "op": "eq", "values": ["x"]}]}}])"},
             {"query", R"([{"limit": -1}])"},
             {"query", R"([{"sort": [{"field": "ip_tags"}]}])"},
             {"values", R"(["time"])"},
             {"values", R"([])"},
             {"setFilter", R"([{"all": [{"field": "user", "op": "bogus", "values": []}]}])"},
             {"nosuchcall", "[]"},
             {"query", "not json"},
         }) {
        CAPTURE(method);
        CAPTURE(args);
        auto d = parse(f.api.call(method, args));
        REQUIRE(d.IsObject());
        CHECK(d.HasMember("error"));
    }
    CHECK(visible(f.model) == 1);
    CHECK(f.model.log().total_activities() == 3);
}

TEST_CASE("activity returns every field and the raw record") {
    Fixture f;
    auto d = parse(f.api.call("activity", R"(["a1"])"));
    CHECK(d["user"].GetString() == std::string("ann@contoso.example"));
    CHECK(d.HasMember("raw"));
    CHECK(parse(f.api.call("activity", R"(["missing"])")).HasMember("error"));
}

TEST_CASE("clear removes activities and keeps the filter") {
    Fixture f;
    f.api.call("setFilter", R"([{"all": [{"field": "app", "op": "eq", "values": ["Box"]}]}])");
    f.api.call("clear", "[]");
    CHECK(f.model.log().total_activities() == 0);
    CHECK(visible(f.model) == 0);
    CHECK_FALSE(f.model.log().filter().empty());
}

TEST_CASE("queries: suggested ones apply; saved ones are kept, renamed and deleted") {
    Fixture f;
    auto list = parse(f.api.call("queries", "[]"));
    CHECK(list["suggested"].Size() >= 9);
    CHECK(list["saved"].Size() == 0);
    CHECK(parse(f.api.call("applyQuery", R"(["Download activities"])")).HasMember("ok"));
    CHECK(visible(f.model) == 2);

    f.api.call("setFilter", R"([{"all": [{"field": "user", "op": "eq", "values": ["ann@contoso.example"]}]}])");
    uint64_t before = f.model.settings().revision();
    CHECK(parse(f.api.call("saveQuery", R"(["Ann"])")).HasMember("ok"));
    CHECK(f.model.settings().revision() > before);
    CHECK(parse(f.api.call("saveQuery", R"(["ann"])")).HasMember("error")); // names are unique, any case
    CHECK(parse(f.api.call("renameQuery", R"(["Ann", "Ann's activity"])")).HasMember("ok"));
    f.api.call("setFilter", "[{}]");
    CHECK(parse(f.api.call("applyQuery", R"(["Ann's activity"])")).HasMember("ok"));
    CHECK(visible(f.model) == 2);
    CHECK(parse(f.api.call("deleteQuery", R"(["Ann's activity"])")).HasMember("ok"));
    CHECK(parse(f.api.call("applyQuery", R"(["Ann's activity"])")).HasMember("error"));
}

TEST_CASE("saved queries survive a round trip through storage JSON") {
    Fixture f;
    f.api.call("setFilter", R"([{"all": [{"field": "app", "op": "eq", "values": ["Box"]}]}])");
    f.api.call("saveQuery", R"(["Box only"])");
    std::string stored = f.model.settings().saved_queries().to_json();
    AppModel other;
    CHECK(other.settings().restore_saved_queries(stored).empty());
    REQUIRE(other.settings().saved_queries().size() == 1);
    CHECK_FALSE(other.settings().restore_saved_queries("{not json").empty());
    CHECK(other.settings().saved_queries().empty());
}

TEST_CASE("sql answers read-only SELECTs and refuses writes") {
    Fixture f;
    auto d = parse(f.api.call("sql", R"(["SELECT user, count(*) AS n FROM activities GROUP BY user ORDER BY n DESC"])"));
    REQUIRE(d.HasMember("rows"));
    CHECK(d["rows"][0][0].GetString() == std::string("ann@contoso.example"));
    CHECK(d["rows"][0][1].GetString() == std::string("2"));
    auto refused = parse(f.api.call("sql", R"(["DELETE FROM activities"])"));
    CHECK(refused.HasMember("error"));
    CHECK(f.model.log().total_activities() == 3);
}

TEST_CASE("timeline counts the filtered activities per bucket") {
    Fixture f;
    auto d = parse(f.api.call("timeline", R"([{"filter": {"all": [{"field": "activity_type", "op": "eq", "values": ["Download file"]}]}}])"));
    int64_t sum = 0;
    for (const auto& c : d["counts"].GetArray()) sum += c.GetInt64();
    CHECK(sum == 2);
    CHECK(d["total"].GetInt64() == 2);
}

TEST_CASE("marks: star, tags and a comment, each filterable; bad input changes nothing") {
    Fixture f;
    auto d = parse(f.api.call("mark", R"(["a2", {"starred": true, "tags": [" exfil ", "review", "exfil", ""], "comment": "check with HR"}])"));
    REQUIRE_FALSE(d.HasMember("error"));
    CHECK(d["starred"].GetBool());
    REQUIRE(d["tags"].Size() == 2);
    CHECK(d["tags"][0].GetString() == std::string("exfil"));
    CHECK(d["comment"].GetString() == std::string("check with HR"));

    auto count = [&](const char* filter) {
        return parse(f.api.call("query", std::string(R"([{"filter": )") + filter + "}]"))["total"].GetInt64();
    };
    CHECK(count(R"({"all": [{"field": "starred", "op": "is_true", "values": []}]})") == 1);
    CHECK(count(R"({"all": [{"field": "tags", "op": "eq", "values": ["review"]}]})") == 1);
    CHECK(count(R"({"all": [{"field": "tags", "op": "neq", "values": ["review"]}]})") == 2);
    CHECK(count(R"({"all": [{"field": "comment", "op": "contains", "values": ["hr"]}]})") == 1);

    // Only the parts given change.
    d = parse(f.api.call("mark", R"(["a2", {"starred": false}])"));
    CHECK_FALSE(d["starred"].GetBool());
    CHECK(d["tags"].Size() == 2);

    CHECK(parse(f.api.call("mark", R"(["nope", {"starred": true}])")).HasMember("error"));
    CHECK(parse(f.api.call("mark", R"(["a1", {"tags": "x"}])")).HasMember("error"));
    CHECK(count(R"({"all": [{"field": "starred", "op": "is_true", "values": []}]})") == 0);
}

TEST_CASE("status({complete: false}) reports the count so far and the background work left") {
    Fixture f;
    // data_changed() started the view's count and the column copy; neither has run yet.
    auto partial = parse(f.api.call("status", R"([{"complete": false}])"));
    CHECK(partial["counting"].GetBool());
    CHECK(partial["visible"].GetInt64() == 0);
    CHECK(std::string(partial["background"].GetString()) == "Counting activities");
    f.model.complete_view();
    auto counted = parse(f.api.call("status", R"([{"complete": false}])"));
    CHECK(std::string(counted["background"].GetString()).find("Preparing fast filters") == 0);
    while (f.model.do_background_work(50.0)) {
    }
    auto done = parse(f.api.call("status", R"([{"complete": false}])"));
    CHECK_FALSE(done["counting"].GetBool());
    CHECK(done["visible"].GetInt64() == 3);
    CHECK(std::string(done["background"].GetString()).empty());
    CHECK(f.model.store().columns() != nullptr);
}
