// Tables whose columns are the canonical field names themselves (what exportCsv and the CLI's
// --jsonl write): read back field by field, no guessing. Lists are JSON arrays or `;`-joined.
#include "import/field_text.h"
#include "import/table_formats.h"
#include "import/timestamp_parsing.h"
#include "model/canonical_fields.h"
#include "util/ip_address.h"

namespace sightline {
namespace {

class CanonicalTableFormat final : public TableFormat {
public:
    CanonicalTableFormat(const TableColumns& columns, TableSyntax syntax)
        : syntax_(syntax), time_(columns.find({"time"})) {
        for (size_t i = 0; i < columns.size(); ++i) fields_.push_back(std::string(trim(columns.names()[i])));
    }

    std::string_view name() const override {
        return syntax_ == TableSyntax::Csv ? "Sightline CSV" : "Sightline JSON Lines";
    }

    void map_row(std::span<const std::string_view> row, Activity& a, RecordOutcome& outcome) override {
        const std::string_view time_text = cell(row, time_);
        auto time = parse_timestamp(time_text);
        if (!time) return outcome.reject("unreadable time '" + std::string(time_text.substr(0, 60)) + "'");
        a.time_ms = *time;
        for (size_t i = 0; i < fields_.size(); ++i) assign(a, fields_[i], cell(row, static_cast<int>(i)));
    }

private:
    static void assign(Activity& a, std::string_view field, std::string_view v) {
        if (field == "id") a.id = v;
        else if (field == "app") a.app = v;
        else if (field == "activity_type") a.activity_type = v;
        else if (field == "action_type") a.action_type = v;
        else if (field == "description") a.description = v;
        else if (field == "user") a.user = v;
        else if (field == "user_domain") a.user_domain = v;
        else if (field == "ip") a.ip = normalize_ip_text(v);
        else if (field == "ip_category") a.ip_category = v;
        else if (field == "ip_tags") a.ip_tags = split_list(v);
        else if (field == "country") a.country = v;
        else if (field == "city") a.city = v;
        else if (field == "isp") a.isp = v;
        else if (field == "user_agent") a.user_agent = v;
        else if (field == "ua_tags") a.ua_tags = split_list(v);
        else if (field == "device_type") a.device_type = v;
        else if (field == "browser") a.browser = v;
        else if (field == "os") a.os = v;
        else if (field == "objects") a.objects = split_list(v);
        else if (field == "admin") a.admin = parse_flag(v).value_or(false);
        else if (field == "impersonated") a.impersonated = parse_flag(v).value_or(false);
        else if (field == "result") a.result = v;
        else if (field == "source") a.source = v;
        else if (field == "file") a.file = v;
        else if (field == "matched_policies") a.matched_policies = split_list(v);
        else if (field == "raw") a.raw = v;
    }

    TableSyntax syntax_;
    int time_;
    std::vector<std::string> fields_;
};

} // namespace

std::unique_ptr<TableFormat> make_canonical_table_format(const TableColumns& columns, TableSyntax syntax) {
    if (columns.size() < 3 || columns.find({"time"}) < 0) return nullptr;
    for (const std::string& name : columns.names()) {
        const std::string_view n = trim(name);
        if (n != "raw" && !find_field(n)) return nullptr;
    }
    return std::make_unique<CanonicalTableFormat>(columns, syntax);
}

} // namespace sightline
