// The Policies panel's form (app/policy_draft.h): what it builds is the policy the JSON
// parser would read, a mistake in its filter text names its place in the filter, and
// "New policy from search" carries the log's filter over unchanged.
#include "app/policy_draft.h"
#include "filter/filter_json.h"
#include "policy_test_support.h"

#include <doctest/doctest.h>

using namespace sightline;
using namespace sightline::testing;

TEST_CASE("a form round-trips through its policy") {
    ActivityPolicy policy = policy_from_json(R"({"name": "Spray", "severity": "High", "category": "Threat detection",
        "filter": {"all": [{"field": "activity_type", "op": "eq", "values": ["Failed log on"]}]},
        "repeated": {"min": 10, "minutes": 60, "group_by": "ip", "unique_users": true}, "daily_alert_limit": 3})");
    PolicyParseResult back = PolicyDraft::from_policy(policy).to_policy();
    REQUIRE_MESSAGE(back.policy.has_value(), back.error);
    CHECK(policy_to_json(*back.policy) == policy_to_json(policy));
}

TEST_CASE("the form's errors name the JSON path") {
    PolicyDraft d;
    CHECK(d.to_policy().error.rfind("name:", 0) == 0);
    d.name = "x";
    d.filter_json = R"({"all": [{"field": "usr", "op": "eq", "values": ["a"]}]})";
    CHECK(d.to_policy().error.rfind("filter.all[0]", 0) == 0);
    d.filter_json = R"({"all": [)";
    CHECK(d.to_policy().error.rfind("filter: invalid JSON", 0) == 0);
    d.filter_json = "{}";
    d.repeated = true;
    d.minutes = 0;
    CHECK(d.to_policy().error.rfind("repeated.minutes:", 0) == 0);
    d.minutes = 5;
    d.daily_alert_limit = 0;
    CHECK(d.to_policy().error.rfind("daily_alert_limit:", 0) == 0);
}

TEST_CASE("New policy from search takes the log's filter as it is") {
    ActivityFilter filter = parse_filter_json(R"({"all": [{"field": "user", "op": "eq", "values": ["ann@contoso.example"]},
        {"any": [{"field": "country", "op": "neq", "values": ["US"]}]}]})").filter.value();
    PolicyParseResult p = PolicyDraft::from_filter(filter).to_policy();
    REQUIRE_MESSAGE(p.policy.has_value(), p.error);
    CHECK(filter_to_json(p.policy->filter) == filter_to_json(filter));
    CHECK(!p.policy->repeated);
}
