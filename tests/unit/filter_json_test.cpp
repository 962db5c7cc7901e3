// Tests of the filter JSON parser and writer: accepted forms, canonical output, round trips,
// and the path-bearing error of every kind of bad input.
#include "filter/filter_check.h"
#include "filter/filter_json.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace sightline;

namespace {

std::string parse_error(std::string_view json) {
    FilterParseResult r = parse_filter_json(json);
    CHECK_MESSAGE(!r.filter, json);
    return r.error;
}

ActivityFilter parse_ok(std::string_view json) {
    FilterParseResult r = parse_filter_json(json);
    REQUIRE_MESSAGE(r.filter, json, " -> ", r.error);
    CHECK(r.error.empty());
    return *r.filter;
}

} // namespace

TEST_CASE("filter json: null, {}, \"\" and blank text are the empty filter") {
    for (std::string_view json : {"null", "{}", "\"\"", "", "  \n", "{\"all\": []}"}) {
        ActivityFilter f = parse_ok(json);
        CHECK(f.empty());
        CHECK(filter_to_json(f) == R"({"all":[]})");
    }
    CHECK(filter_to_json(ActivityFilter{}) == R"({"all":[]})");
}

TEST_CASE("filter json: conditions, groups and value types are read") {
    ActivityFilter f = parse_ok(R"({"all": [
        {"field": "app", "op": "eq", "values": ["Box", "Office 365"]},
        {"any": [{"field": "time", "op": "after", "values": [1700000000000]},
                 {"field": "admin", "op": "eq", "values": [true]},
                 {"all": []}]},
        {"op": "text", "values": ["needle"]},
        {"field": "time", "op": "last_days", "values": [7.0]},
        {"field": "ip", "op": "is_set"}]})");
    REQUIRE(f.root.kind == FilterNode::Kind::All);
    REQUIRE(f.root.children.size() == 5);
    const FilterCondition& app = f.root.children[0].condition;
    CHECK(app.field == "app");
    CHECK(app.op == FilterOp::Eq);
    CHECK(app.values == std::vector<std::string>{"Box", "Office 365"});
    const FilterNode& any = f.root.children[1];
    REQUIRE(any.kind == FilterNode::Kind::Any);
    CHECK(any.children[0].condition.values == std::vector<std::string>{"1700000000000"});
    CHECK(any.children[1].condition.values == std::vector<std::string>{"true"});
    CHECK(any.children[2].kind == FilterNode::Kind::All);
    CHECK(f.root.children[2].condition.op == FilterOp::Text);
    CHECK(f.root.children[3].condition.values == std::vector<std::string>{"7"});
    CHECK(f.root.children[4].condition.values.empty());
}

TEST_CASE("filter json: a bare condition or an any root is accepted") {
    ActivityFilter bare = parse_ok(R"({"field": "user", "op": "is_not_set"})");
    REQUIRE(bare.root.kind == FilterNode::Kind::All);
    CHECK(bare.root.children.size() == 1);
    CHECK(filter_to_json(bare) == R"({"all":[{"field":"user","op":"is_not_set","values":[]}]})");
    ActivityFilter any = parse_ok(R"({"any": [{"field": "admin", "op": "is_true"}]})");
    CHECK(any.root.kind == FilterNode::Kind::Any);
}

TEST_CASE("filter json: every operator name round-trips") {
    for (int i = 0; i <= static_cast<int>(FilterOp::Text); ++i) {
        auto op = static_cast<FilterOp>(i);
        FilterOp back{};
        REQUIRE(parse_filter_op(filter_op_name(op), back));
        CHECK(back == op);
    }
    FilterOp unused{};
    CHECK_FALSE(parse_filter_op("equals", unused));
}

