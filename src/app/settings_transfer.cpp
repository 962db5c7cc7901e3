#include "app/settings_transfer.h"

#include "app/ip_range_json.h"
#include "util/stored_list_json.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>

namespace sightline {
namespace {

constexpr const char* kVersionKey = "sightline_settings";
constexpr std::array<const char*, 4> kParts = {"saved_queries", "ip_ranges", "policies", "column_mappings"};

// Reads one part with its storage reader; an empty string when every entry was read.
std::string read_part(std::string_view part, const std::string& json, SettingsDocument& into) {
    if (part == "saved_queries") {
        SavedQueriesLoad load = SavedQueries::from_json(json);
        into.saved_queries = std::move(load.queries);
        return load.error;
    }
    if (part == "ip_ranges") {
        IpRangeTableLoad load = ip_ranges_from_storage_json(json);
        into.ip_ranges = std::move(load.table);
        return load.error;
    }
    if (part == "policies") {
        into.policies.emplace();
        return into.policies->restore(json);
    }
    ColumnMappingMemoryLoad load = ColumnMappingMemory::from_json(json);
    into.column_mappings = std::move(load.memory);
    return load.error;
}

bool is_part(std::string_view name) {
    for (const char* part : kParts)
        if (name == part) return true;
    return false;
}

std::string check_version(const rapidjson::Value& doc) {
    auto it = doc.FindMember(kVersionKey);
    if (it == doc.MemberEnd())
        return std::string(kVersionKey) + ": missing; this is not a settings file exported by Sightline";
    if (!it->value.IsInt()) return std::string(kVersionKey) + ": must be a whole number";
    const int version = it->value.GetInt();
    if (version > kSettingsFormatVersion)
        return std::string(kVersionKey) + ": version " + std::to_string(version) +
               " was written by a newer Sightline; this one reads version " + std::to_string(kSettingsFormatVersion);
    if (version < 1) return std::string(kVersionKey) + ": version " + std::to_string(version) + " does not exist";
    return {};
}

} // namespace

SettingsParse parse_settings_json(std::string_view json) {
    SettingsParse out;
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    if (doc.HasParseError()) {
        out.error = "not JSON (at byte " + std::to_string(doc.GetErrorOffset()) + ")";
        return out;
    }
    if (!doc.IsObject()) {
        out.error = "a settings file is a JSON object";
        return out;
    }
    if (out.error = check_version(doc); !out.error.empty()) return out;
    for (const auto& member : doc.GetObject()) {
        const std::string_view name(member.name.GetString(), member.name.GetStringLength());
        if (name == kVersionKey) continue;
        if (!is_part(name)) {
            out.error = std::string(name) + ": not a part of Sightline's settings "
                                            "(saved_queries, ip_ranges, policies, column_mappings)";
            return out;
        }
        if (!member.value.IsObject()) {
            out.error = std::string(name) + ": must be an object";
            return out;
        }
        if (std::string error = read_part(name, compact_json(member.value), out.document); !error.empty()) {
            // The storage readers say "IP range 2 skipped: ...", as they keep the other entries;
            // an import keeps none of them, so nothing was skipped alone.
            for (size_t at = error.find(" skipped: "); at != std::string::npos; at = error.find(" skipped: ", at))
                error.replace(at, 10, ": ");
            out.error = std::string(name) + ": " + error;
            out.document = {};
            return out;
        }
    }
    return out;
}

std::string settings_to_json(const SavedQueries& queries, const IpRangeTable& ranges, const PolicyBook& policies,
                             const ColumnMappingMemory& mappings) {
    // Each part is written by its own writer, then spliced in: they are JSON objects already.
    return std::string("{\"") + kVersionKey + "\":" + std::to_string(kSettingsFormatVersion) +
           ",\"saved_queries\":" + queries.to_json() + ",\"ip_ranges\":" + ip_ranges_to_storage_json(ranges) +
           ",\"policies\":" + policies.to_json() + ",\"column_mappings\":" + mappings.to_json() + "}";
}

bool parse_settings_import_mode(std::string_view name, SettingsImportMode& out) {
    if (name == "merge") return out = SettingsImportMode::Merge, true;
    if (name == "replace") return out = SettingsImportMode::Replace, true;
    return false;
}

} // namespace sightline
