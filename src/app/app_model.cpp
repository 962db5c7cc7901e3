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
    if (import_) return; // the view waits for the import, whose rows are not committed
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
    view_.complete();
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
    if (import_) return "wait for the import to finish";
    if (!store_.find_by_id(id, false)) return "no activity with id \"" + std::string(id) + "\"";
    view_.complete(); // no read statement may stay open while the store is written
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
    if (import_) return;
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

std::string AppModel::background_status() const {
    const std::string copy_percent =
        std::to_string(total_ > 0 ? store_.columns_rows_built() * 100 / total_ : 0) + "%";
    if (!import_ && awaiting_copy_) return "Preparing to search (" + copy_percent + ")";
    if (!import_ && search_)
        return "Searching the activities (" + std::to_string(static_cast<int>(search_->progress() * 100)) + "%)";
    if (!import_ && !view_.is_complete()) return "Counting activities"; // the view is read first
    if (!import_ && !store_.columns()) return "Preparing fast filters (" + copy_percent + ")";
    if (!index_builder_) return {};
    return "Building indexes (" + std::to_string(index_builder_->steps_done() + 1) + " of " +
           std::to_string(index_builder_->steps_total()) + ")";
}

void AppModel::begin_import(int file_count, int64_t bytes_total) {
    if (import_) throw std::logic_error("an import is already running");
    index_builder_.reset(); // an index built inside the import's transaction would vanish on cancel
    search_.reset();        // searched again for the data as it is after the import
    awaiting_copy_ = false;
    view_.complete(); // no read statement may stay open while the import writes
    import_cancel_requested_ = false;
    import_ = std::make_unique<ImportJob>(store_, file_count, bytes_total, demo_loaded_);
}

void AppModel::import_file_begin(std::string name, ColumnMapping mapping, bool ask_for_mapping, uint32_t kept_source) {
    if (!import_) throw std::logic_error("no import is running");
    ImportOptions options;
    options.explicit_mapping = std::move(mapping);
    options.remembered_mappings = &remembered_mappings_;
    options.ask_for_mapping = ask_for_mapping;
    options.kept_source = kept_source;
    import_->begin_file(std::move(name), std::move(options));
    sync_mapping_prompt();
}

void AppModel::import_feed(std::span<const uint8_t> chunk) {
    if (!import_) throw std::logic_error("no import is running");
    import_->feed(chunk);
    sync_mapping_prompt();
}

void AppModel::import_parsed_file_begin(std::string name, uint32_t kept_source) {
    if (!import_) throw std::logic_error("no import is running");
    import_->begin_parsed_file(std::move(name), kept_source);
}

size_t AppModel::import_add_parsed(std::span<const uint8_t> rows, double max_ms) {
    if (!import_) throw std::logic_error("no import is running");
    const auto deadline = ParsedFileReplay::Clock::now() +
                          std::chrono::duration_cast<ParsedFileReplay::Clock::duration>(
                              std::chrono::duration<double, std::milli>(max_ms));
    return import_->add_parsed(rows, deadline);
}

void AppModel::import_file_end() {
    if (import_) import_->end_file();
    sync_mapping_prompt();
}

// The dialog opens when the import starts waiting and closes when it stops.
void AppModel::sync_mapping_prompt() {
    const MappingSample* question = import_ ? import_->mapping_question() : nullptr;
    if (question && !mapping_prompt_) mapping_prompt_.emplace(*question);
    else if (!question && mapping_prompt_) mapping_prompt_.reset();
    else return;
    ++revision_; // redraw: the dialog opened or closed
}

std::string AppModel::set_mapping_column(std::string_view field, std::string_view column) {
    if (!mapping_prompt_) return "no file is waiting for a column mapping";
    std::string error = mapping_prompt_->set_column(field, column);
    if (error.empty()) ++revision_;
    return error;
}

std::string AppModel::confirm_mapping() {
    if (!mapping_prompt_ || !import_) return "no file is waiting for a column mapping";
    if (!mapping_prompt_->preview().error.empty()) return mapping_prompt_->preview().error;
    const MappingSample& sample = mapping_prompt_->sample();
    const ColumnMapping mapping = mapping_prompt_->mapping();
    std::string error = import_->answer_mapping(mapping);
    if (!error.empty()) return error;
    // Remembered at once, even if the batch is later cancelled: the mapping was the analyst's
    // answer for this header, whatever happens to the data.
    remembered_mappings_.remember(sample.columns, mapping, sample.file_name);
    ++settings_revision_;
    sync_mapping_prompt();
    return {};
}

std::string AppModel::skip_mapping_file() {
    if (!mapping_prompt_ || !import_) return "no file is waiting for a column mapping";
    import_->skip_file("skipped in the column-mapping dialog: nothing of this file was imported");
    sync_mapping_prompt();
    return {};
}

std::string AppModel::restore_remembered_mappings(std::string_view json) {
    ColumnMappingMemoryLoad loaded = ColumnMappingMemory::from_json(json);
    remembered_mappings_ = std::move(loaded.memory);
    return loaded.error;
}

void AppModel::finish_import() {
    if (!import_) return;
    import_->commit();
    last_import_reports_ = import_->reports();
    last_import_replaced_demo_ = import_->replaces_demo();
    if (import_->replaces_demo()) {
        demo_loaded_ = false;
        open_activity_.reset();
    }
    import_.reset();
    mapping_prompt_.reset();
    data_changed();
}

void AppModel::cancel_import() {
    import_.reset(); // the job's writer rolls the batch back
    mapping_prompt_.reset();
    import_cancel_requested_ = false;
    refresh_view(); // the dialogs close; a search the import interrupted starts again
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
    if (import_) return false; // the view and the indexes wait: the store is being written
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

std::vector<ValueCount> AppModel::count_values(std::string_view field, const ActivityFilter& filter,
                                              int64_t limit) const {
    return sightline::count_values(store_, field, filter, limit);
}

TimelineHistogram AppModel::timeline() const { return build_timeline(store_, filter_); }

} // namespace sightline
