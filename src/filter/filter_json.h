// Reading and writing the JSON form of ActivityFilter, with precise errors for bad input.
#pragma once

#include "filter/activity_filter.h"

#include <optional>
#include <string>
#include <string_view>

namespace sightline {

struct FilterParseResult {
    std::optional<ActivityFilter> filter;  // set on success
    std::string error;                     // e.g. `all[1]: unknown field "usr"`
};

// Accepts the contract's JSON text; `null`, `{}` and an empty string mean "no filter".
// Checks fields, operators, value counts and value syntax (times, CIDRs, numbers).
FilterParseResult parse_filter_json(std::string_view json);

std::string filter_to_json(const ActivityFilter& filter);

} // namespace sightline
