#include "app/activity_view.h"

#include "query/activity_query.h"

#include <algorithm>
#include <span>

namespace sightline {

void ActivityView::refresh(const ActivityStore& store, const ActivityFilter& filter, const std::vector<SortKey>& sort) {
    clear();
    // The column copy answers most filters over a million rows in milliseconds, complete.
    if (auto rowids = column_matching_rowids(store, filter, sort)) rowids_ = std::move(*rowids);
    else reading_.emplace(store, filter, sort);
}

void ActivityView::clear() {
    reading_.reset();
    rowids_.clear();
    cached_.clear();
    cached_first_ = 0;
}

bool ActivityView::pump(double budget_ms) {
    if (!reading_) return false;
    if (reading_->read(rowids_, budget_ms)) return true;
    reading_.reset();
    return false;
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
