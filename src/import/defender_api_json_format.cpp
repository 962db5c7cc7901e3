// Defender for Cloud Apps Activities API records (GET /api/v1/activities/ pages, saved as an
// array, as {"data": [...]} pages, or one record per line). Field names follow the API's
// sample payloads (reference §6.1); rawDataJson stays inside the record kept as `raw`.
#include "import/activity_type_map.h"
#include "import/client_fields.h"
#include "import/field_text.h"
#include "import/json_record_format.h"
#include "import/json_values.h"
#include "import/location_text.h"
#include "text/word_match.h"
#include "util/ip_address.h"

namespace sightline {
namespace {

// location.category codes and categoryValue names of the API, as the UI names IP categories.
std::string_view ip_category_of(const rapidjson::Value& r) {
    const std::string value = lower_ascii(json_text(r, "location.categoryValue"));
    if (value.find("corporate") != std::string::npos) return "Corporate";
    if (value.find("admin") != std::string::npos) return "Administrative";
    if (value.find("risky") != std::string::npos) return "Risky";
    if (value.find("vpn") != std::string::npos) return "VPN";
    if (value.find("cloud") != std::string::npos) return "Cloud provider";
    const std::string code = json_text(r, "location.category");
    if (code == "1") return "Corporate";
    if (code == "2") return "Administrative";
    if (code == "3") return "Risky";
    if (code == "4") return "VPN";
    if (code == "5") return "Cloud provider";
    return {};
}

class DefenderApiJsonFormat final : public JsonRecordFormat {
public:
    std::string_view name() const override { return "Defender for Cloud Apps API JSON"; }

    void map_record(const rapidjson::Value& r, Activity& a, RecordOutcome& outcome) override {
        const rapidjson::Value* timestamp = json_member(r, "timestamp");
        if (!timestamp || !(timestamp->IsNumber() || timestamp->IsString()))
            return outcome.reject("record has no timestamp");
        if (timestamp->IsNumber()) {
            a.time_ms = timestamp->IsInt64() ? timestamp->GetInt64() : static_cast<int64_t>(timestamp->GetDouble());
        } else {
            const std::string text = json_value_text(*timestamp);
            try {
                a.time_ms = std::stoll(text);
            } catch (const std::exception&) {
                return outcome.reject("unreadable timestamp '" + text.substr(0, 60) + "'");
            }
        }
        a.id = json_string(r, "_id");
        if (a.id.empty()) a.id = json_string(r, "uid");
        a.app = json_string(r, "appName");
        a.description = json_string(r, "description");
        map_types(r, a);
        map_actor(r, a);
        map_network(r, a);
        map_user_agent(r, a);
        const rapidjson::Value* success = json_member(r, "mainInfo.activityResult.isSuccess");
        if (success && success->IsBool()) a.result = success->GetBool() ? "Success" : "Failure";
        else if (a.activity_type == "Failed log on") a.result = "Failure";
        a.objects = json_text_list(r, "mainInfo.eventObjects");
        a.impersonated = json_text(r, "impersonated") == "true";
        a.admin = json_text(r, "isAdmin") == "true" || json_text(r, "adminEvent") == "true";
    }

private:
    static void map_types(const rapidjson::Value& r, Activity& a) {
        a.action_type = json_string(r, "mainInfo.prettyOperationName");
        if (a.action_type.empty()) a.action_type = json_string(r, "mainInfo.rawOperationName");
        std::string_view type = activity_type_for_operation(json_string(r, "eventTypeName"));
        if (type.empty()) type = activity_type_from_description(a.description);
        if (type.empty()) type = activity_type_for_operation(a.action_type);
        a.activity_type = type;
        if (a.action_type.empty()) a.action_type = json_string(r, "eventTypeName");
    }

    static void map_actor(const rapidjson::Value& r, Activity& a) {
        a.user = json_string(r, "user.userName");
        if (a.user.empty()) a.user = json_string(r, "failedUserData.userName");
        if (a.user.empty()) a.user = json_string(r, "resolvedActor.name");
    }

    static void map_network(const rapidjson::Value& r, Activity& a) {
        a.ip = normalize_ip_text(json_string(r, "device.clientIP"));
        a.country = country_code(json_string(r, "location.countryCode"));
        if (a.country.empty()) a.country = country_code(json_string(r, "device.countryCode"));
        a.city = json_string(r, "location.city");
        a.isp = json_string(r, "location.organizationSearchable");
        a.ip_category = ip_category_of(r);
        a.ip_tags = json_text_list(r, "location.ipTags");
    }

    static void map_user_agent(const rapidjson::Value& r, Activity& a) {
        a.user_agent = json_string(r, "device.userAgent");
        if (a.user_agent.empty()) a.user_agent = json_string(r, "userAgent.name");
        a.ua_tags = json_text_list(r, "userAgent.tags");
        a.device_type = normalize_device_type(json_string(r, "userAgent.deviceType"));
        a.browser = json_string(r, "userAgent.browser");
        if (a.browser.empty()) a.browser = json_string(r, "userAgent.family");
        a.os = json_string(r, "userAgent.os");
        if (a.os.empty()) a.os = json_string(r, "userAgent.operatingSystem.name");
    }
};

} // namespace

std::unique_ptr<JsonRecordFormat> make_defender_api_json_format(const rapidjson::Value& first) {
    const bool defender = json_member(first, "timestamp") &&
                          (json_member(first, "_id") || json_member(first, "eventTypeName") ||
                           json_member(first, "rawDataJson") || json_member(first, "mainInfo"));
    return defender ? std::make_unique<DefenderApiJsonFormat>() : nullptr;
}

} // namespace sightline
