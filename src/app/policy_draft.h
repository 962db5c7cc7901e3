// The policy editor's form, in the model so that the Policies panel, the automation API and
// the tests edit the same thing: the reference's fields (name, severity, category,
// description), the filter as JSON text, "Act on" single or repeated activity with its
// numbers, and the daily alert limit. to_policy() goes through the policy JSON parser, so the
// form's errors are the same, path-naming errors as a bad policy file's.
#pragma once

#include "filter/activity_filter.h"
#include "filter/policy_json.h"

#include <string>

namespace sightline {

struct PolicyDraft {
    std::string name;
    int severity = 1;  // 0 Low, 1 Medium, 2 High
    std::string category = "Threat detection";
    std::string description;
    std::string filter_json = "{\"all\": []}";
    bool repeated = false;
    int min = 10;
    int minutes = 5;
    bool single_app = false;
    bool unique_targets = false;
    bool group_by_ip = false;
    bool unique_users = false;
    int daily_alert_limit = static_cast<int>(ActivityPolicy::kDefaultDailyAlertLimit);
    std::string type = "activity";
    std::string params_json = "{}";

    static PolicyDraft from_policy(const ActivityPolicy& policy);
    // "New policy from search": the log's filter, the rest left for the analyst.
    static PolicyDraft from_filter(const ActivityFilter& filter);
    PolicyParseResult to_policy() const;
};

} // namespace sightline
