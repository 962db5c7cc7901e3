// The activity log as the analyst works it: the filter and sort, the table's view of the rows
// they select, and the background work that keeps it fast (reading the id list, searching
// free text between frames, the column copy, the filter indexes). AppModel holds one; the
// panels read it, and its commands are the only way the filter and sort change.
#pragma once

#include "app/activity_view.h"
#include "filter/activity_filter.h"
#include "model/sort_key.h"
#include "query/free_text_job.h"
#include "query/timeline_histogram.h"
#include "query/value_tally.h"
#include "store/activity_store.h"
#include "store/index_builder.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

class ActivityLog {
public:
    // Past `search_in_slices_above` activities, a new free-text filter is searched between
    // frames (query/free_text_job.h) before the table shows its rows; tests lower it.
    static constexpr int64_t kSearchInSlicesAbove = 200000;
    ActivityLog(ActivityStore& store, int64_t search_in_slices_above);

    // --- commands -------------------------------------------------------------------------
    void set_filter(ActivityFilter filter);
    void set_sort(std::vector<SortKey> sort);
    // The data changed: the indexes are built again and the view is read again.
    void data_changed();
    // Something the filter may look at changed (marks): the view is read again.
    void refresh();
    // The store is about to be written: no read statement may stay open, and no index or
    // search may be under way (an index built inside an import's transaction would vanish on
    // cancel; the search starts again for the data as it is afterwards).
    void stop_for_writing();
    // A few rows are about to be written (marks): the id list is read to its end first, as no
    // read statement may stay open while the store is written.
    void finish_reading() { view_.complete(); }
    // The data is about to be replaced as a whole (cleared, the demo loaded): reading stops
    // where it is, and data_changed() follows.
    void stop_reading() { view_.stop(); }
    // Something the panels draw changed outside the log (a dialog opened): redraw.
    void touch() { ++revision_; }

    // Background work, a slice per frame: reading the table's id list, then building the
    // filter indexes one at a time. Returns true while work remains.
    bool do_background_work(double budget_ms);
    // Builds every missing index now (tests, the CLI, benchmarks).
    void complete_indexes();
    // Finishes the free-text search and the id list now (the automation API's answers are exact).
    void complete_view();
    // "Building indexes (3 of 19)", or empty when there is nothing left to build. While
    // `importing`, only the index work shows (the rest waits for the import).
    std::string background_status(bool importing) const;
    // Increases with each step of background work, so the status line can be redrawn without
    // the data panels recomputing (they follow revision()).
    uint64_t background_steps() const { return background_steps_; }

    // --- state the UI draws ---------------------------------------------------------------
    const ActivityFilter& filter() const { return filter_; }
    const std::vector<SortKey>& sort() const { return sort_; }
    ActivityView& view() { return view_; }
    // False while the free-text search runs or the id list is still being read.
    bool view_complete() const { return !searching() && view_.is_complete(); }
    // A free-text search runs before the view is read (see the constructor), after the column
    // copy it needs when that is not ready yet.
    bool searching() const { return search_.has_value() || awaiting_copy_; }
    int64_t total_activities() const { return total_; }
    // The row at `position` of the table (0 = first row shown), read through the view's cache.
    const Activity& activity_at(int64_t position) { return view_.at(store_, position); }
    // Value counts of `field` under `filter`, most frequent first (the value pickers).
    std::vector<ValueCount> count_values(std::string_view field, const ActivityFilter& filter, int64_t limit) const;
    // The timeline's bars under the current filter.
    TimelineHistogram timeline() const;
    // True once the column copy (store/activity_columns.h) answers filters in milliseconds.
    bool fast_filters_ready() const { return store_.columns() != nullptr; }
    // Increases whenever the data or the view changes; panels compare it to drop caches.
    uint64_t revision() const { return revision_; }

private:
    void search_finished();

    ActivityStore& store_;
    ActivityFilter filter_;
    std::vector<SortKey> sort_ = default_sort();
    ActivityView view_;
    std::optional<FreeTextJob> search_; // before view_ is refreshed, for a large data set
    bool awaiting_copy_ = false;        // a search waits for the column copy
    int64_t search_in_slices_above_;
    int64_t total_ = 0;
    uint64_t revision_ = 0;
    std::optional<IndexBuilder> index_builder_;
    uint64_t background_steps_ = 0;
};

} // namespace sightline
