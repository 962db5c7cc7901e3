#include "app/field_layouts.h"

#include "model/canonical_fields.h"

#include <algorithm>

namespace sightline {
namespace {

struct ColumnLayout {
    std::string_view field;
    float width;
    bool shown;
    bool can_hide;
};

// Defender's default columns first, then the other fields hidden until the analyst shows them.
constexpr ColumnLayout kColumnLayout[] = {
    {"time", 150.0f, true, false},
    {"starred", 80.0f, true, true},
    {"description", 380.0f, true, false},
    {"user", 220.0f, true, true},
    {"app", 150.0f, true, true},
    {"ip", 130.0f, true, true},
    {"country", 130.0f, true, true},
    {"device_type", 190.0f, true, true},
    {"activity_type", 140.0f, false, true},
    {"action_type", 150.0f, false, true},
    {"id", 200.0f, false, true},
    {"user_domain", 140.0f, false, true},
    {"ip_category", 110.0f, false, true},
    {"ip_tags", 160.0f, false, true},
    {"city", 120.0f, false, true},
    {"isp", 160.0f, false, true},
    {"user_agent", 300.0f, false, true},
    {"ua_tags", 160.0f, false, true},
    {"browser", 120.0f, false, true},
    {"os", 130.0f, false, true},
    {"objects", 220.0f, false, true},
    {"admin", 170.0f, false, true},
    {"impersonated", 170.0f, false, true},
    {"result", 90.0f, false, true},
    {"source", 180.0f, false, true},
    {"file", 180.0f, false, true},
    {"matched_policies", 180.0f, false, true},
};

constexpr float kNewColumnWidth = 160.0f;

LogColumn column_of(const FieldInfo& field, float width, bool shown, bool can_hide) {
    return {field.name,
            field.name == "starred" ? kMarksColumnLabel : field.label,
            width,
            shown,
            can_hide,
            field.kind != FieldKind::List,
            field.kind == FieldKind::Time};
}

std::vector<LogColumn> make_columns() {
    std::vector<LogColumn> out;
    for (const ColumnLayout& layout : kColumnLayout)
        if (std::optional<FieldInfo> field = find_field(layout.field))
            out.push_back(column_of(*field, layout.width, layout.shown, layout.can_hide));
    for (const FieldInfo& field : canonical_fields()) {
        const bool listed = std::any_of(out.begin(), out.end(), [&](const LogColumn& c) { return c.field == field.name; });
        if (!listed && field.owner == FieldOwner::Import) out.push_back(column_of(field, kNewColumnWidth, false, true));
    }
    return out;
}

constexpr std::string_view kDetailsOrder[] = {
    "description", "activity_type", "action_type", "id", "time", "app", "user", "user_domain", "result",
    "ip", "ip_category", "ip_tags", "country", "city", "isp", "device_type", "os", "browser", "user_agent",
    "ua_tags", "objects", "admin", "impersonated", "matched_policies", "source", "file",
};

std::vector<std::string_view> make_details_fields() {
    std::vector<std::string_view> out;
    for (std::string_view name : kDetailsOrder)
        if (find_field(name)) out.push_back(name);
    for (const FieldInfo& field : canonical_fields())
        if (field.owner == FieldOwner::Import && std::find(out.begin(), out.end(), field.name) == out.end())
            out.push_back(field.name);
    return out;
}

} // namespace

const std::vector<LogColumn>& activity_log_columns() {
    static const std::vector<LogColumn> columns = make_columns();
    return columns;
}

const std::vector<std::string_view>& activity_details_fields() {
    static const std::vector<std::string_view> fields = make_details_fields();
    return fields;
}

} // namespace sightline
