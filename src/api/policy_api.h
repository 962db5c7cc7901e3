// The automation API's policy calls (shared/AUTOMATION.md): savePolicy, policies,
// removePolicy, testPolicy, policyTemplates, alerts, setAlertStatus. AutomationApi::call
// hands them here; bad input throws std::invalid_argument, which it answers as {error}.
#pragma once

#include "app/app_model.h"

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <string_view>

namespace sightline {

// The answer, or nullopt when `method` is not a policy call.
std::optional<std::string> call_policy_api(AppModel& model, std::string_view method, const rapidjson::Value& args);

} // namespace sightline
