// userInsights() and ipInsights() of the automation contract (shared/AUTOMATION.md): the counts
// of query/entity_insights.h as JSON, with the lists behind them and the window as extras
// (docs/automation-api.md).
#pragma once

#include "api/activity_json.h"
#include "query/entity_insights.h"

#include <string>

namespace sightline {

std::string insights_to_json(const EntityInsights& insights);

// [{value, count}, ...]: what values() answers, and the insights' lists.
void write_value_counts(JsonWriter& w, const std::vector<ValueCount>& counts);

} // namespace sightline
