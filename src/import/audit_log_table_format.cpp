// Microsoft 365 unified audit log CSV, both layouts: the classic search download
// (CreationDate, UserIds, Operations, AuditData) and the newer Purview export (RecordId,
// CreationDate, RecordType, Operation, UserId, AuditData, AssociatedAdminUnits, ...).
// The AuditData JSON carries the detail; the other columns are the fallback when it is broken.
#include "import/audit_data_mapping.h"
#include "import/activity_type_map.h"
#include "import/field_text.h"
#include "import/json_values.h"
#include "import/table_formats.h"
#include "import/timestamp_parsing.h"

#include <rapidjson/error/en.h>

namespace sightline {
namespace {

class AuditLogTableFormat final : public TableFormat {
public:
    explicit AuditLogTableFormat(const TableColumns& t)
        : created_(t.find({"CreationDate", "CreationTime"})),
          users_(t.find({"UserIds", "UserId"})),
          operations_(t.find({"Operations", "Operation"})),
          audit_data_(t.find({"AuditData"})),
          record_id_(t.find({"RecordId", "Identity"})) {}

    std::string_view name() const override { return kAuditLogSource; }

    void map_row(std::span<const std::string_view> row, Activity& a, RecordOutcome& outcome) override {
        a.id = cell(row, record_id_);
        a.user = cell(row, users_);
        a.action_type = cell(row, operations_);
        const std::string_view created = cell(row, created_);
        bool have_time = false;
        if (auto time = parse_timestamp(created)) {
            a.time_ms = *time;
            have_time = true;
        }
        const std::string_view audit_text = cell(row, audit_data_);
        rapidjson::Document audit; // fresh per row: a reused Document's pool only grows
        audit.Parse(audit_text.data(), audit_text.size());
        if (!audit.HasParseError() && audit.IsObject()) {
            map_audit_data(audit, a);
            have_time = have_time || parse_timestamp(json_string(audit, "CreationTime")).has_value();
        } else {
            outcome.note(std::string("AuditData is not valid JSON (") +
                         (audit_text.empty() ? "empty" : rapidjson::GetParseError_En(audit.GetParseError())) +
                         "): row kept with the CSV columns only");
            a.activity_type = activity_type_for_operation(a.action_type);
            a.description = a.action_type;
        }
        if (!have_time) outcome.reject("unreadable CreationDate '" + std::string(created.substr(0, 60)) + "'");
    }

private:
    int created_, users_, operations_, audit_data_, record_id_;
};

} // namespace

std::unique_ptr<TableFormat> make_audit_log_table_format(const TableColumns& columns, TableSyntax) {
    if (!columns.has({"AuditData"}) || !columns.has({"CreationDate", "CreationTime"})) return nullptr;
    return std::make_unique<AuditLogTableFormat>(columns);
}

} // namespace sightline
