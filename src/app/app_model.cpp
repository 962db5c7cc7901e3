#include "app/app_model.h"

#include "app/suggested_queries.h"
#include "demo/demo_generator.h"
#include "store/activity_marks.h"

#include <stdexcept>

namespace sightline {

AppModel::AppModel(int64_t search_in_slices_above) : search_in_slices_above_(search_in_slices_above) {
    refresh_view();
}

void AppModel::complete_view() {
    if (importing()) return; // the view waits for the import, whose rows are not committed
    if (awaiting_copy_) {
        while (store_.build_columns(1e12)) {
        }
        refresh_view();
    }
    while (search_) {
        while (search_->step(1e12)) {
        }
        search_finished();
    }
    view_.complete(store_);
}

// The search ended: the view reads the rows from the kept answer, or, when the data changed
// meanwhile, a new search starts (or none is needed, for a small or uncopied data set).
void AppModel::search_finished() {
    const bool outdated = search_->outdated();
    search_.reset();
    if (outdated) {
        refresh_view();
        return;
    }
    view_.refresh(store_, filter_, sort_);
    ++revision_;
}

void AppModel::load_demo_data() {
    view_.stop();
    ActivityWriter writer(store_);
    for (const Activity& activity : generate_demo_activities()) writer.insert(activity);
    writer.commit();
    demo_loaded_ = true;
    data_changed();
}

std::string AppModel::apply_query(std::string_view name) {
    if (const ActivityFilter* saved = saved_queries_.find(name)) {
        set_filter(*saved);
        return {};
    }
    if (const NamedQuery* suggested = find_suggested_query(name)) {
        set_filter(suggested->filter);
        return {};
    }
    return "no query named \"" + std::string(name) + "\"";
}

// Runs a SavedQueries command and marks the settings changed when it succeeded.
template <typename Command>
static std::string settings_command(uint64_t& revision, Command command) {
    std::string error = command();
    if (error.empty()) ++revision;
    return error;
}

std::string AppModel::save_query_as(std::string_view name) {
    return settings_command(settings_revision_, [&] { return saved_queries_.save_as(name, filter_); });
}

std::string AppModel::rename_query(std::string_view from, std::string_view to) {
    return settings_command(settings_revision_, [&] { return saved_queries_.rename(from, to); });
}

std::string AppModel::delete_query(std::string_view name) {
    return settings_command(settings_revision_, [&] { return saved_queries_.remove(name); });
}

std::string AppModel::restore_saved_queries(std::string_view json) {
    SavedQueriesLoad loaded = SavedQueries::from_json(json);
    saved_queries_ = std::move(loaded.queries);
    return loaded.error;
}

void AppModel::run_sql(std::string_view sql) { sql_result_ = run_readonly_sql(store_, sql, 1000); }

std::string AppModel::mark_activity(std::string_view id, const Marks& marks) {
    if (importing()) return "wait for the import to finish";
    if (!store_.find_by_id(id, false)) return "no activity with id \"" + std::string(id) + "\"";
    view_.complete(store_); // no read statement may stay open while the store is written
    if (marks.starred) set_starred(store_, id, *marks.starred);
    if (marks.tags) set_tags(store_, id, *marks.tags);
    if (marks.comment) set_comment(store_, id, *marks.comment);
    if (open_activity_ && open_activity_->id == id) open_activity(id);
    refresh_view(); // a filter on marks may now select different rows
    return {};
}

void AppModel::open_activity(std::string_view id) { open_activity_ = store_.find_by_id(id, true); }

void AppModel::clear_activities() {
    open_activity_.reset();
    view_.stop();
    store_.clear();
    demo_loaded_ = false;
    data_changed();
}

void AppModel::set_filter(ActivityFilter filter) {
    filter_ = std::move(filter);
    refresh_view();
}

void AppModel::set_sort(std::vector<SortKey> sort) {
    sort_ = sort.empty() ? default_sort() : std::move(sort);
    refresh_view();
}

// One CREATE INDEX cannot be paused: on 100,000 rows one took up to ~350 ms in the page, on a
// million seconds. Past this size the filter indexes wait for complete_indexes(): the time index
// is always there (store/schema.cpp), the column copy answers the common filters and value
// counts without them, and no frame freezes for the rest.
constexpr int64_t kMaxRowsForBackgroundIndexes = 50000;

void AppModel::data_changed() {
    index_builder_.emplace(store_.db());
    refresh_view();
}

void AppModel::complete_indexes() {
    if (importing()) return;
    view_.complete(store_);
    if (index_builder_) {
        while (index_builder_->step()) {
        }
        index_builder_.reset();
    }
    store_.ensure_indexes();
    while (store_.build_columns(1e9)) {
    }
}

std::string AppModel::background_status() const {
    const std::string copy_percent =
        std::to_string(total_ > 0 ? store_.columns_rows_built() * 100 / total_ : 0) + "%";
    if (!importing() && awaiting_copy_) return "Preparing to search (" + copy_percent + ")";
    if (!importing() && search_)
        return "Searching the activities (" + std::to_string(static_cast<int>(search_->progress() * 100)) + "%)";
    if (!importing() && !view_.is_complete()) return "Counting activities"; // the view is read first
    if (!importing() && !store_.columns()) return "Preparing fast filters (" + copy_percent + ")";
    if (!index_builder_) return {};
    return "Building indexes (" + std::to_string(index_builder_->steps_done() + 1) + " of " +
           std::to_string(index_builder_->steps_total()) + ")";
}

void AppModel::import_starting() {
    index_builder_.reset(); // an index built inside the import's transaction would vanish on cancel
    search_.reset();        // searched again for the data as it is after the import
    awaiting_copy_ = false;
    view_.complete(store_); // no read statement may stay open while the import writes
}

void AppModel::import_ended(bool committed, bool replaced_demo) {
    if (!committed) {
        refresh_view(); // the dialogs close; a search the import interrupted starts again
        return;
    }
    if (replaced_demo) {
        demo_loaded_ = false;
        open_activity_.reset();
    }
    data_changed();
}

void AppModel::refresh_view() {
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

bool AppModel::do_background_work(double budget_ms) {
    if (importing()) return false; // the view and the indexes wait: the store is being written
    if (search_) {
        if (search_->step(budget_ms)) ++background_steps_;
        else search_finished();
        return true;
    }
    if (!view_.is_complete()) {
        view_.pump(store_, budget_ms);
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
        refresh_view();
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

} // namespace sightline
