// The automation API's settings calls (shared/AUTOMATION.md: exportSettings, importSettings),
// over AppModel's export_settings / import_settings (app/settings_transfer.h for the format).
// Bad input throws std::invalid_argument, which AutomationApi answers as {"error": ...}.
#pragma once

#include "app/app_model.h"

#include <rapidjson/document.h>

#include <string>

namespace sightline {

// exportSettings(): the settings document itself.
std::string export_settings_call(AppModel& model, const rapidjson::Value& args);
// importSettings(settings, {mode: "merge" | "replace"}): the document as an object or as its
// JSON text; mode "merge" when left out. {ok: true, saved_queries, ip_ranges, policies,
// column_mappings}: how many of each the analyst has now.
std::string import_settings_call(AppModel& model, const rapidjson::Value& args);

} // namespace sightline
