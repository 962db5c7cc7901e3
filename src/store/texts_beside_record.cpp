#include "store/texts_beside_record.h"

#include <iterator>
#include <string>

namespace sightline {
namespace {

struct TextSearchedWithRaw {
    std::string_view name;
    std::string Activity::*member;
};
constexpr TextSearchedWithRaw kTextsSearchedWithRaw[] = {{"id", &Activity::id},
                                                         {"description", &Activity::description}};

} // namespace

bool text_searched_with_raw(std::string_view field) {
    for (const TextSearchedWithRaw& text : kTextsSearchedWithRaw)
        if (text.name == field) return true;
    return false;
}

TextsBesideRecord texts_beside_record(const Activity& activity, std::string_view raw) {
    TextsBesideRecord out;
    static_assert(std::size(kTextsSearchedWithRaw) == std::size(TextsBesideRecord{}.texts));
    for (const TextSearchedWithRaw& field : kTextsSearchedWithRaw) {
        const std::string& text = activity.*field.member;
        if (!text.empty() && raw.find(text) == std::string_view::npos) out.texts[out.count++] = text;
    }
    return out;
}

} // namespace sightline
