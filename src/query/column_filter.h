// Answers a filter from the column copy (store/activity_columns.h) instead of SQL, when every
// condition is on a field kept there with an operator that can be decided from the field's
// value alone: eq/neq, contains, starts/ends with, is set, CIDR, booleans, time bounds and time
// of day. Anything else (free text, list fields, a user "as" object or any, description, user
// agent, text on a column holding a NUL byte...) returns nullopt and the caller asks SQLite. Text conditions are decided once per distinct value, with the same
// functions the SQL compiler uses (text/word_match.h), so both paths mean the same thing;
// tests/unit/filter_sql_test.cpp, column_queries_test.cpp and column_copy_review_test.cpp
// check them against each other.
#pragma once

#include "filter/activity_filter.h"
#include "filter/filter_sql.h"
#include "store/activity_columns.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace sightline {

// Free text (`text`) reads the raw record and the lists, which the copy does not keep. A caller
// that can run SQL passes this: given a `text` condition, the rowids whose raw record, lists or
// text columns outside the copy match it (filter_sql.h: compile_free_text_sql). The copy's own
// columns are searched once per distinct value. Without it, free text is left to SQL.
using TextSearch = std::function<std::vector<int64_t>(const FilterCondition&)>;

// One byte per position of `columns` (newest first): 1 where the activity matches.
std::optional<std::vector<uint8_t>> match_columns(const ActivityColumns& columns, const ActivityFilter& filter,
                                                  const FilterContext& context, const TextSearch* text_search = nullptr);

// The matching positions, newest first.
std::vector<uint32_t> matching_positions(const std::vector<uint8_t>& matches);

} // namespace sightline