TEST_CASE("filter json: canonical output round-trips through the parser") {
    const char* canonical[] = {
        R"({"all":[{"field":"app","op":"eq","values":["Box","Office 365"]}]})",
        R"({"any":[{"field":"user","op":"neq","values":["a@b.c"]},{"all":[{"field":"admin","op":"is_true","values":[]}]}]})",
        R"({"all":[{"field":"description","op":"contains","values":["\"malware.exe\" virus","quote\\\\back"]}]})",
        R"({"all":[{"field":"time","op":"between","values":["2026-01-01","1767225600000"]},{"field":"time","op":"last_days","values":["30"]}]})",
        R"({"all":[{"field":"ip","op":"in_cidr","values":["10.0.0.0/8","2001:db8::/32"]},{"field":"ip","op":"not_in_cidr","values":["192.168.1.1"]}]})",
        R"({"all":[{"op":"text","values":["it's; -- \u0000 %_"]},{"field":"objects","op":"starts_with","values":["Q3"]}]})",
        R"({"all":[{"any":[]},{"all":[{"any":[{"field":"ip_tags","op":"is_set","values":[]}]}]}]})",
        R"({"all":[{"field":"time","op":"time_of_day","values":["22:00","06:00:30"]}]})",
        R"({"all":[{"field":"user","as":"object","op":"eq","values":["a@b.c"]},{"field":"user","as":"any","op":"not_starts_with","values":["x"]}]})",
    };
    for (const char* json : canonical) {
        ActivityFilter f = parse_ok(json);
        CHECK(filter_to_json(f) == json);
        CHECK(filter_to_json(parse_ok(filter_to_json(f))) == json);
    }
}

TEST_CASE("filter json: the user role is read, and actor (the default) is not written") {
    ActivityFilter f = parse_ok(R"({"all": [{"field": "user", "op": "eq", "values": ["a@b.c"], "as": "actor"},
                                            {"as": "any", "field": "user", "op": "contains", "values": ["b"]},
                                            {"field": "user", "op": "eq", "values": ["a@b.c"]}]})");
    CHECK(f.root.children[0].condition.role == UserRole::Actor);
    CHECK(f.root.children[1].condition.role == UserRole::Any);
    CHECK(f.root.children[2].condition.role == UserRole::Actor);
    CHECK(filter_to_json(f) == R"({"all":[{"field":"user","op":"eq","values":["a@b.c"]},)"
                               R"({"field":"user","as":"any","op":"contains","values":["b"]},)"
                               R"({"field":"user","op":"eq","values":["a@b.c"]}]})");
}

TEST_CASE("filter json: time of day values are HH:MM or HH:MM:SS") {
    CHECK(parse_time_of_day("00:00") == 0);
    CHECK(parse_time_of_day("06:30") == (6 * 60 + 30) * 60000);
    CHECK(parse_time_of_day("23:59:59") == 86399000);
    CHECK(parse_time_of_day("12:00:01") == 43201000);
    for (std::string_view bad : {"24:00", "7", "7:00", "07:0", "ab:cd", "07:60", "07:00:60", "07-00", "0700",
                                 "07:00:00.5", "07:00:", " 7:00", "", "-1:00", "07:00Z", "٠٧:٠٠"})
        CHECK_MESSAGE(parse_time_of_day(bad) == std::nullopt, bad);
}

TEST_CASE("filter json: a NUL byte inside a value survives the round trip") {
    ActivityFilter f = parse_ok(R"({"all":[{"field":"app","op":"eq","values":["a\u0000b"]}]})");
    CHECK(f.root.children[0].condition.values[0] == std::string("a\0b", 3));
}

