#include "app/app_model.h"

#include "demo/demo_generator.h"

#include <stdexcept>

namespace sightline {

AppModel::AppModel() { refresh_view(); }

void AppModel::load_demo_data() {
    ActivityWriter writer(store_);
    for (const Activity& activity : generate_demo_activities()) writer.insert(activity);
    writer.commit();
    demo_loaded_ = true;
    data_changed();
}

void AppModel::open_activity(std::string_view id) { open_activity_ = store_.find_by_id(id, true); }

void AppModel::clear_activities() {
    open_activity_.reset();
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

void AppModel::data_changed() {
    store_.ensure_indexes();
    refresh_view();
}

void AppModel::begin_import(int file_count, int64_t bytes_total) {
    if (import_) throw std::logic_error("an import is already running");
    import_cancel_requested_ = false;
    import_ = std::make_unique<ImportJob>(store_, file_count, bytes_total, demo_loaded_);
}

void AppModel::import_file_begin(std::string name) {
    if (!import_) throw std::logic_error("no import is running");
    import_->begin_file(std::move(name));
}

void AppModel::import_feed(std::span<const uint8_t> chunk) {
    if (!import_) throw std::logic_error("no import is running");
    import_->feed(chunk);
}

void AppModel::import_file_end() {
    if (import_) import_->end_file();
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
    data_changed();
}

void AppModel::cancel_import() {
    import_.reset(); // the job's writer rolls the batch back
    import_cancel_requested_ = false;
}

void AppModel::refresh_view() {
    total_ = store_.count();
    view_.refresh(store_, filter_, sort_);
    ++revision_;
}

} // namespace sightline
