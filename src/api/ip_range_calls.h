// The automation API's IP range calls (shared/AUTOMATION.md: setIpRange, ipRanges,
// removeIpRange; extras setIpAs and undo), each taking the call's JSON argument array.
// Bad input throws std::invalid_argument, which AutomationApi answers as {"error": ...}.
#pragma once

#include "app/app_model.h"

#include <rapidjson/document.h>

#include <string>

namespace sightline {

std::string set_ip_range_call(AppModel& model, const rapidjson::Value& args);
std::string ip_ranges_call(AppModel& model, const rapidjson::Value& args);
std::string remove_ip_range_call(AppModel& model, const rapidjson::Value& args);
std::string set_ip_as_call(AppModel& model, const rapidjson::Value& args);
std::string undo_call(AppModel& model, const rapidjson::Value& args);

} // namespace sightline
