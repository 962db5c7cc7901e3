#include "api/settings_calls.h"

#include "util/stored_list_json.h"

#include <stdexcept>

namespace sightline {
namespace {

// The document as given: its JSON text, or an object written as text.
std::string json_text(const rapidjson::Value& v) {
    if (v.IsString()) return {v.GetString(), v.GetStringLength()};
    return compact_json(v);
}

SettingsImportMode mode_of(const rapidjson::Value& args) {
    SettingsImportMode mode = SettingsImportMode::Merge;
    if (args.Size() < 2 || args[1].IsNull()) return mode;
    const rapidjson::Value& options = args[1];
    if (!options.IsObject()) throw std::invalid_argument("importSettings: the options must be an object, {mode}");
    auto it = options.FindMember("mode");
    if (it == options.MemberEnd()) return mode;
    if (!it->value.IsString() || !parse_settings_import_mode(it->value.GetString(), mode))
        throw std::invalid_argument("importSettings: mode must be \"merge\" or \"replace\"");
    return mode;
}

} // namespace

std::string export_settings_call(AppModel& model, const rapidjson::Value&) { return model.export_settings(); }

std::string import_settings_call(AppModel& model, const rapidjson::Value& args) {
    if (args.Size() < 1 || !(args[0].IsObject() || args[0].IsString()))
        throw std::invalid_argument("importSettings(settings, {mode}) needs the settings, as exportSettings() gave them");
    const SettingsImportMode mode = mode_of(args);
    if (std::string error = model.import_settings(json_text(args[0]), mode); !error.empty())
        throw std::invalid_argument("settings not imported, nothing changed: " + error);
    return "{\"ok\":true,\"saved_queries\":" + std::to_string(model.settings().saved_queries().size()) +
           ",\"ip_ranges\":" + std::to_string(model.ip_ranges().custom().size()) +
           ",\"policies\":" + std::to_string(model.policies().policies().size()) +
           ",\"column_mappings\":" + std::to_string(model.import_session().remembered_mappings().size()) + "}";
}

} // namespace sightline
