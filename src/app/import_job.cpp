#include "app/import_job.h"

#include <stdexcept>

namespace sightline {

ImportJob::ImportJob(ActivityStore& store, int file_count, int64_t bytes_total, bool replace_demo)
    : store_(store), writer_(store), replace_demo_(replace_demo) {
    last_rowid_before_ = store.last_rowid();
    progress_.file_count = file_count;
    progress_.bytes_total = bytes_total;
}

void ImportJob::begin_file(std::string name) {
    if (current_) end_file();
    progress_.file_name = name;
    current_ = std::make_unique<FileImporter>(std::move(name), writer_);
}

void ImportJob::feed(std::span<const uint8_t> chunk) {
    if (!current_) throw std::logic_error("ImportJob::feed before begin_file");
    current_->feed(chunk);
    progress_.bytes_done = bytes_before_current_ + current_->report().bytes;
    progress_.rows = rows_in_finished_files() + current_->report().rows;
}

void ImportJob::end_file() {
    if (!current_) return;
    current_->finish();
    reports_.push_back(current_->report());
    bytes_before_current_ += current_->report().bytes;
    current_.reset();
    progress_.file_index = static_cast<int>(reports_.size());
    progress_.rows = rows_in_finished_files();
}

void ImportJob::commit() {
    end_file();
    if (replace_demo_) store_.delete_activities_through(last_rowid_before_);
    writer_.commit();
}

int64_t ImportJob::rows_in_finished_files() const {
    int64_t rows = 0;
    for (const FileImportReport& r : reports_) rows += r.rows;
    return rows;
}

} // namespace sightline
