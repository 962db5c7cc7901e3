// The application model: the loaded data, the activity log's filter and sort, and every
// command the analyst can give. The ImGui panels, keyboard shortcuts and the JavaScript
// automation API all act through these commands, so they cannot drift apart.
#pragma once

#include "app/activity_view.h"
#include "app/import_session.h"
#include "app/saved_queries.h"
#include "query/sql_console.h"
#include "filter/activity_filter.h"
#include "query/activity_query.h"
#include "query/free_text_job.h"
#include "store/activity_store.h"
#include "store/index_builder.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace sightline {

class AppModel : private ImportSessionListener {
public:
    // Past `search_in_slices_above` activities, a new free-text filter is searched between
    // frames (query/free_text_job.h) before the table shows its rows; tests lower it.
    static constexpr int64_t kSearchInSlicesAbove = 200000;
    explicit AppModel(int64_t search_in_slices_above = kSearchInSlicesAbove);

    const ActivityStore& store() const { return store_; }
    ActivityStore& store() { return store_; }

    // --- commands -------------------------------------------------------------------------
    void load_demo_data();
    void clear_activities();
    void set_filter(ActivityFilter filter);
    void set_sort(std::vector<SortKey> sort);
    // Call after anything wrote to the store outside these commands.
    void data_changed();

    // Background work, a slice per frame: reading the table's id list, then building the
    // filter indexes one at a time. Returns true while work remains. complete_view()
    // finishes the id list at once (the automation API's answers are exact).
    bool do_background_work(double budget_ms);
    // Builds every missing index now (tests, the CLI, benchmarks).
    void complete_indexes();
    // "Building indexes (3 of 19)", or empty when there is nothing left to build.
    std::string background_status() const;
    // Increases with each step of background work, so the status line can be redrawn without
    // the data panels recomputing (they follow revision()).
    uint64_t background_steps() const { return background_steps_; }
    // Finishes the free-text search and the id list now (the automation API's answers are exact).
    void complete_view();
    // False while the free-text search runs or the id list is still being read.
    bool view_complete() const { return !searching() && view_.is_complete(); }
    // A free-text search runs before the view is read (see the constructor), after the column
    // copy it needs when that is not ready yet.
    bool searching() const { return search_.has_value() || awaiting_copy_; }

    // Importing: the session (app/import_session.h) makes every decision of an import; these
    // are its commands as the UI, the tests and the benchmark give them. Files the analyst opens
    // replace the demo data rather than mix with it.
    ImportSession& import_session() { return import_session_; }
    const ImportSession& import_session() const { return import_session_; }
    void begin_import(int file_count, int64_t bytes_total) { import_session_.begin(file_count, bytes_total); }
    // `mapping`: read the file as a plain table with it (load() with a mapping).
    // `ask_for_mapping`: a file in no known format waits for the analyst (mapping_prompt()).
    // `kept_source`: the source (store/kept_sources.h) that keeps the file's bytes, or 0.
    void import_file_begin(std::string name, ColumnMapping mapping = {}, bool ask_for_mapping = false,
                           uint32_t kept_source = 0) {
        import_session_.begin_file(std::move(name), {std::move(mapping), ask_for_mapping, kept_source, false});
    }
    void import_feed(std::span<const uint8_t> chunk) { import_session_.feed(chunk); }
    void import_file_end() { import_session_.end_file(); }
    void finish_import() { import_session_.finish(); }
    void cancel_import() { import_session_.cancel(); }
    void request_import_cancel() { import_session_.request_cancel(); }
    std::string set_mapping_column(std::string_view field, std::string_view column) {
        return import_session_.set_mapping_column(field, column);
    }
    std::string confirm_mapping() { return import_session_.confirm_mapping(); }
    std::string skip_mapping_file() { return import_session_.skip_mapping_file(); }
    std::string restore_remembered_mappings(std::string_view json) {
        return import_session_.restore_remembered_mappings(json);
    }

    // Queries: the suggested ones and the analyst's saved ones. Each returns an error
    // message, empty on success, and changes nothing on failure.
    std::string apply_query(std::string_view name);
    std::string save_query_as(std::string_view name);
    std::string rename_query(std::string_view from, std::string_view to);
    std::string delete_query(std::string_view name);
    // Restores saved queries from storage; returns what could not be restored, if anything.
    std::string restore_saved_queries(std::string_view json);

    // The power users' read-only SQL box.
    void run_sql(std::string_view sql);

    // The analyst's marks on one activity (a star, tags, a comment); an unset part is left as
    // it is. Returns an error message, empty on success.
    struct Marks {
        std::optional<bool> starred;
        std::optional<std::vector<std::string>> tags;
        std::optional<std::string> comment;
    };
    std::string mark_activity(std::string_view id, const Marks& marks);

    // The activity drawer: every field and the raw record of one activity.
    void open_activity(std::string_view id);
    void close_activity() { open_activity_.reset(); }

    // --- state the UI draws ---------------------------------------------------------------
    const ActivityFilter& filter() const { return filter_; }
    const std::vector<SortKey>& sort() const { return sort_; }
    ActivityView& view() { return view_; }
    int64_t total_activities() const { return total_; }
    bool showing_demo_data() const override { return demo_loaded_; }
    const SavedQueries& saved_queries() const { return saved_queries_; }
    // Increases when anything the analyst configured changes (what storage must keep).
    uint64_t settings_revision() const { return settings_revision_; }
    const SqlConsoleResult& sql_result() const { return sql_result_; }
    const std::optional<Activity>& opened_activity() const { return open_activity_; }
    const ImportJob* import_job() const { return import_session_.job(); }
    const MappingPrompt* mapping_prompt() const { return import_session_.mapping_prompt(); }
    const ColumnMappingMemory& remembered_mappings() const { return import_session_.remembered_mappings(); }
    bool import_cancel_requested() const { return import_session_.cancel_requested(); }
    const std::vector<FileImportReport>& last_import_reports() const { return import_session_.last_reports(); }
    bool last_import_replaced_demo() const { return import_session_.last_replaced_demo(); }
    // Increases whenever the data or the view changes; panels compare it to drop caches.
    uint64_t revision() const { return revision_; }

private:
    void refresh_view();
    void search_finished();
    bool importing() const { return import_session_.running(); }
    // What the import session tells the model (ImportSessionListener; showing_demo_data() is
    // the public one above).
    void import_starting() override;
    void import_ended(bool committed, bool replaced_demo) override;
    void mapping_prompt_changed() override { ++revision_; }
    void mapping_remembered() override { ++settings_revision_; }

    ActivityStore store_;
    ActivityFilter filter_;
    std::vector<SortKey> sort_ = default_sort();
    ActivityView view_;
    std::optional<FreeTextJob> search_; // before view_ is refreshed, for a large data set
    bool awaiting_copy_ = false;        // a search waits for the column copy
    int64_t search_in_slices_above_;
    int64_t total_ = 0;
    bool demo_loaded_ = false;
    uint64_t revision_ = 0;
    ImportSession import_session_{store_, *this};
    std::optional<Activity> open_activity_;
    std::optional<IndexBuilder> index_builder_;
    uint64_t background_steps_ = 0;
    SavedQueries saved_queries_;
    uint64_t settings_revision_ = 0;
    SqlConsoleResult sql_result_;
};

} // namespace sightline
