// A JSON export whose records are nested objects (Defender Activities API, Graph sign-ins,
// Microsoft 365 audit records): maps one parsed record to an activity. Flat JSON records are
// read as tables instead (table_format.h).
#pragma once

#include "import/record_outcome.h"
#include "model/activity.h"

#include <rapidjson/document.h>

#include <memory>
#include <string_view>

namespace sightline {

class JsonRecordFormat {
public:
    virtual ~JsonRecordFormat() = default;
    virtual std::string_view name() const = 0;
    virtual void map_record(const rapidjson::Value& record, Activity& activity, RecordOutcome& outcome) = 0;
};

// Each returns nullptr when `first_record` is not that format's.
std::unique_ptr<JsonRecordFormat> make_defender_api_json_format(const rapidjson::Value& first_record);
std::unique_ptr<JsonRecordFormat> make_entra_signin_json_format(const rapidjson::Value& first_record);
std::unique_ptr<JsonRecordFormat> make_audit_record_json_format(const rapidjson::Value& first_record);

// The nested format of a JSON file, chosen from its first record, or nullptr.
std::unique_ptr<JsonRecordFormat> detect_json_record_format(const rapidjson::Value& first_record);

} // namespace sightline
