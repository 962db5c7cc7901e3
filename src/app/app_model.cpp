#include "app/app_model.h"

#include "app/suggested_queries.h"
#include "demo/demo_generator.h"
#include "store/activity_marks.h"

#include <stdexcept>

namespace sightline {

AppModel::AppModel(int64_t search_in_slices_above) : log_(store_, search_in_slices_above) {}

void AppModel::complete_view() {
    if (import_) return; // the view waits for the import, whose rows are not committed
    log_.complete_view();
}

void AppModel::complete_indexes() {
    if (import_) return;
    log_.complete_indexes();
}

bool AppModel::do_background_work(double budget_ms) {
    if (import_) return false; // the view and the indexes wait: the store is being written
    return log_.do_background_work(budget_ms);
}

void AppModel::load_demo_data() {
    log_.stop_reading();
    ActivityWriter writer(store_);
    for (const Activity& activity : generate_demo_activities()) writer.insert(activity);
    writer.commit();
    demo_loaded_ = true;
    data_changed();
}

std::string AppModel::apply_query(std::string_view name) {
    if (const ActivityFilter* saved = settings_.saved_queries().find(name)) {
        log_.set_filter(*saved);
        return {};
    }
    if (const NamedQuery* suggested = find_suggested_query(name)) {
        log_.set_filter(suggested->filter);
        return {};
    }
    return "no query named \"" + std::string(name) + "\"";
}

void AppModel::run_sql(std::string_view sql) { sql_result_ = run_readonly_sql(store_, sql, 1000); }

std::string AppModel::mark_activity(std::string_view id, const Marks& marks) {
    if (import_) return "wait for the import to finish";
    if (!store_.find_by_id(id, false)) return "no activity with id \"" + std::string(id) + "\"";
    log_.finish_reading();
    if (marks.starred) set_starred(store_, id, *marks.starred);
    if (marks.tags) set_tags(store_, id, *marks.tags);
    if (marks.comment) set_comment(store_, id, *marks.comment);
    if (open_activity_ && open_activity_->id == id) open_activity(id);
    log_.refresh(); // a filter on marks may now select different rows
    return {};
}

void AppModel::open_activity(std::string_view id) { open_activity_ = store_.find_by_id(id, true); }

void AppModel::clear_activities() {
    open_activity_.reset();
    log_.stop_reading();
    store_.clear();
    demo_loaded_ = false;
    data_changed();
}

void AppModel::begin_import(int file_count, int64_t bytes_total) {
    if (import_) throw std::logic_error("an import is already running");
    log_.stop_for_writing();
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
    log_.touch(); // redraw: the dialog opened or closed
}

std::string AppModel::set_mapping_column(std::string_view field, std::string_view column) {
    if (!mapping_prompt_) return "no file is waiting for a column mapping";
    std::string error = mapping_prompt_->set_column(field, column);
    if (error.empty()) log_.touch();
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
    settings_.note_change();
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
    log_.data_changed();
}

void AppModel::cancel_import() {
    import_.reset(); // the job's writer rolls the batch back
    mapping_prompt_.reset();
    import_cancel_requested_ = false;
    log_.refresh(); // the dialogs close; a search the import interrupted starts again
}

} // namespace sightline
