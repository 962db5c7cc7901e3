// The Microsoft 365 unified audit log record (the AuditData JSON of a Purview export, or a
// Management Activity API record) mapped to an activity. Shared by the audit log CSV and JSON.
#pragma once

#include "model/activity.h"

#include <rapidjson/document.h>

#include <string_view>

namespace sightline {

inline constexpr std::string_view kAuditLogSource = "Microsoft 365 audit log";

// Fills what the record has; fields it lacks are left as they are (the CSV columns may have
// set them already). Time is set only when CreationTime is readable.
void map_audit_data(const rapidjson::Value& audit, Activity& activity);

// Friendly app name for an audit Workload ("SharePoint" -> "Microsoft SharePoint Online").
std::string_view app_for_workload(std::string_view workload);

} // namespace sightline
