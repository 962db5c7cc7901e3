#include "query/case_variants.h"

#include <algorithm>
#include <unordered_map>

namespace sightline {

std::string fold_ascii_case(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::vector<ValueCount> merge_case_variants(const std::vector<ValueCount>& counts, int64_t limit) {
    struct Group {
        ValueCount merged;
        int64_t best_spelling_count = 0;
    };
    std::vector<Group> groups;
    std::unordered_map<std::string, size_t> group_of;
    for (const ValueCount& c : counts) {
        auto [it, added] = group_of.try_emplace(fold_ascii_case(c.value), groups.size());
        if (added) groups.push_back({{c.value, 0}, c.count});
        Group& g = groups[it->second];
        g.merged.count += c.count;
        const bool better = c.count > g.best_spelling_count ||
                            (c.count == g.best_spelling_count && c.value < g.merged.value);
        if (better) {
            g.merged.value = c.value;
            g.best_spelling_count = c.count;
        }
    }
    std::vector<ValueCount> out;
    out.reserve(groups.size());
    for (Group& g : groups) out.push_back(std::move(g.merged));
    auto before = [](const ValueCount& a, const ValueCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    };
    const size_t keep = limit < 0 ? out.size() : std::min(out.size(), static_cast<size_t>(limit));
    std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(keep), out.end(), before);
    out.resize(keep);
    return out;
}

} // namespace sightline
