// Microsoft Entra ID sign-in logs as tables: the portal's CSV download (Date (UTC), Request ID,
// User agent, ..., Status, Sign-in error code, Failure reason, ...) and the Log Analytics
// SigninLogs export (CreatedDateTime [UTC], UserPrincipalName, IPAddress,
// LocationDetails_dynamic, ResultType, ...). Success becomes "Log on", failure "Failed log on".
#include "import/client_fields.h"
#include "import/field_text.h"
#include "import/json_values.h"
#include "import/location_text.h"
#include "import/table_formats.h"
#include "import/timestamp_parsing.h"
#include "util/ip_address.h"

namespace sightline {
namespace {

class EntraSigninTableFormat final : public TableFormat {
public:
    explicit EntraSigninTableFormat(const TableColumns& t)
        : log_analytics_(t.has({"CreatedDateTime [UTC]", "LocationDetails_dynamic", "ResultType"})),
          date_(t.find({"Date (UTC)", "CreatedDateTime [UTC]", "CreatedDateTime", "TimeGenerated [UTC]", "Date"})),
          id_(t.find({"Request ID", "Id", "OriginalRequestId"})),
          user_agent_(t.find({"User agent", "UserAgent"})),
          user_(t.find({"Username", "UserPrincipalName", "User"})),
          app_(t.find({"Application", "AppDisplayName"})),
          ip_(t.find({"IP address", "IPAddress"})),
          location_(t.find({"Location"})),
          location_json_(t.find({"LocationDetails_dynamic", "LocationDetails"})),
          status_(t.find({"Status"})),
          error_code_(t.find({"Sign-in error code", "ResultType", "ErrorCode"})),
          failure_reason_(t.find({"Failure reason", "ResultDescription"})),
          client_app_(t.find({"Client app", "ClientAppUsed"})),
          browser_(t.find({"Browser"})),
          os_(t.find({"Operating System"})),
          device_json_(t.find({"DeviceDetail_dynamic", "DeviceDetail"})),
          resource_(t.find({"Resource", "ResourceDisplayName"})) {}

    std::string_view name() const override {
        return log_analytics_ ? "Entra ID sign-in log (Log Analytics)" : "Entra ID sign-in log CSV";
    }

    void map_row(std::span<const std::string_view> row, Activity& a, RecordOutcome& outcome) override {
        const std::string_view date = cell(row, date_);
        auto time = parse_timestamp(date);
        if (!time) return outcome.reject("unreadable date '" + std::string(date.substr(0, 60)) + "'");
        a.time_ms = *time;
        a.id = cell(row, id_);
        a.user = cell(row, user_);
        a.app = cell(row, app_);
        a.ip = normalize_ip_text(cell(row, ip_));
        a.user_agent = cell(row, user_agent_);
        a.action_type = cell(row, client_app_);
        if (a.action_type.empty()) a.action_type = "Sign-in";
        map_place(row, a);
        map_device(row, a);
        const std::string_view error = cell(row, error_code_);
        std::string_view result = normalize_result(cell(row, status_));
        if (result.empty() && !error.empty()) result = error == "0" ? "Success" : "Failure";
        a.result = result.empty() ? "Success" : result;
        const bool failed = a.result == "Failure";
        a.activity_type = failed ? "Failed log on" : "Log on";
        a.description = std::string(a.activity_type) + (a.app.empty() ? "" : " to " + a.app);
        const std::string_view reason = cell(row, failure_reason_);
        if (failed && !reason.empty()) a.description += " (" + std::string(reason) + ")";
        append_unique(a.objects, a.app);
        append_unique(a.objects, cell(row, resource_));
    }

private:
    void map_place(std::span<const std::string_view> row, Activity& a) const {
        const std::string_view location_json = cell(row, location_json_);
        if (!location_json.empty()) {
            rapidjson::Document doc;
            doc.Parse(location_json.data(), location_json.size());
            if (!doc.HasParseError() && doc.IsObject()) {
                a.city = json_string(doc, "city");
                a.country = country_code(json_string(doc, "countryOrRegion"));
                return;
            }
        }
        Place place = parse_location_text(cell(row, location_));
        a.city = std::move(place.city);
        a.country = std::move(place.country);
    }

    void map_device(std::span<const std::string_view> row, Activity& a) const {
        a.browser = cell(row, browser_);
        a.os = cell(row, os_);
        const std::string_view device_json = cell(row, device_json_);
        if (device_json.empty()) return;
        rapidjson::Document doc;
        doc.Parse(device_json.data(), device_json.size());
        if (doc.HasParseError() || !doc.IsObject()) return;
        if (a.browser.empty()) a.browser = json_string(doc, "browser");
        if (a.os.empty()) a.os = json_string(doc, "operatingSystem");
    }

    bool log_analytics_;
    int date_, id_, user_agent_, user_, app_, ip_, location_, location_json_, status_, error_code_, failure_reason_,
        client_app_, browser_, os_, device_json_, resource_;
};

} // namespace

std::unique_ptr<TableFormat> make_entra_signin_table_format(const TableColumns& columns, TableSyntax syntax) {
    const bool portal = syntax == TableSyntax::Csv && columns.has({"Request ID"}) && columns.has({"Date (UTC)", "Date"});
    const bool log_analytics = columns.has({"CreatedDateTime [UTC]", "CreatedDateTime"}) &&
                               columns.has({"UserPrincipalName"}) && columns.has({"IPAddress"}) &&
                               columns.has({"ResultType", "AppDisplayName"});
    if (!portal && !log_analytics) return nullptr;
    return std::make_unique<EntraSigninTableFormat>(columns);
}

} // namespace sightline
