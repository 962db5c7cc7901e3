// Compiles an ActivityFilter to a parameterised SQL boolean expression over the store's
// `activities` table (aliased `a`). User values only ever travel as bound parameters.
#pragma once

#include "filter/activity_filter.h"
#include "store/sql_value.h"

#include <cstdint>
#include <optional>

namespace sightline {

struct FilterContext {
    // Anchor of `last_days`: the newest loaded activity, not the wall clock.
    std::optional<int64_t> newest_time_ms;
};

// The result's sql is "1" for an empty filter. Precondition: the filter passed parse checks.
SqlFragment compile_filter_to_sql(const ActivityFilter& filter, const FilterContext& context);

} // namespace sightline
