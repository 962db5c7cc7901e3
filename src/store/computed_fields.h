// The `computed` mark: which fields of an activity enrichment filled in rather than read from
// the export (issue 16). One bit a field in the field table's order (model/field_table.h), in
// the store's column `computed`, so the drawer, activity(id)'s JSON and the CSV export read the
// same answer, and any enrichment (user agents, IP locations) marks its fields with one call.
#pragma once

#include "model/field_table.h"
#include "store/activity_store.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace sightline {

using ComputedFields = uint64_t;

// The store's column, and the all-fields CSV export's column of the marked fields' names.
inline constexpr std::string_view kComputedColumn = "computed";
static_assert(kFieldCount <= 64, "one bit a field in the computed column");

constexpr ComputedFields computed_bit(FieldId field) { return ComputedFields{1} << static_cast<unsigned>(field); }
constexpr bool is_computed(ComputedFields fields, FieldId field) { return (fields & computed_bit(field)) != 0; }

// The canonical names of the marked fields, in the field table's order.
std::vector<std::string_view> computed_field_names(ComputedFields fields);

// Adds `fields` to the mark of each activity in `rowids`, in one savepoint. The caller writes
// the values themselves (the mark says where they came from) and makes sure no read statement is open.
void mark_computed(ActivityStore& store, std::span<const int64_t> rowids, ComputedFields fields);

} // namespace sightline
