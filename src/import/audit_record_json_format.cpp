// Microsoft 365 audit records as JSON (Management Activity API output, or AuditData objects
// saved one per line): the same mapping as the audit log CSV's AuditData column.
#include "import/audit_data_mapping.h"
#include "import/json_record_format.h"
#include "import/json_values.h"
#include "import/timestamp_parsing.h"

namespace sightline {
namespace {

class AuditRecordJsonFormat final : public JsonRecordFormat {
public:
    std::string_view name() const override { return kAuditLogSource; }

    void map_record(const rapidjson::Value& record, Activity& a, RecordOutcome& outcome) override {
        const std::string_view created = json_string(record, "CreationTime");
        if (!parse_timestamp(created)) return outcome.reject("unreadable CreationTime '" + std::string(created.substr(0, 60)) + "'");
        map_audit_data(record, a);
    }
};

} // namespace

std::unique_ptr<JsonRecordFormat> make_audit_record_json_format(const rapidjson::Value& first) {
    const bool audit = json_member(first, "CreationTime") && json_member(first, "Operation") &&
                       (json_member(first, "Workload") || json_member(first, "RecordType"));
    return audit ? std::make_unique<AuditRecordJsonFormat>() : nullptr;
}

} // namespace sightline
