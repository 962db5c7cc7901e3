// Edits the activity log's filter the way the UI offers them: the basic bar's chips (one
// `eq` condition per field at the top level), "add to filter" from a cell, removing a row.
// Pure functions on ActivityFilter, so the same edits are testable without a UI. The top-level
// edits see only actor conditions on `user` (the default "as" role): a chip or "add to filter"
// never merges into an advanced row that asks about users as activity objects.
#pragma once

#include "filter/activity_filter.h"

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// The values of the top-level condition `field op ...`, or empty when there is none.
std::vector<std::string> top_level_values(const ActivityFilter& filter, std::string_view field, FilterOp op);

// Replaces the top-level `field op ...` condition with one holding `values` (removes it when
// `values` is empty). The condition keeps its place; a new one goes last.
ActivityFilter with_top_level_values(ActivityFilter filter, std::string_view field, FilterOp op,
                                     std::vector<std::string> values);

// Adds `value` to a top-level `field op ...` condition, creating it if needed ("add to filter").
ActivityFilter with_value_added(ActivityFilter filter, std::string_view field, FilterOp op, std::string value);

// Appends a top-level condition as it is (for operators that take no values, like is_true).
ActivityFilter with_condition_added(ActivityFilter filter, FilterCondition condition);

// The filter without any condition on `field`, anywhere: what a value picker counts against,
// so that it lists the values the analyst could add, not only the ones already chosen.
// A `user` condition "as" object reads `objects` (and "as" any reads both), and goes with those.
ActivityFilter without_field(const ActivityFilter& filter, std::string_view field);

// An `all` group as the root, whatever the filter was built from.
ActivityFilter normalised(ActivityFilter filter);

} // namespace sightline
