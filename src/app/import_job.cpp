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
    if (parsed_ && !parsed_->ended()) {
        // Handed back by the worker (no known format), which stores nothing before choosing one.
        const FileImportReport& stored = parsed_->report();
        if (stored.rows + stored.duplicates != 0)
            throw std::logic_error(stored.name + ": handed back after rows were stored");
        parsed_.reset();
    }
    end_open_file();
    progress_.file_name = name;
    current_ = std::make_unique<FileImporter>(std::move(name), writer_, std::move(options));
    current_input_ended_ = false;
}

void ImportJob::begin_parsed_file(std::string name, uint32_t kept_source) {
    end_open_file();
    progress_.file_name = name;
    parsed_ = std::make_unique<ParsedFileReplay>(std::move(name), writer_, kept_source);
}

size_t ImportJob::add_parsed(std::span<const uint8_t> bytes, ParsedFileReplay::Clock::time_point deadline) {
    if (!parsed_) throw std::logic_error("ImportJob::add_parsed before begin_parsed_file");
    const size_t used = parsed_->add(bytes, deadline);
    update_progress();
    if (parsed_->ended()) end_parsed_file();
    return used;
}

void ImportJob::end_open_file() {
    if (current_ && current_->mapping_sample()) current_->skip("skipped: no column mapping was chosen");
    if (current_) end_file();
    if (parsed_) end_parsed_file();
}

// A parsed file whose report never came (the worker stopped) ends with what it stored.
void ImportJob::end_parsed_file() {
    FileImportReport report = parsed_->report();
    if (!parsed_->ended()) {
        report.fatal_error = "the file's reading stopped before its end";
        report.errors.push_back({0, 0, report.fatal_error});
        ++report.issue_count;
    }
    parsed_.reset();
    file_done(report);
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
    const FileImportReport report = current_->report();
    current_.reset();
    file_done(report);
}

void ImportJob::file_done(const FileImportReport& report) {
    reports_.push_back(report);
    bytes_before_current_ += report.bytes;
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
    const FileImportReport* now = current_ ? &current_->report() : parsed_ ? &parsed_->report() : nullptr;
    progress_.bytes_done = bytes_before_current_ + (now ? now->bytes : 0);
    progress_.rows = rows_in_finished_files() + (now ? now->rows : 0);
}

void ImportJob::commit() {
    end_open_file();
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
