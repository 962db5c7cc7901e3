// The JSON form of an activity as the automation API and the CLI return it: canonical field
// names, time as ISO 8601 UTC, lists as arrays, booleans as booleans.
#pragma once

#include "model/activity.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>

namespace sightline {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Writes one JSON object; `with_raw` adds "raw" (the original record as text).
void write_activity_json(JsonWriter& writer, const Activity& activity, bool with_raw);
std::string activity_to_json(const Activity& activity, bool with_raw);
// activity(id)'s answer: every field, "raw", and "computed": the names of the fields enrichment
// filled in rather than read from the export (store/computed_fields.h), in the field table's order.
std::string activity_detail_json(const Activity& activity);

// `text` as a JSON string literal, quotes included.
std::string json_string(std::string_view text);

} // namespace sightline
