// The activity log as the table shows it: the ordered row ids that the current filter and
// sort select, and a small cache of fully read rows around what is on screen. The table asks
// for rows by position, so scrolling to row 900,000 costs the same as scrolling to row 10.
#pragma once

#include "filter/activity_filter.h"
#include "model/activity.h"
#include "query/activity_query.h"
#include "store/activity_store.h"

#include <cstdint>
#include <vector>

namespace sightline {

class ActivityView {
public:
    void refresh(const ActivityStore& store, const ActivityFilter& filter, const std::vector<SortKey>& sort);

    int64_t size() const { return static_cast<int64_t>(rowids_.size()); }
    int64_t rowid_at(int64_t position) const { return rowids_.at(static_cast<size_t>(position)); }
    // The activity at `position` (0 = first row shown). Reads a page from the store on a miss.
    const Activity& at(const ActivityStore& store, int64_t position);

private:
    static constexpr int64_t kPageRows = 256;

    std::vector<int64_t> rowids_;
    int64_t cached_first_ = 0;
    std::vector<Activity> cached_;
};

} // namespace sightline
