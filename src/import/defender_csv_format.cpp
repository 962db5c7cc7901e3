// The Defender for Cloud Apps Activity log CSV export. Its header row is not published, so
// columns are found by name with aliases (the table's visible columns plus Event ID, Event
// Category and Event Type Name). Defender writes values containing commas unquoted
// (MicrosoftDocs/CloudAppSecurityDocs#633): such rows are rejoined in merge_surplus_fields().
#include "import/activity_type_map.h"
#include "import/client_fields.h"
#include "import/field_text.h"
#include "import/location_text.h"
#include "import/table_formats.h"
#include "import/timestamp_parsing.h"
#include "util/ip_address.h"

namespace sightline {
namespace {

struct DefenderColumns {
    int description, user, app, ip, location, device, date, id, category, type_name, action_type, activity_type,
        isp, ip_category, ip_tags, user_agent, ua_tags, device_type, browser, os, objects, admin, impersonated,
        result, country, city, policies;

    explicit DefenderColumns(const TableColumns& t)
        : description(t.find({"Activity", "Description", "Activity description"})),
          user(t.find({"User", "User name", "Username", "User principal name"})),
          app(t.find({"App", "Application", "Service", "App name"})),
          ip(t.find({"IP address", "IP", "Client IP", "Source IP"})),
          location(t.find({"Location"})),
          device(t.find({"Device"})),
          date(t.find({"Date", "Date (UTC)", "Time", "Timestamp", "Activity date", "Created"})),
          id(t.find({"Event ID", "Activity ID", "ID"})),
          category(t.find({"Event Category", "Category"})),
          type_name(t.find({"Event Type Name", "Event Type"})),
          action_type(t.find({"Action type", "Type (in app)", "Activity type (in app)", "Raw operation name"})),
          activity_type(t.find({"Activity type"})),
          isp(t.find({"Registered ISP", "ISP", "Organization"})),
          ip_category(t.find({"IP category", "IP address category"})),
          ip_tags(t.find({"IP tags", "IP address tags", "Tags"})),
          user_agent(t.find({"User agent"})),
          ua_tags(t.find({"User agent tags", "User agent tag"})),
          device_type(t.find({"Device type"})),
          browser(t.find({"Browser"})),
          os(t.find({"Operating system", "OS"})),
          objects(t.find({"Activity objects", "Objects", "Files", "Object"})),
          admin(t.find({"Administrative activity", "Admin", "Administrative"})),
          impersonated(t.find({"Impersonated", "Impersonated activity"})),
          result(t.find({"Result", "Status", "Activity result"})),
          country(t.find({"Country", "Country code"})),
          city(t.find({"City"})),
          policies(t.find({"Matched policies", "Matched policy", "Policies", "Policy"})) {}

    // Every column above (-1 for those the file lacks).
    std::vector<int> all() const {
        return {description, user, app, ip, location, device, date, id, category, type_name, action_type, activity_type,
                isp, ip_category, ip_tags, user_agent, ua_tags, device_type, browser, os, objects, admin, impersonated,
                result, country, city, policies};
    }
};
// A new column must join all() as well, or its quoted cells would be read still escaped.
static_assert(sizeof(DefenderColumns) == 27 * sizeof(int), "DefenderColumns::all() lists every column");

class DefenderCsvFormat final : public TableFormat {
public:
    DefenderCsvFormat(const DefenderColumns& columns, size_t width) : c_(columns), width_(width) {}

    std::string_view name() const override { return "Defender for Cloud Apps CSV"; }
    // map_row() and merge_surplus_fields() read cells only through c_.
    std::vector<int> columns_read() const override { return c_.all(); }

    bool merge_surplus_fields(std::vector<std::string_view>& fields, std::string& storage) const override {
        if (fields.size() <= width_) return false;
        // The description is the usual culprit; location and user agent text also carry commas.
        // The first candidate whose result has a readable date and IP address wins.
        const int candidates[] = {c_.description, c_.location, c_.user_agent, c_.device, c_.objects, c_.policies};
        for (int column : candidates) {
            if (column < 0) continue;
            std::vector<std::string_view> merged = merged_at(fields, static_cast<size_t>(column), storage);
            if (plausible(merged)) {
                fields = std::move(merged);
                return true;
            }
        }
        // No placement reads well: if the row is fine without its tail, the tail is just extra.
        if (plausible(std::span<const std::string_view>(fields.data(), width_))) return false;
        const int fallback = c_.description >= 0 ? c_.description : static_cast<int>(width_) - 1;
        fields = merged_at(fields, static_cast<size_t>(fallback), storage);
        return true;
    }

