#include "model/canonical_fields.h"

namespace sightline {

std::optional<FieldId> find_field_id(std::string_view name) {
    for (size_t i = 0; i < kFieldCount; ++i)
        if (kFieldTable[i].name == name) return static_cast<FieldId>(i);
    return std::nullopt;
}

std::optional<FieldInfo> find_field(std::string_view name) {
    if (std::optional<FieldId> id = find_field_id(name)) return field_info(*id);
    return std::nullopt;
}

std::string list_table_name(std::string_view field) {
    return "activity_" + std::string(field);
}

} // namespace sightline
