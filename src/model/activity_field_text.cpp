#include "model/activity_field_text.h"

#include "model/canonical_fields.h"
#include "util/time_format.h"

namespace sightline {
namespace {

std::string text_of(const std::string& text) { return text; }
std::string text_of(int64_t time_ms) { return format_iso8601_utc(time_ms); }
std::string text_of(bool flag) { return flag ? "true" : "false"; }
std::string text_of(const std::vector<std::string>& list) {
    std::string out;
    for (const std::string& v : list) {
        if (!out.empty()) out += ", ";
        out += v;
    }
    return out;
}

} // namespace

std::vector<std::string>* activity_list_field(Activity& a, std::string_view field) {
    return const_cast<std::vector<std::string>*>(activity_list_field(static_cast<const Activity&>(a), field));
}

const std::vector<std::string>* activity_list_field(const Activity& a, std::string_view field) {
    const std::optional<FieldId> id = find_field_id(field);
    if (!id) return nullptr;
    const std::vector<std::string>* out = nullptr;
    visit_field_at(a, *id, [&]<typename Tag>(Tag, const auto& value) {
        if constexpr (Tag::info.kind == FieldKind::List) out = &value;
    });
    return out;
}

std::string activity_field_text(const Activity& a, std::string_view field) {
    if (field == "raw") return a.raw;
    const std::optional<FieldId> id = find_field_id(field);
    if (!id) return {};
    std::string out;
    visit_field_at(a, *id, [&](auto, const auto& value) { out = text_of(value); });
    return out;
}

} // namespace sightline
