// Microsoft Entra ID sign-in logs as the portal's JSON download: Graph signIn objects
// (createdDateTime, userPrincipalName, appDisplayName, ipAddress, status.errorCode, location,
// deviceDetail, ...). errorCode 0 is "Log on", anything else "Failed log on".
#include "import/field_text.h"
#include "import/json_record_format.h"
#include "import/json_values.h"
#include "import/location_text.h"
#include "import/timestamp_parsing.h"
#include "util/ip_address.h"

namespace sightline {
namespace {

class EntraSigninJsonFormat final : public JsonRecordFormat {
public:
    std::string_view name() const override { return "Entra ID sign-in log JSON"; }

    void map_record(const rapidjson::Value& r, Activity& a, RecordOutcome& outcome) override {
        const std::string_view created = json_string(r, "createdDateTime");
        auto time = parse_timestamp(created);
        if (!time) return outcome.reject("unreadable createdDateTime '" + std::string(created.substr(0, 60)) + "'");
        a.time_ms = *time;
        a.id = json_string(r, "id");
        a.user = json_string(r, "userPrincipalName");
        if (a.user.empty()) a.user = json_string(r, "userDisplayName");
        a.app = json_string(r, "appDisplayName");
        a.ip = normalize_ip_text(json_string(r, "ipAddress"));
        a.user_agent = json_string(r, "userAgent");
        a.city = json_string(r, "location.city");
        a.country = country_code(json_string(r, "location.countryOrRegion"));
        a.browser = json_string(r, "deviceDetail.browser");
        a.os = json_string(r, "deviceDetail.operatingSystem");
        a.action_type = json_string(r, "clientAppUsed");
        if (a.action_type.empty()) a.action_type = "Sign-in";
        const std::string error_code = json_text(r, "status.errorCode");
        const bool failed = !error_code.empty() && error_code != "0";
        a.result = failed ? "Failure" : "Success";
        a.activity_type = failed ? "Failed log on" : "Log on";
        a.description = std::string(a.activity_type) + (a.app.empty() ? "" : " to " + a.app);
        const std::string_view reason = json_string(r, "status.failureReason");
        if (failed && !reason.empty()) a.description += " (" + std::string(reason) + ")";
        append_unique(a.objects, a.app);
        append_unique(a.objects, json_string(r, "resourceDisplayName"));
    }
};

} // namespace

std::unique_ptr<JsonRecordFormat> make_entra_signin_json_format(const rapidjson::Value& first) {
    const bool signin = json_member(first, "createdDateTime") &&
                        (json_member(first, "userPrincipalName") || json_member(first, "appDisplayName")) &&
                        (json_member(first, "status") || json_member(first, "ipAddress"));
    return signin ? std::make_unique<EntraSigninJsonFormat>() : nullptr;
}

} // namespace sightline
