// Compiles an ActivityFilter to a parameterised SQL boolean expression over the store's
// `activities` table (aliased `a`). User values only ever travel as bound parameters.
#pragma once

#include "filter/activity_filter.h"
#include "store/sql_value.h"

#include <cstdint>
#include <functional>
#include <optional>

namespace sightline {

struct FilterContext {
    // Anchor of `last_days`: the newest loaded activity, not the wall clock.
    std::optional<int64_t> newest_time_ms;
};

// Fields whose eq/neq ignore ASCII case (COLLATE NOCASE): UPNs, domains and IPv6 hex digits
// mean the same in any case (FieldCase::Nocase in model/field_table.h). Other text compares exactly.
bool compares_without_case(std::string_view field);

// The values eq/neq compare a field with. An `ip` is one address however it is spelled: each
// value that reads as an address takes the form the importers store (normalize_ip_text in
// util/ip_address.h: RFC 5952, brackets and port dropped), so "2001:0DB8:0:0::1" finds the rows
// of "2001:db8::1" and "[::ffff:10.0.0.1]:443" those of "10.0.0.1". Other values as written.
std::vector<std::string> compared_values(const FilterCondition& condition);

// The result's sql is "1" for an empty filter. Precondition: the filter passed parse checks.
SqlFragment compile_filter_to_sql(const ActivityFilter& filter, const FilterContext& context);

// The two halves of a `text` condition, for callers that search part of the data themselves
// (query/free_text_search.h). Over the activity row `a`: only the text columns, and the raw
// record ("raw"), for which `searched_column` is true ("0" when none is).
SqlFragment compile_free_text_sql(const FilterCondition& condition,
                                  const std::function<bool(std::string_view)>& searched_column);
// A SELECT of the rowids (possibly repeated) of activities with a list element that matches.
SqlFragment compile_free_text_lists_sql(const FilterCondition& condition);
// The same for one list field ("objects"), ending in its WHERE clause so that a caller may add
// " AND ..." (query/free_text_search.cpp reads a list table by rowid ranges).
SqlFragment compile_free_text_list_sql(const FilterCondition& condition, std::string_view list_field);

} // namespace sightline
