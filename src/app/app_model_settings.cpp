// AppModel's settings export and import (app/settings_transfer.h): every part is checked and,
// for IP ranges, merged before anything changes, so an import that fails changes nothing.
#include "app/app_model.h"

namespace sightline {

std::string AppModel::export_settings() const {
    return settings_to_json(settings_.saved_queries(), ip_ranges_, policies_.book(),
                            import_session_.remembered_mappings());
}

std::string AppModel::import_settings(std::string_view json, SettingsImportMode mode) {
    if (importing()) return "wait for the import to finish";
    SettingsParse parsed = parse_settings_json(json);
    if (!parsed.error.empty()) return parsed.error;
    const SettingsDocument& document = parsed.document;
    const bool replace = mode == SettingsImportMode::Replace;
    // The ranges first: merging can fail (an imported range overlapping one of the analyst's).
    std::optional<IpRangeTable> ranges;
    if (document.ip_ranges) {
        ranges = replace ? IpRangeTable{} : ip_ranges_;
        for (const IpRangeDefinition& range : document.ip_ranges->custom())
            if (std::string error = ranges->set(range); !error.empty())
                return "ip_ranges: the range \"" + range.name + "\": " + error;
    }
    if (document.saved_queries) settings_.import_saved_queries(*document.saved_queries, replace);
    if (document.column_mappings) {
        import_session_.import_remembered_mappings(*document.column_mappings, replace);
        settings_.note_change();
    }
    if (document.policies) policies_.import_book(*document.policies, replace);
    if (ranges) change_ip_ranges(std::move(*ranges));
    return {};
}

} // namespace sightline
