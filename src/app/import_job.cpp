#include "app/import_job.h"

#include <stdexcept>

namespace sightline {

ImportJob::ImportJob(ActivityStore& store, int file_count, int64_t bytes_total, bool replace_demo)
    : store_(store), writer_(store), replace_demo_(replace_demo) {
    // The demo (and anything loaded before it) goes first, inside the batch's transaction:
    // emptying a table is nearly free (SQLite drops its pages without visiting rows), while
    // deleting its rows after a large import took ~250 ms in the page. A cancel, or a batch that
    // adds nothing, rolls back and so brings the demo back.
    if (replace_demo_) store_.delete_all_activities();
    progress_.file_count = file_count;
    progress_.bytes_total = bytes_total;
}

void ImportJob::begin_file(std::string name, ImportOptions options) {
    if (current_ && current_->mapping_sample()) current_->skip("skipped: no column mapping was chosen");
    if (current_) end_file();
    progress_.file_name = name;
    current_ = std::make_unique<FileImporter>(std::move(name), writer_, std::move(options));
    current_input_ended_ = false;
}

void ImportJob::feed(std::span<const uint8_t> chunk) {
    if (!current_) throw std::logic_error("ImportJob::feed before begin_file");
    current_->feed(chunk);
    update_progress();
}

void ImportJob::end_file() {
    if (!current_) return;
    if (!current_input_ended_) current_->finish();
    current_input_ended_ = true;
    if (current_->mapping_sample()) return; // answer_mapping() or skip_file() ends it
    reports_.push_back(current_->report());
    bytes_before_current_ += current_->report().bytes;
    current_.reset();
    progress_.file_index = static_cast<int>(reports_.size());
    progress_.rows = rows_in_finished_files();
}

std::string ImportJob::answer_mapping(const ColumnMapping& mapping) {
    if (!current_) return "no file is being imported";
    std::string error = current_->use_mapping(mapping);
    if (!error.empty()) return error;
    update_progress();
    if (current_input_ended_) end_file();
    return {};
}

void ImportJob::skip_file(std::string reason) {
    if (!current_) return;
    current_->skip(std::move(reason));
    if (current_input_ended_) end_file();
}

void ImportJob::update_progress() {
    progress_.bytes_done = bytes_before_current_ + current_->report().bytes;
    progress_.rows = rows_in_finished_files() + current_->report().rows;
}

void ImportJob::commit() {
    if (current_ && current_->mapping_sample()) current_->skip("skipped: no column mapping was chosen");
    end_file();
    // Files that added nothing (all skipped, empty, unreadable) leave the demo in place: the
    // analyst would otherwise be left with an empty table and nothing of theirs in it.
    if (replace_demo_ && rows_in_finished_files() == 0) {
        writer_.rollback();
        replace_demo_ = false;
        return;
    }
    writer_.commit();
}

int64_t ImportJob::rows_in_finished_files() const {
    int64_t rows = 0;
    for (const FileImportReport& r : reports_) rows += r.rows;
    return rows;
}

} // namespace sightline
