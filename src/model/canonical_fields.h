// The canonical activity fields of the automation contract and how each is stored.
// Everything that turns a field name into SQL (filters, sorting, value counts, export)
// looks the field up here, so user text never names a column directly.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace sightline {

enum class FieldKind {
    Text,   // a TEXT column of activities
    Time,   // the `time` column: INTEGER epoch ms, ISO 8601 text in results
    Bool,   // INTEGER 0/1 column
    List,   // a side table activity_<field>(activity, value)
};

struct FieldInfo {
    std::string_view name;    // canonical name, also the SQL column or side-table suffix
    FieldKind kind;
    std::string_view label;   // what the UI calls it (Defender's filter name)
};

const std::vector<FieldInfo>& canonical_fields();
std::optional<FieldInfo> find_field(std::string_view name);

// Side table holding a list field, e.g. "activity_ip_tags". Only for FieldKind::List.
std::string list_table_name(std::string_view field);

} // namespace sightline
