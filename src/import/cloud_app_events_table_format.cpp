// CloudAppEvents rows from Defender XDR advanced hunting (or a Sentinel copy), exported as CSV
// or JSON: Timestamp, ActionType, Application, AccountId/AccountDisplayName, IPAddress, ...
// Dynamic columns (IPTags, UserAgentTags, ActivityObjects) arrive as JSON text.
#include "import/activity_type_map.h"
#include "import/client_fields.h"
#include "import/field_text.h"
#include "import/location_text.h"
#include "import/table_formats.h"
#include "import/timestamp_parsing.h"
#include "util/ip_address.h"

namespace sightline {
namespace {

class CloudAppEventsTableFormat final : public TableFormat {
public:
    CloudAppEventsTableFormat(const TableColumns& t, TableSyntax syntax)
        : syntax_(syntax),
          timestamp_(t.find({"Timestamp", "TimeGenerated", "Timestamp [UTC]", "TimeGenerated [UTC]"})),
          action_type_(t.find({"ActionType"})),
          application_(t.find({"Application"})),
          account_id_(t.find({"AccountId"})),
          account_name_(t.find({"AccountDisplayName"})),
          ip_(t.find({"IPAddress"})),
          country_(t.find({"CountryCode"})),
          city_(t.find({"City"})),
          isp_(t.find({"Isp"})),
          user_agent_(t.find({"UserAgent"})),
          activity_type_(t.find({"ActivityType"})),
          object_name_(t.find({"ObjectName"})),
          activity_objects_(t.find({"ActivityObjects"})),
          admin_(t.find({"IsAdminOperation"})),
          impersonated_(t.find({"IsImpersonated"})),
          ip_tags_(t.find({"IPTags"})),
          ip_category_(t.find({"IPCategory"})),
          ua_tags_(t.find({"UserAgentTags"})),
          report_id_(t.find({"ReportId"})),
          device_type_(t.find({"DeviceType"})),
          os_(t.find({"OSPlatform"})) {}

    std::string_view name() const override {
        return syntax_ == TableSyntax::Csv ? "CloudAppEvents CSV" : "CloudAppEvents JSON";
    }

    void map_row(std::span<const std::string_view> row, Activity& a, RecordOutcome& outcome) override {
        const std::string_view stamp = cell(row, timestamp_);
        auto time = parse_timestamp(stamp);
        if (!time) return outcome.reject("unreadable Timestamp '" + std::string(stamp.substr(0, 60)) + "'");
        a.time_ms = *time;
        a.id = cell(row, report_id_);
        a.app = cell(row, application_);
        a.action_type = cell(row, action_type_);
        std::string_view type = activity_type_for_operation(a.action_type);
        if (type.empty()) type = activity_type_for_operation(cell(row, activity_type_));
        a.activity_type = type;
        // AccountId is a UPN for most apps but an object ID for some; prefer what names a person.
        const std::string_view account_id = cell(row, account_id_);
        const std::string_view display_name = cell(row, account_name_);
        a.user = account_id.find('@') != std::string_view::npos || display_name.empty() ? account_id : display_name;
        a.ip = normalize_ip_text(cell(row, ip_));
        a.country = country_code(cell(row, country_));
        a.city = cell(row, city_);
        a.isp = cell(row, isp_);
        a.user_agent = cell(row, user_agent_);
        a.ip_tags = split_list(cell(row, ip_tags_));
        a.ip_category = cell(row, ip_category_);
        a.ua_tags = split_list(cell(row, ua_tags_));
        a.device_type = normalize_device_type(cell(row, device_type_));
        a.os = cell(row, os_);
        append_unique(a.objects, cell(row, object_name_));
        for (const std::string& object : split_list(cell(row, activity_objects_))) append_unique(a.objects, object);
        a.admin = parse_flag(cell(row, admin_)).value_or(false);
        a.impersonated = parse_flag(cell(row, impersonated_)).value_or(false);
        a.description = a.action_type;
        if (!a.objects.empty()) a.description += ": " + a.objects.front();
        if (a.activity_type == "Failed log on") a.result = "Failure";
    }

private:
    TableSyntax syntax_;
    int timestamp_, action_type_, application_, account_id_, account_name_, ip_, country_, city_, isp_, user_agent_,
        activity_type_, object_name_, activity_objects_, admin_, impersonated_, ip_tags_, ip_category_, ua_tags_,
        report_id_, device_type_, os_;
};

} // namespace

std::unique_ptr<TableFormat> make_cloud_app_events_table_format(const TableColumns& columns, TableSyntax syntax) {
    const bool events = columns.has({"ActionType"}) && columns.has({"Application"}) &&
                        columns.has({"Timestamp", "TimeGenerated", "Timestamp [UTC]", "TimeGenerated [UTC]"}) &&
                        columns.has({"AccountId", "AccountDisplayName", "AccountObjectId"});
    if (!events) return nullptr;
    return std::make_unique<CloudAppEventsTableFormat>(columns, syntax);
}

} // namespace sightline
