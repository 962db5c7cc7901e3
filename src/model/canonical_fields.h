// The canonical activity fields (model/field_table.h) looked up by name. Everything that turns a
// field name into SQL (filters, sorting, value counts, export) looks the field up here, so user
// text never names a column directly.
#pragma once

#include "model/field_table.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sightline {

// Every field of the table, in its order.
constexpr std::span<const FieldInfo> canonical_fields() { return kFieldTable; }
std::optional<FieldInfo> find_field(std::string_view name);
// A field's place in the table; nullopt for a name that is not a field.
std::optional<FieldId> find_field_id(std::string_view name);
inline const FieldInfo& field_info(FieldId id) { return kFieldTable[static_cast<size_t>(id)]; }

// Side table holding a list field, e.g. "activity_ip_tags". Only for FieldKind::List.
std::string list_table_name(std::string_view field);

} // namespace sightline
