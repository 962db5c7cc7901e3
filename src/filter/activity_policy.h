// An activity policy (shared/AUTOMATION.md "Policies"): a filter, and optionally a repeated-
// activity rule that raises an alert only when enough matching activities of one user (or one
// source IP) fall within a window of minutes. Evaluated over the loaded history by
// query/policy_evaluation.h; kept by app/policy_book.h.
#pragma once

#include "filter/activity_filter.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sightline {

enum class PolicySeverity { Low, Medium, High };
std::string_view policy_severity_name(PolicySeverity severity);   // "Low", "Medium", "High"
bool parse_policy_severity(std::string_view name, PolicySeverity& out);

// "Act on: repeated activity". Counts per user (compared without case) or per source IP, and
// per app when `single_app`; what is counted is activities, or distinct target objects
// (`unique_targets`), or distinct users (`unique_users`, what a password spray needs).
struct RepeatedActivity {
    enum class GroupBy { User, Ip };
    int64_t min = 1;        // an alert needs at least this many within the window
    int64_t minutes = 1;    // the window: [first, first + minutes) — half-open, like time_of_day
    bool single_app = false;
    bool unique_targets = false;
    bool unique_users = false;
    GroupBy group_by = GroupBy::User;
};

struct ActivityPolicy {
    static constexpr int64_t kDefaultDailyAlertLimit = 5;
    std::string name;
    PolicySeverity severity = PolicySeverity::Medium;
    std::string category;
    std::string description;
    std::string type = "activity";         // the only type evaluated today
    ActivityFilter filter;
    std::optional<RepeatedActivity> repeated;
    int64_t daily_alert_limit = kDefaultDailyAlertLimit;  // alerts per UTC day of their first activity
    std::string params_json = "{}";        // a detection's tunables, kept as written
};

} // namespace sightline
