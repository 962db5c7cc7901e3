#include "import/activity_completion.h"

#include "import/activity_type_map.h"
#include "import/field_text.h"

#include <cstring>

namespace sightline {
namespace {

uint64_t mix(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

// 8 bytes per step: hashing is on the per-row path of million-row imports. Not for security.
uint64_t hash_text(std::string_view text) {
    uint64_t h = 0x9e3779b97f4a7c15ull ^ (text.size() * 0x100000001b3ull);
    size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        h = (h ^ mix(word)) * 0x100000001b3ull;
        h = (h << 29) | (h >> 35);
    }
    uint64_t tail = 0;
    // Not for an empty view: its data() may be null, and memcpy from null is undefined even for 0 bytes.
    if (i < text.size()) std::memcpy(&tail, text.data() + i, text.size() - i);
    h = (h ^ mix(tail ^ 0xa0761d6478bd642full)) * 0x100000001b3ull;
    return mix(h);
}

} // namespace

void reset_activity(Activity& a) {
    // clear() rather than = {}: the importers reuse one Activity a row, and its strings keep their memory.
    visit_imported_fields(a, []<typename Tag>(Tag, auto& value) {
        if constexpr (Tag::info.kind == FieldKind::Text || Tag::info.kind == FieldKind::List) value.clear();
        else value = {};
    });
    a.raw.clear();
}

void complete_activity(Activity& a, std::string_view source, std::string_view file, std::string_view raw) {
    if (a.source.empty()) a.source = source;
    if (a.file.empty()) a.file = file;
    if (a.user_domain.empty()) a.user_domain = domain_of_user(a.user);
    if (a.activity_type.empty()) {
        std::string_view type = activity_type_for_operation(a.action_type);
        if (type.empty()) type = activity_type_from_description(a.description);
        a.activity_type = type.empty() ? kUnspecifiedActivityType : type;
    }
    if (a.id.empty()) a.id = stable_record_id(raw);
}

std::string stable_record_id(std::string_view raw) {
    static constexpr char digits[] = "0123456789abcdef";
    uint64_t h = hash_text(raw);
    std::string id = "h-0000000000000000";
    for (size_t i = id.size(); i > 2; --i) {
        id[i - 1] = digits[h & 15];
        h >>= 4;
    }
    return id;
}

} // namespace sightline
