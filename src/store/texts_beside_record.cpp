#include "store/texts_beside_record.h"

#include "model/canonical_fields.h"

namespace sightline {

bool text_searched_with_raw(std::string_view field) {
    const std::optional<FieldInfo> info = find_field(field);
    return info && info->copy == FieldCopy::BesideRaw;
}

TextsBesideRecord texts_beside_record(const Activity& activity, std::string_view raw) {
    TextsBesideRecord out;
    // Unrolled at compile time: this runs for every imported row.
    visit_imported_fields(activity, [&]<typename Tag>(Tag, const auto& text) {
        if constexpr (Tag::info.copy == FieldCopy::BesideRaw) {
            static_assert(Tag::info.kind == FieldKind::Text);
            if (!text.empty() && raw.find(text) == std::string_view::npos) out.texts[out.count++] = text;
        }
    });
    return out;
}

} // namespace sightline