TEST_CASE("filter json: bad input is refused with the path of the problem") {
    struct Case { const char* json; const char* error; };
    const Case cases[] = {
        {R"({"all": [)", "invalid JSON at offset"},
        {R"({"all": []} trailing)", "invalid JSON"},
        {R"([1, 2])", "filter: expected an object"},
        {R"("app")", "filter: expected an object"},
        {R"(42)", "filter: expected an object"},
        {R"({"all": {}})", "all: expected an array of conditions"},
        {R"({"all": [], "any": []})", "a group has a single key"},
        {R"({"all": [5]})", "all[0]: expected a condition or group object"},
        {R"({"all": [{"field": "app", "op": "eq", "values": ["x"]}, {}, {"field": "usr", "op": "eq", "values": ["x"]}]})",
         "all[1]: missing \"op\""},
        {R"({"all": [{"field": "app", "op": "eq", "values": ["x"]}, {"field": "app", "op": "eq", "values": ["x"]}, {"field": "usr", "op": "eq", "values": ["x"]}]})",
         "all[2]: unknown field \"usr\""},
        {R"({"all": [{"field": "app", "op": "equals", "values": ["x"]}]})", "all[0]: unknown operator \"equals\""},
        {R"({"all": [{"op": "eq", "values": ["x"]}]})", "all[0]: missing \"field\""},
        {R"({"all": [{"field": "app", "op": "eq", "value": ["x"]}]})", "all[0]: unknown key \"value\""},
        {R"({"all": [{"field": 3, "op": "eq", "values": ["x"]}]})", "all[0].field: expected a string"},
        {R"({"all": [{"field": "app", "op": 1, "values": ["x"]}]})", "all[0].op: expected a string"},
        {R"({"all": [{"field": "app", "op": "eq", "values": "x"}]})", "all[0].values: expected an array"},
        {R"({"all": [{"field": "app", "op": "eq", "values": ["x", null]}]})", "all[0].values[1]: expected a string"},
        {R"({"all": [{"field": "app", "op": "eq", "values": [["x"]]}]})", "all[0].values[0]: expected a string"},
        {R"({"all": [{"field": "app", "op": "eq", "values": []}]})", "all[0]: eq needs at least one value"},
        {R"({"all": [{"field": "app", "op": "eq"}]})", "all[0]: eq needs at least one value"},
        {R"({"all": [{"field": "app", "op": "is_set", "values": ["x"]}]})", "all[0]: is_set takes no values"},
        {R"({"all": [{"field": "time", "op": "between", "values": ["2026-01-01"]}]})",
         "all[0]: between takes 2 values, not 1"},
        {R"({"all": [{"field": "time", "op": "before", "values": ["2026-01-01", "2026-01-02"]}]})",
         "all[0]: before takes 1 value, not 2"},
        {R"({"all": [{"field": "app", "op": "in_cidr", "values": ["10.0.0.0/8"]}]})",
         "all[0]: operator in_cidr does not apply to field \"app\""},
        {R"({"all": [{"field": "user", "op": "before", "values": ["2026-01-01"]}]})",
         "all[0]: operator before does not apply to field \"user\""},
        {R"({"all": [{"field": "time", "op": "eq", "values": ["2026-01-01"]}]})", "does not apply to field \"time\""},
        {R"({"all": [{"field": "admin", "op": "contains", "values": ["x"]}]})", "does not apply to field \"admin\""},
        {R"({"all": [{"field": "app", "op": "is_true"}]})", "does not apply to field \"app\""},
        {R"({"all": [{"field": "objects", "op": "last_days", "values": [3]}]})", "does not apply"},
        {R"({"all": [{"field": "time", "op": "after", "values": ["yesterday"]}]})",
         "all[0].values[0]: not a time (ISO 8601 or epoch ms) \"yesterday\""},
        {R"({"all": [{"field": "time", "op": "between", "values": ["2026-01-01", "2026-13-01"]}]})",
         "all[0].values[1]: not a time"},
        {R"({"all": [{"field": "time", "op": "last_days", "values": ["-3"]}]})",
         "all[0].values[0]: not a whole number of days \"-3\""},
        {R"({"all": [{"field": "time", "op": "last_days", "values": [1.5]}]})", "not a whole number of days \"1.5\""},
        {R"({"all": [{"field": "ip", "op": "in_cidr", "values": ["10.0.0.0/8", "10.0.0/8"]}]})",
         "all[0].values[1]: not an IP address or CIDR range \"10.0.0/8\""},
        {R"({"all": [{"field": "ip", "op": "not_in_cidr", "values": ["2001:db8::/129"]}]})", "not an IP address or CIDR"},
        {R"({"all": [{"field": "admin", "op": "eq", "values": ["yes"]}]})", "all[0].values[0]: not true or false \"yes\""},
        {R"({"all": [{"field": "description", "op": "contains", "values": ["..."]}]})",
         "all[0].values[0]: no word to match in \"...\""},
        {R"({"all": [{"field": "app", "op": "not_contains", "values": ["\"\""]}]})", "no word to match"},
        {R"({"any": [{"all": [{"field": "app", "op": "eq", "values": ["x"]}, {"any": [{"field": "usr", "op": "eq", "values": ["x"]}]}]}]})",
         "any[0].all[1].any[0]: unknown field \"usr\""},
        {R"({"all": [{"any": [{"field": "time", "op": "after", "values": [true]}]}]})", "all[0].any[0].values[0]: not a time"},
        {R"({"all": [{"field": "time", "op": "time_of_day", "values": ["22:00"]}]})",
         "all[0]: time_of_day takes 2 values, not 1"},
        {R"({"all": [{"field": "time", "op": "time_of_day", "values": ["22:00", "24:00"]}]})",
         "all[0].values[1]: not a time of day (HH:MM or HH:MM:SS, 00:00 to 23:59:59) \"24:00\""},
        {R"({"all": [{"field": "time", "op": "time_of_day", "values": ["7", "08:00"]}]})",
         "all[0].values[0]: not a time of day"},
        {R"({"all": [{"field": "time", "op": "time_of_day", "values": ["ab:cd", "08:00"]}]})",
         "all[0].values[0]: not a time of day (HH:MM or HH:MM:SS, 00:00 to 23:59:59) \"ab:cd\""},
        {R"({"all": [{"field": "time", "op": "time_of_day", "values": [700, "08:00"]}]})", "all[0].values[0]: not a time of day"},
        {R"({"all": [{"field": "time", "op": "time_of_day", "values": ["08:00", "08:00:00"]}]})",
         "all[0]: time_of_day from and to are the same time \"08:00\""},
        {R"({"all": [{"field": "user", "op": "time_of_day", "values": ["08:00", "09:00"]}]})",
         "all[0]: operator time_of_day does not apply to field \"user\""},
        {R"({"all": [{"field": "app", "as": "object", "op": "eq", "values": ["x"]}]})",
         "all[0].as: a role applies only to field \"user\""},
        {R"({"all": [{"field": "objects", "as": "actor", "op": "eq", "values": ["x"]}]})",
         "all[0].as: a role applies only to field \"user\""},
        {R"({"all": [{"op": "text", "as": "any", "values": ["x"]}]})", "all[0].as: a role applies only to field \"user\""},
        {R"({"all": [{"field": "user", "as": "target", "op": "eq", "values": ["x"]}]})",
         "all[0].as: unknown role \"target\" (actor, object or any)"},
        {R"({"all": [{"field": "user", "as": "Object", "op": "eq", "values": ["x"]}]})", "all[0].as: unknown role \"Object\""},
        {R"({"all": [{"field": "user", "as": 1, "op": "eq", "values": ["x"]}]})", "all[0].as: expected a string"},
        {R"({"all": [{"field": "user", "as": "object", "op": "is_set"}]})",
         "all[0].as: is_set checks the acting user only (as \"actor\"); for activity objects use field \"objects\""},
        {R"({"any": [{"all": [{"field": "app", "op": "eq", "values": ["x"]}, {"field": "user", "as": "any", "op": "is_not_set"}]}]})",
         "any[0].all[1].as: is_not_set checks the acting user only"},
        {R"({"all": [{"field": "user", "as": "object", "op": "before", "values": ["2026-01-01"]}]})",
         "all[0]: operator before does not apply to field \"user\""},
    };
    for (const Case& c : cases) {
        std::string error = parse_error(c.json);
        CHECK_MESSAGE(error.find(c.error) != std::string::npos, c.json, "\n  got: ", error, "\n  want: ", c.error);
    }
}

