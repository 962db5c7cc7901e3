// Chooses the nested JSON format from the first record's keys.
#include "import/json_record_format.h"

namespace sightline {

std::unique_ptr<JsonRecordFormat> detect_json_record_format(const rapidjson::Value& first_record) {
    using Maker = std::unique_ptr<JsonRecordFormat> (*)(const rapidjson::Value&);
    static constexpr Maker makers[] = {make_defender_api_json_format, make_entra_signin_json_format,
                                       make_audit_record_json_format};
    for (Maker make : makers)
        if (auto format = make(first_record)) return format;
    return nullptr;
}

} // namespace sightline
