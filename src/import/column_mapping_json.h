// A column mapping as JSON, {"time": "When", "user": "Who"}: the import report's `mapping`,
// the `mapping` that load() accepts per file, and the remembered mappings' storage form.
#pragma once

#include "import/import_report.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>
#include <string>
#include <string_view>

namespace sightline {

// A canonical field a column can feed: not `source` and `file`, which the import itself sets,
// nor the analyst's marks (starred, tags, comment), which are kept apart from imported data.
bool mappable_field(std::string_view field);

void write_column_mapping(rapidjson::Writer<rapidjson::StringBuffer>& writer, const ColumnMapping& mapping);
std::string column_mapping_to_json(const ColumnMapping& mapping);

// An object of mappable field -> column name; an empty name or null means "(none)" and is
// left out. The result is in canonical field order. nullopt (with `error`) for anything
// else, and when no column is given for time (every activity needs one).
std::optional<ColumnMapping> column_mapping_from_json(const rapidjson::Value& value, std::string& error);
std::optional<ColumnMapping> column_mapping_from_json_text(std::string_view json, std::string& error);

// The mapping's entries in canonical field order, "(none)" entries dropped.
ColumnMapping in_canonical_order(const ColumnMapping& mapping);
// The column mapped to `field`, or "" when none.
std::string mapped_column(const ColumnMapping& mapping, std::string_view field);

} // namespace sightline
