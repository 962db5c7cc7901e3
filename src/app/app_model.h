// The application model: the loaded data and every command the analyst can give. Its parts
// each hold one concern: the activity log with its filter, sort and background work
// (app/activity_log.h), the settings storage keeps (app/analyst_settings.h), the import
// (app/import_job.h) and the marks and drawer here. The ImGui panels, keyboard shortcuts and
// the JavaScript automation API all act through these commands, so they cannot drift apart.
#pragma once

#include "app/activity_log.h"
#include "app/analyst_settings.h"
#include "app/import_job.h"
#include "app/mapping_prompt.h"
#include "import/column_mapping_memory.h"
#include "query/sql_console.h"
#include "store/activity_store.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace sightline {

class AppModel {
public:
    static constexpr int64_t kSearchInSlicesAbove = ActivityLog::kSearchInSlicesAbove;
    explicit AppModel(int64_t search_in_slices_above = kSearchInSlicesAbove);

    const ActivityStore& store() const { return store_; }
    ActivityStore& store() { return store_; }
    // The log's filter, sort, view and background work (app/activity_log.h).
    ActivityLog& log() { return log_; }
    const ActivityLog& log() const { return log_; }
    // Saved queries and what else storage keeps (app/analyst_settings.h).
    AnalystSettings& settings() { return settings_; }
    const AnalystSettings& settings() const { return settings_; }

    // --- commands over the data -----------------------------------------------------------
    void load_demo_data();
    void clear_activities();
    // Call after anything wrote to the store outside these commands.
    void data_changed() { log_.data_changed(); }
    // Sets the filter to a saved or suggested query; an error message, empty on success.
    std::string apply_query(std::string_view name);
    // The power users' read-only SQL box.
    void run_sql(std::string_view sql);

    // The log's background work, which waits while an import writes the store: see
    // ActivityLog. complete_view() finishes the id list at once (the automation API's answers
    // are exact); complete_indexes() builds every missing index now.
    bool do_background_work(double budget_ms);
    void complete_view();
    void complete_indexes();
    std::string background_status() const { return log_.background_status(import_ != nullptr); }

    // Importing: begin, then per file begin/feed/end, then finish (commit) or cancel
    // (roll back). Files the analyst opens replace the demo data rather than mix with it.
    void begin_import(int file_count, int64_t bytes_total);
    // `mapping`: read the file as a plain table with it (load() with a mapping).
    // `ask_for_mapping`: a file in no known format waits for the analyst (mapping_prompt())
    // instead of being read with the remembered or guessed mapping.
    // `kept_source`: the source (store/kept_sources.h) that keeps the file's bytes as they are
    // fed, or 0 for none.
    void import_file_begin(std::string name, ColumnMapping mapping = {}, bool ask_for_mapping = false,
                           uint32_t kept_source = 0);
    void import_feed(std::span<const uint8_t> chunk);
    void import_file_end();
    // A file read by the page's parse worker: its encoded rows (import/parsed_rows.h) arrive in
    // pieces, the report last. A file the worker hands back is begun again with import_file_begin.
    // import_add_parsed() works for about `max_ms` and returns the bytes it used.
    void import_parsed_file_begin(std::string name, uint32_t kept_source);
    size_t import_add_parsed(std::span<const uint8_t> rows, double max_ms);
    void finish_import();
    void cancel_import();
    void request_import_cancel() { import_cancel_requested_ = true; }

    // The column-mapping dialog, open while the import waits for the analyst. Each returns
    // an error message, empty on success, and changes nothing on failure.
    std::string set_mapping_column(std::string_view field, std::string_view column);
    // Imports the file with the prompt's mapping and remembers it for files with this header.
    std::string confirm_mapping();
    // Imports nothing of this file; the import goes on with the next one.
    std::string skip_mapping_file();
    // Restores remembered mappings from storage; returns what could not be restored, if anything.
    std::string restore_remembered_mappings(std::string_view json);

    // --- marks and the drawer -------------------------------------------------------------
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
    const std::optional<Activity>& opened_activity() const { return open_activity_; }

    // --- state the UI draws ---------------------------------------------------------------
    bool showing_demo_data() const { return demo_loaded_; }
    const SqlConsoleResult& sql_result() const { return sql_result_; }
    const ImportJob* import_job() const { return import_.get(); }
    const MappingPrompt* mapping_prompt() const { return mapping_prompt_ ? &*mapping_prompt_ : nullptr; }
    // The file being imported was skipped in the mapping dialog: the rest of it need not be read.
    bool import_file_skipped() const { return import_ && import_->file_skipped(); }
    const ColumnMappingMemory& remembered_mappings() const { return remembered_mappings_; }
    bool import_cancel_requested() const { return import_cancel_requested_; }
    const std::vector<FileImportReport>& last_import_reports() const { return last_import_reports_; }
    bool last_import_replaced_demo() const { return last_import_replaced_demo_; }

private:
    void sync_mapping_prompt();

    ActivityStore store_;
    ActivityLog log_;
    AnalystSettings settings_;
    bool demo_loaded_ = false;
    std::unique_ptr<ImportJob> import_;
    bool import_cancel_requested_ = false;
    std::optional<MappingPrompt> mapping_prompt_;
    ColumnMappingMemory remembered_mappings_;
    std::vector<FileImportReport> last_import_reports_;
    bool last_import_replaced_demo_ = false;
    std::optional<Activity> open_activity_;
    SqlConsoleResult sql_result_;
};

} // namespace sightline