TEST_CASE("filter json: groups nested too deeply are refused, not recursed into") {
    std::string json;
    for (int i = 0; i < 200; ++i) json += R"({"all":[)";
    for (int i = 0; i < 200; ++i) json += "]}";
    CHECK(parse_error(json).find("nested too deeply") != std::string::npos);
}

TEST_CASE("filter json: time values accept ISO 8601 and epoch ms") {
    CHECK(parse_filter_time("1700000000000") == 1700000000000);
    CHECK(parse_filter_time("2026-01-01") == 1767225600000);
    CHECK(parse_filter_time("2026-01-01T00:00:00Z") == 1767225600000);
    CHECK(parse_filter_time("") == std::nullopt);
    CHECK(parse_filter_time("12345678901234567890") == std::nullopt);
    CHECK(parse_day_count("0") == 0);
    CHECK(parse_day_count("30") == 30);
    CHECK(parse_day_count("") == std::nullopt);
    CHECK(parse_filter_bool("TRUE") == true);
    CHECK(parse_filter_bool("False") == false);
}

TEST_CASE("filter json: operator menus follow the field kind") {
    auto has = [](std::string_view field, FilterOp op) {
        auto ops = filter_ops_for_field(*find_field(field));
        return std::find(ops.begin(), ops.end(), op) != ops.end();
    };
    CHECK(has("ip", FilterOp::InCidr));
    CHECK_FALSE(has("app", FilterOp::InCidr));
    CHECK(has("time", FilterOp::LastDays));
    CHECK(has("time", FilterOp::TimeOfDay));
    CHECK_FALSE(has("description", FilterOp::TimeOfDay));
    CHECK_FALSE(has("user", FilterOp::Before));
    CHECK(has("admin", FilterOp::IsTrue));
    CHECK(has("ip_tags", FilterOp::Eq));
}
