// Everything the analyst configured as one JSON document, to share with a colleague or keep
// beside a case (the Settings menu's Export and Import, exportSettings()/importSettings()):
//
//   {"sightline_settings": 1,
//    "saved_queries":   {"version": 1, "queries": [...]},   (SavedQueries::to_json)
//    "ip_ranges":       {"version": 1, "ranges": [...]},    (the analyst's ranges, not the built-in ones)
//    "policies":        {"version": 1, "policies": [...], "alerts": {...}}   (PolicyBook::to_json)
//    "column_mappings": {"version": 1, "mappings": [...]}}  (ColumnMappingMemory::to_json)
//
// Each part is the form the browser's storage keeps, so one reader serves both. Reading for an
// import is strict where restoring from storage is lenient: storage keeps what it can of a store
// a later version half understands, while an import with one bad entry is refused whole, with
// the entry's place and the reason, and changes nothing. A part that is absent is left alone.
#pragma once

#include "app/ip_range_table.h"
#include "app/policy_book.h"
#include "app/saved_queries.h"
#include "import/column_mapping_memory.h"

#include <optional>
#include <string>
#include <string_view>

namespace sightline {

inline constexpr int kSettingsFormatVersion = 1;

// The parts a settings document holds; nullopt for a part it leaves out.
struct SettingsDocument {
    std::optional<SavedQueries> saved_queries;
    std::optional<IpRangeTable> ip_ranges;
    std::optional<PolicyBook> policies;
    std::optional<ColumnMappingMemory> column_mappings;
};

struct SettingsParse {
    SettingsDocument document;
    std::string error; // "ip_ranges: IP range 2 skipped: cidrs[0] ..."; empty when it can be imported
};
SettingsParse parse_settings_json(std::string_view json);

std::string settings_to_json(const SavedQueries& queries, const IpRangeTable& ranges, const PolicyBook& policies,
                             const ColumnMappingMemory& mappings);

// Replace: each part the document holds takes the place of the analyst's. Merge: its entries
// join the analyst's, and an entry with the name of one the analyst has (a query, a range, a
// policy; for mappings, the same header) takes its place.
enum class SettingsImportMode { Merge, Replace };
bool parse_settings_import_mode(std::string_view name, SettingsImportMode& out); // "merge", "replace"

} // namespace sightline
