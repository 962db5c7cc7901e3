// Reading and writing the policy JSON of shared/AUTOMATION.md, with errors that name the JSON
// path of the problem (`repeated.min: ...`, `filter.all[0].op: ...`). The filter part is the
// filter model's own JSON (filter/filter_json.h), so a policy compiles to the same
// parameterised SQL as the log's filter.
#pragma once

#include "filter/activity_policy.h"

#include <optional>
#include <string>
#include <string_view>

namespace sightline {

struct PolicyParseResult {
    std::optional<ActivityPolicy> policy;  // set on success
    std::string error;                     // `path: reason`
};

// `template_keys`: also accept a template's `why` and `needs` (assets/policy_templates/),
// which the caller reads itself; otherwise they are unknown keys.
PolicyParseResult parse_policy_json(std::string_view json, bool template_keys = false);

// The policy as JSON: every key written, `repeated` only when set. Parsing it gives the same policy.
std::string policy_to_json(const ActivityPolicy& policy);

// Names are trimmed, 1..100 characters: they are what matched_policies lists.
constexpr size_t kMaxPolicyNameChars = 100;

} // namespace sightline
