#include "model/canonical_fields.h"

#include <string>

namespace sightline {

const std::vector<FieldInfo>& canonical_fields() {
    static const std::vector<FieldInfo> fields = {
        {"id", FieldKind::Text, "Activity ID"},
        {"time", FieldKind::Time, "Date"},
        {"app", FieldKind::Text, "App"},
        {"activity_type", FieldKind::Text, "Activity type"},
        {"action_type", FieldKind::Text, "Action type"},
        {"description", FieldKind::Text, "Activity"},
        {"user", FieldKind::Text, "User"},
        {"user_domain", FieldKind::Text, "User domain"},
        {"ip", FieldKind::Text, "IP address"},
        {"ip_category", FieldKind::Text, "IP category"},
        {"ip_tags", FieldKind::List, "IP tag"},
        {"country", FieldKind::Text, "Location"},
        {"city", FieldKind::Text, "City"},
        {"isp", FieldKind::Text, "Registered ISP"},
        {"user_agent", FieldKind::Text, "User agent"},
        {"ua_tags", FieldKind::List, "User agent tag"},
        {"device_type", FieldKind::Text, "Device type"},
        {"browser", FieldKind::Text, "Browser"},
        {"os", FieldKind::Text, "Operating system"},
        {"objects", FieldKind::List, "Activity objects"},
        {"admin", FieldKind::Bool, "Administrative activity"},
        {"impersonated", FieldKind::Bool, "Impersonated activity"},
        {"result", FieldKind::Text, "Result"},
        {"source", FieldKind::Text, "Source"},
        {"file", FieldKind::Text, "File"},
        {"matched_policies", FieldKind::List, "Matched policy"},
        {"starred", FieldKind::Bool, "Starred"},
        {"tags", FieldKind::List, "Tag"},
        {"comment", FieldKind::Text, "Comment"},
    };
    return fields;
}

std::optional<FieldInfo> find_field(std::string_view name) {
    for (const FieldInfo& f : canonical_fields())
        if (f.name == name) return f;
    return std::nullopt;
}

std::string list_table_name(std::string_view field) {
    return "activity_" + std::string(field);
}

} // namespace sightline
