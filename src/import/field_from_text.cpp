#include "import/field_from_text.h"

#include "import/field_text.h"
#include "util/ip_address.h"

namespace sightline {

void set_field_from_text(Activity& a, FieldId field, std::string_view v) {
    visit_imported_field_at(a, field, [&]<typename Tag>(Tag, auto& value) {
        if constexpr (Tag::id == FieldId::ip) value = normalize_ip_text(v);
        else if constexpr (Tag::info.kind == FieldKind::Text) value = v;
        else if constexpr (Tag::info.kind == FieldKind::List) value = split_list(v);
        else if constexpr (Tag::info.kind == FieldKind::Bool) value = parse_flag(v).value_or(false);
    });
}

} // namespace sightline
