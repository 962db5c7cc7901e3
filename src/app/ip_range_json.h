// IP address ranges as JSON: one range as the automation API takes and answers it
// ({name, cidrs, category, tags, isp, country}, plus builtin and note when written), and the
// analyst's ranges as the browser's storage keeps them ({"version": 1, "ranges": [...]}).
#pragma once

#include "app/ip_range_table.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>
#include <string>
#include <string_view>

namespace sightline {

// nullopt with `error` naming the member and what it should be. Only the shape is checked
// here; IpRangeTable::set checks the values.
std::optional<IpRangeDefinition> ip_range_from_json(const rapidjson::Value& value, std::string& error);
void write_ip_range(rapidjson::Writer<rapidjson::StringBuffer>& w, const IpRangeDefinition& range);
// [range, ...]: the analyst's ranges, then the built-in ones.
std::string ip_ranges_to_json_array(const IpRangeTable& table);

// Storage: the analyst's ranges only (the built-in ones come with the program).
std::string ip_ranges_to_storage_json(const IpRangeTable& table);
struct IpRangeTableLoad {
    IpRangeTable table;
    std::string error; // entries that could not be restored, named; the others are restored
};
IpRangeTableLoad ip_ranges_from_storage_json(std::string_view json);

} // namespace sightline
