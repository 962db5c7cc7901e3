#include "app/activity_view.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <span>

namespace sightline {

void ActivityView::refresh(const ActivityStore& store, const ActivityFilter& filter, const std::vector<SortKey>& sort) {
    clear();
    // The column copy answers most filters over a million rows in milliseconds, complete.
    if (auto rowids = column_matching_rowids(store, filter, sort)) rowids_ = std::move(*rowids);
    else reading_ = prepare_matching_rowids(store, filter, sort);
}

void ActivityView::clear() {
    reading_.reset();
    rowids_.clear();
    cached_.clear();
    cached_first_ = 0;
}

bool ActivityView::pump(const ActivityStore& store, double budget_ms) {
    if (!reading_) return false;
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::duration<double, std::milli>(budget_ms);
    // Check the clock every few thousand rows: reading the clock costs more than a step.
    for (;;) {
        for (int i = 0; i < 4096; ++i) {
            if (!step_row(store.db(), reading_.get())) {
                reading_.reset();
                return false;
            }
            rowids_.push_back(sqlite3_column_int64(reading_.get(), 0));
        }
        if (Clock::now() >= deadline) return true;
    }
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
