#include "app/activity_view.h"

#include <algorithm>
#include <span>

namespace sightline {

void ActivityView::refresh(const ActivityStore& store, const ActivityFilter& filter, const std::vector<SortKey>& sort) {
    rowids_ = matching_rowids(store, filter, sort);
    cached_.clear();
    cached_first_ = 0;
}

const Activity& ActivityView::at(const ActivityStore& store, int64_t position) {
    int64_t cached_end = cached_first_ + static_cast<int64_t>(cached_.size());
    if (position < cached_first_ || position >= cached_end) {
        // Centre the page on the request so that scrolling either way stays in the cache.
        int64_t first = std::max<int64_t>(0, position - kPageRows / 2);
        int64_t count = std::min<int64_t>(kPageRows, size() - first);
        cached_ = store.read(std::span<const int64_t>(rowids_.data() + first, static_cast<size_t>(count)));
        cached_first_ = first;
    }
    return cached_.at(static_cast<size_t>(position - cached_first_));
}

} // namespace sightline
