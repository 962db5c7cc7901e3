// The activity log as the table shows it: the ordered row ids that the current filter and
// sort select, and a small cache of fully read rows around what is on screen. The table asks
// for rows by position, so scrolling to row 900,000 costs the same as scrolling to row 10.
//
// The id list is read a slice at a time (pump): the first screen is there after the first
// slice, and the exact count arrives when the list is complete, without any frame waiting
// for a million-row scan.
#pragma once

#include "filter/activity_filter.h"
#include "model/activity.h"
#include "model/sort_key.h"
#include "query/matching_rowid_reader.h"
#include "store/activity_store.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace sightline {

class ActivityView {
public:
    // Starts reading the ids for `filter` and `sort`; reads nothing yet.
    void refresh(const ActivityStore& store, const ActivityFilter& filter, const std::vector<SortKey>& sort);
    // Reads ids for about `budget_ms`; returns true while more remain.
    bool pump(double budget_ms);
    void complete() { pump(1e12); }
    bool is_complete() const { return !reading_.has_value(); }
    // Shows nothing until the next refresh().
    void clear();
    // Stops reading (the list stays as far as it got); needed before the store is written.
    void stop() { reading_.reset(); }

    // Rows known so far: the exact count once is_complete().
    int64_t size() const { return static_cast<int64_t>(rowids_.size()); }
    // The activity at `position` (0 = first row shown). Reads a page from the store on a miss.
    const Activity& at(const ActivityStore& store, int64_t position);

private:
    // About three screens: a miss reads the page in one go (5 SQL statements), and 256 rows
    // took ~10 ms of a frame in the page while paging through 1M rows; 96 take about a third.
    static constexpr int64_t kPageRows = 96;

    std::optional<MatchingRowidReader> reading_;
    std::vector<int64_t> rowids_;
    int64_t cached_first_ = 0;
    std::vector<Activity> cached_;
};

} // namespace sightline
