#include "app/activity_log.h"

#include "query/activity_query.h"

namespace sightline {

// One CREATE INDEX cannot be paused: on 100,000 rows one took up to ~350 ms in the page, on a
// million seconds. Past this size the filter indexes wait for complete_indexes(): the time index
// is always there (store/schema.cpp), the column copy answers the common filters and value
// counts without them, and no frame freezes for the rest.
constexpr int64_t kMaxRowsForBackgroundIndexes = 50000;

ActivityLog::ActivityLog(ActivityStore& store, int64_t search_in_slices_above)
    : store_(store), search_in_slices_above_(search_in_slices_above) {
    refresh();
}

void ActivityLog::set_filter(ActivityFilter filter) {
    filter_ = std::move(filter);
    refresh();
}

void ActivityLog::set_sort(std::vector<SortKey> sort) {
    sort_ = sort.empty() ? default_sort() : std::move(sort);
    refresh();
}

void ActivityLog::data_changed() {
    index_builder_.emplace(store_.db());
    refresh();
}

void ActivityLog::stop_for_writing() {
    index_builder_.reset();
    search_.reset();
    awaiting_copy_ = false;
    view_.complete();
}

void ActivityLog::refresh() {
    total_ = store_.count();
    ++revision_;
    search_.reset();
    awaiting_copy_ = false;
    if (total_ > search_in_slices_above_ && filter_.has_free_text() && !store_.columns()) {
        // SQL would search the raw records row by row, its first step alone for seconds: the
        // table waits for the column copy, then for a search between frames.
        awaiting_copy_ = true;
        view_.clear();
        return;
    }
    if (total_ > search_in_slices_above_) {
        search_.emplace(store_, filter_);
        if (!search_->done()) { // the table waits for the search, the frames do not
            view_.clear();
            return;
        }
        search_.reset();
    }
    view_.refresh(store_, filter_, sort_);
}

void ActivityLog::complete_view() {
    if (awaiting_copy_) {
        while (store_.build_columns(1e12)) {
        }
        refresh();
    }
    while (search_) {
        while (search_->step(1e12)) {
        }
        search_finished();
    }
    view_.complete();
}

// The search ended: the view reads the rows from the kept answer, or, when the data changed
// meanwhile, a new search starts (or none is needed, for a small or uncopied data set).
void ActivityLog::search_finished() {
    const bool outdated = search_->outdated();
    search_.reset();
    if (outdated) {
        refresh();
        return;
    }
    view_.refresh(store_, filter_, sort_);
    ++revision_;
}

void ActivityLog::complete_indexes() {
    view_.complete();
    if (index_builder_) {
        while (index_builder_->step()) {
        }
        index_builder_.reset();
    }
    store_.ensure_indexes();
    while (store_.build_columns(1e9)) {
    }
}

std::string ActivityLog::background_status(bool importing) const {
    const std::string copy_percent =
        std::to_string(total_ > 0 ? store_.columns_rows_built() * 100 / total_ : 0) + "%";
    if (!importing && awaiting_copy_) return "Preparing to search (" + copy_percent + ")";
    if (!importing && search_)
        return "Searching the activities (" + std::to_string(static_cast<int>(search_->progress() * 100)) + "%)";
    if (!importing && !view_.is_complete()) return "Counting activities"; // the view is read first
    if (!importing && !store_.columns()) return "Preparing fast filters (" + copy_percent + ")";
    if (!index_builder_) return {};
    return "Building indexes (" + std::to_string(index_builder_->steps_done() + 1) + " of " +
           std::to_string(index_builder_->steps_total()) + ")";
}

bool ActivityLog::do_background_work(double budget_ms) {
    if (search_) {
        if (search_->step(budget_ms)) ++background_steps_;
        else search_finished();
        return true;
    }
    if (!view_.is_complete()) {
        view_.pump(budget_ms);
        if (view_.is_complete()) ++revision_; // the exact count: redraw now
        else ++background_steps_;             // a growing count: redrawn as progress
        return true;
    }
    // The column copy first: it answers most filters and value counts (query/column_filter.h).
    const bool copy_was_ready = store_.columns() != nullptr;
    if (store_.build_columns(budget_ms)) {
        ++background_steps_;
        return true;
    }
    // The copy just became ready: a large data set's free text is searched between frames now,
    // rather than by the first panel that asks (the timeline waits for the copy).
    if (!copy_was_ready && (awaiting_copy_ || (total_ > search_in_slices_above_ && filter_.has_free_text()))) {
        refresh();
        return true;
    }
    if (!index_builder_) return false;
    if (total_ > kMaxRowsForBackgroundIndexes) {
        index_builder_.reset();
        return false;
    }
    if (!index_builder_->step()) index_builder_.reset();
    ++background_steps_;
    return index_builder_.has_value();
}

std::vector<ValueCount> ActivityLog::count_values(std::string_view field, const ActivityFilter& filter,
                                                 int64_t limit) const {
    return sightline::count_values(store_, field, filter, limit);
}

TimelineHistogram ActivityLog::timeline() const { return build_timeline(store_, filter_); }

} // namespace sightline