    void map_row(std::span<const std::string_view> row, Activity& a, RecordOutcome& outcome) override {
        const std::string_view date = cell(row, c_.date);
        auto time = parse_timestamp(date);
        if (!time) return outcome.reject("unreadable date '" + std::string(date.substr(0, 60)) + "'");
        a.time_ms = *time;
        a.id = cell(row, c_.id);
        a.description = cell(row, c_.description);
        a.user = cell(row, c_.user);
        a.app = cell(row, c_.app);
        a.ip = normalize_ip_text(cell(row, c_.ip));
        map_types(row, a);
        map_place(row, a);
        map_client(row, a);
        a.isp = cell(row, c_.isp);
        a.ip_category = cell(row, c_.ip_category);
        a.ip_tags = split_list(cell(row, c_.ip_tags));
        a.objects = split_list(cell(row, c_.objects));
        a.matched_policies = split_list(cell(row, c_.policies));
        a.admin = parse_flag(cell(row, c_.admin)).value_or(false);
        a.impersonated = parse_flag(cell(row, c_.impersonated)).value_or(false);
        a.result = normalize_result(cell(row, c_.result));
        if (a.result.empty() && a.activity_type == "Failed log on") a.result = "Failure";
    }

private:
    void map_types(std::span<const std::string_view> row, Activity& a) const {
        const std::string_view listed = cell(row, c_.activity_type);
        const std::string_view category = cell(row, c_.category);
        const std::string_view type_name = cell(row, c_.type_name);
        std::string_view type = activity_type_for_operation(listed);
        if (type.empty()) type = activity_type_for_operation(category);
        if (type.empty()) type = activity_type_for_operation(type_name);
        if (type.empty()) type = activity_type_from_description(a.description);
        a.activity_type = type.empty() ? listed : type;
        const std::string_view action = cell(row, c_.action_type);
        a.action_type = !action.empty() ? action : (!type_name.empty() ? type_name : category);
    }

    void map_place(std::span<const std::string_view> row, Activity& a) const {
        Place place = parse_location_text(cell(row, c_.location));
        a.country = country_code(cell(row, c_.country));
        if (a.country.empty()) a.country = std::move(place.country);
        a.city = cell(row, c_.city);
        if (a.city.empty()) a.city = std::move(place.city);
    }

    void map_client(std::span<const std::string_view> row, Activity& a) const {
        a.user_agent = cell(row, c_.user_agent);
        a.device_type = normalize_device_type(cell(row, c_.device_type));
        const std::string_view device = cell(row, c_.device);
        // The Device column shows a device type, or the client's user agent.
        if (std::string_view type = normalize_device_type(device); !type.empty()) {
            if (a.device_type.empty()) a.device_type = type;
        } else if (a.user_agent.empty()) {
            a.user_agent = device;
        }
        a.ua_tags = split_list(cell(row, c_.ua_tags));
        a.browser = cell(row, c_.browser);
        a.os = cell(row, c_.os);
    }

    // `fields` with the surplus fields starting at `column` joined back into that column.
    std::vector<std::string_view> merged_at(const std::vector<std::string_view>& fields, size_t column,
                                            std::string& storage) const {
        const size_t surplus = fields.size() - width_;
        storage.clear();
        for (size_t i = column; i <= column + surplus; ++i) {
            if (i > column) storage += ',';
            storage.append(fields[i]);
        }
        std::vector<std::string_view> merged(fields.begin(), fields.begin() + static_cast<std::ptrdiff_t>(column));
        merged.emplace_back(storage);
        merged.insert(merged.end(), fields.begin() + static_cast<std::ptrdiff_t>(column + surplus + 1), fields.end());
        return merged;
    }

    bool plausible(std::span<const std::string_view> row) const {
        if (c_.date >= 0 && !parse_timestamp(cell(row, c_.date))) return false;
        if (c_.ip >= 0) {
            const std::string_view ip = cell(row, c_.ip);
            if (!ip.empty() && !parse_ip(normalize_ip_text(ip))) return false;
        }
        return true;
    }

    DefenderColumns c_;
    size_t width_;
};

} // namespace

std::unique_ptr<TableFormat> make_defender_csv_format(const TableColumns& columns, TableSyntax syntax) {
    if (syntax != TableSyntax::Csv) return nullptr;
    DefenderColumns c(columns);
    const bool looks_like_defender = c.date >= 0 && c.user >= 0 && c.app >= 0 && (c.description >= 0 || c.category >= 0);
    if (!looks_like_defender) return nullptr;
    return std::make_unique<DefenderCsvFormat>(c, columns.size());
}

} // namespace sightline
