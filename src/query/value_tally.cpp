#include "query/value_tally.h"

#include <algorithm>

namespace sightline {

void ValueTally::add(std::string_view value, int64_t count) {
    auto found = counts_.find(value);
    if (found != counts_.end()) {
        found->second += count;
        return;
    }
    counts_.emplace(values_.emplace_back(value), count);
}

std::vector<ValueCount> ValueTally::top(int64_t limit) const {
    std::vector<ValueCount> out;
    out.reserve(counts_.size());
    for (const auto& [value, count] : counts_) out.push_back({std::string(value), count});
    auto before = [](const ValueCount& a, const ValueCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    };
    size_t keep = limit < 0 ? out.size() : std::min(out.size(), static_cast<size_t>(limit));
    std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(keep), out.end(), before);
    out.resize(keep);
    return out;
}

} // namespace sightline
