#include "import/audit_data_mapping.h"

#include "import/activity_type_map.h"
#include "import/client_fields.h"
#include "import/field_text.h"
#include "import/json_values.h"
#include "import/timestamp_parsing.h"
#include "util/ip_address.h"

namespace sightline {
namespace {

// The value of the {Name, Value} pair called `name` in ExtendedProperties and similar lists.
std::string_view name_value(const rapidjson::Value& audit, std::string_view list, std::string_view name) {
    const rapidjson::Value* items = json_member(audit, list);
    if (!items || !items->IsArray()) return {};
    for (const rapidjson::Value& item : items->GetArray())
        if (iequals(json_string(item, "Name"), name)) return json_string(item, "Value");
    return {};
}

// Exchange writes "Client=OWA;Mozilla/5.0 (...)": the user agent follows the first ';'.
std::string_view user_agent_from_client_info(std::string_view info) {
    if (!istarts_with(info, "Client=")) return info;
    const size_t semicolon = info.find(';');
    return semicolon == std::string_view::npos ? std::string_view{} : trim(info.substr(semicolon + 1));
}

// UserType 2 (Admin) and 3 (DcAdmin), or their names; Exchange admin cmdlets (RecordType 1).
bool is_admin_record(const rapidjson::Value& audit) {
    const std::string user_type = json_text(audit, "UserType");
    if (user_type == "2" || user_type == "3" || iequals(user_type, "Admin") || iequals(user_type, "DcAdmin")) return true;
    const std::string record_type = json_text(audit, "RecordType");
    return record_type == "1" || iequals(record_type, "ExchangeAdmin");
}

void map_result(const rapidjson::Value& audit, Activity& a) {
    // For Entra logons ResultStatus is not the logon result; ErrorNumber is (0 = success).
    const std::string error_number = json_text(audit, "ErrorNumber");
    if (!error_number.empty()) {
        a.result = error_number == "0" ? "Success" : "Failure";
        return;
    }
    const std::string_view status = normalize_result(json_text(audit, "ResultStatus"));
    if (!status.empty()) a.result = status;
}

void map_client(const rapidjson::Value& audit, Activity& a) {
    for (std::string_view key : {"ClientIP", "ClientIPAddress", "ActorIpAddress"}) {
        const std::string ip = json_text(audit, key);
        if (!ip.empty()) {
            a.ip = normalize_ip_text(ip);
            break;
        }
    }
    std::string_view agent = json_string(audit, "UserAgent");
    if (agent.empty()) agent = name_value(audit, "ExtendedProperties", "UserAgent");
    if (agent.empty()) agent = user_agent_from_client_info(json_string(audit, "ClientInfoString"));
    if (!agent.empty()) a.user_agent = agent;
    const std::string_view os = name_value(audit, "DeviceProperties", "OS");
    if (!os.empty()) a.os = os;
    const std::string_view browser = name_value(audit, "DeviceProperties", "BrowserType");
    if (!browser.empty()) a.browser = browser;
}

} // namespace

std::string_view app_for_workload(std::string_view workload) {
    static constexpr std::pair<std::string_view, std::string_view> apps[] = {
        {"Exchange", "Microsoft Exchange Online"},
        {"SharePoint", "Microsoft SharePoint Online"},
        {"OneDrive", "Microsoft OneDrive for Business"},
        {"AzureActiveDirectory", "Microsoft Entra ID"},
        {"MicrosoftTeams", "Microsoft Teams"},
        {"PowerBI", "Microsoft Power BI"},
        {"Yammer", "Microsoft Viva Engage"},
    };
    for (const auto& [name, app] : apps)
        if (iequals(workload, name)) return app;
    return workload;
}

void map_audit_data(const rapidjson::Value& audit, Activity& a) {
    if (auto time = parse_timestamp(json_string(audit, "CreationTime"))) a.time_ms = *time;
    const std::string_view id = json_string(audit, "Id");
    if (!id.empty()) a.id = id;
    const std::string_view workload = json_string(audit, "Workload");
    if (!workload.empty()) a.app = app_for_workload(workload);
    const std::string_view operation = json_string(audit, "Operation");
    if (!operation.empty()) a.action_type = operation;
    const std::string_view user = json_string(audit, "UserId");
    if (!user.empty()) a.user = user;
    map_client(audit, a);
    map_result(audit, a);
    a.admin = is_admin_record(audit);
    append_unique(a.objects, json_string(audit, "SourceFileName"));
    append_unique(a.objects, json_text(audit, "ObjectId"));
    a.activity_type = activity_type_for_operation(a.action_type);
    if (a.activity_type == "Log on" && a.result == "Failure") a.activity_type = "Failed log on";
    a.description = a.action_type;
    if (!a.objects.empty()) a.description += ": " + a.objects.front();
}

} // namespace sightline
