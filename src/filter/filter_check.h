// The rules a filter must follow beyond JSON shape: which operators each field kind takes,
// how many values each operator takes, and what those values must look like. The parser
// reports the first broken rule; the UI can use filter_ops_for_field for its operator menus.
#pragma once

#include "filter/activity_filter.h"
#include "model/canonical_fields.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// Operators valid on a field (the groups its row of model/field_table.h names), in menu order.
// `text` is not listed: it ignores its field.
std::vector<FilterOp> filter_ops_for_field(const FieldInfo& field);

// A time value of before/after/between: ISO 8601 (see util/time_format.h) or epoch ms digits.
std::optional<int64_t> parse_filter_time(std::string_view value);

// A time_of_day value, "HH:MM" or "HH:MM:SS" (two digits each, 00:00 to 23:59:59, UTC), as
// milliseconds after midnight. "24:00" is refused: a range up to midnight ends at "00:00".
std::optional<int64_t> parse_time_of_day(std::string_view value);

// The N of last_days: a whole number of days, 0..36500.
std::optional<int64_t> parse_day_count(std::string_view value);

// "true" / "false" in any case, the values eq/neq take on boolean fields.
std::optional<bool> parse_filter_bool(std::string_view value);

// The first broken rule of the filter as `path: message` (path as in its JSON, e.g.
// `all[1].any[0].values[2]: not a CIDR range "10.0.0/8"`), or an empty string when it is valid.
std::string check_filter(const ActivityFilter& filter);

} // namespace sightline
