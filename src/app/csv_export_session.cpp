#include "app/csv_export_session.h"

#include "app/field_layouts.h"

#include <stdexcept>

namespace sightline {

std::vector<std::string> default_visible_columns() {
    std::vector<std::string> fields;
    for (const LogColumn& column : activity_log_columns())
        if (column.shown) fields.emplace_back(column.field);
    return fields;
}

namespace {

// The Marks column shows the star, the tags and the comment: the export writes all three.
std::vector<std::string> export_fields_of(const std::vector<std::string>& column_fields) {
    std::vector<std::string> out;
    for (const std::string& field : column_fields) {
        if (field == "starred") out.insert(out.end(), {"starred", "tags", "comment"});
        else out.push_back(field);
    }
    return out;
}

} // namespace

void CsvExportSession::set_visible_columns(const std::vector<std::string>& fields) {
    visible_columns_ = export_fields_of(fields);
}

CsvExportOptions CsvExportSession::current_options(const ActivityLog& log) const {
    CsvExportOptions options;
    options.filter = log.filter();
    options.sort = log.sort();
    options.columns = visible_columns_.empty() ? export_fields_of(default_visible_columns()) : visible_columns_;
    options.all_fields = choices_.all_fields;
    options.raw = choices_.raw;
    options.bom = choices_.bom;
    options.delimiter = choices_.semicolon ? ';' : ',';
    return options;
}

std::string CsvExportSession::start(const CsvExportOptions& options, std::unique_ptr<CsvSink> sink) {
    if (job_) return "an export is running; cancel it first";
    if (!sink) return "this page cannot save files";
    CsvColumnsResult columns = csv_export_columns(options);
    if (!columns.error.empty()) return columns.error;
    try {
        job_ = std::make_unique<CsvExportJob>(store_, options, std::move(columns.columns), *sink);
    } catch (const std::exception& e) {
        return e.what();
    }
    sink_ = std::move(sink);
    outcome_ = {};
    ++steps_;
    return {};
}

std::string CsvExportSession::start_download(const CsvExportOptions& options) {
    if (job_) return "an export is running; cancel it first";
    if (!downloads_) return "this page cannot save files";
    return start(options, downloads_(kFileName));
}

bool CsvExportSession::step(double budget_ms) {
    if (!job_) return false;
    try {
        job_->step(budget_ms);
    } catch (const std::exception& e) {
        job_->cancel();
        outcome_.error = e.what();
    }
    ++steps_;
    if (job_->finished() || job_->stopped()) end_job();
    return job_ != nullptr;
}

void CsvExportSession::cancel() {
    if (!job_) return;
    job_->cancel();
    outcome_.cancelled = true;
    end_job();
}

void CsvExportSession::stop_for_writing() {
    if (!job_) return;
    job_->cancel();
    outcome_.error = "the export stopped because the activities changed; nothing was saved";
    end_job();
}

void CsvExportSession::end_job() {
    outcome_.done = job_->finished();
    if (outcome_.error.empty()) outcome_.error = job_->error();
    if (outcome_.done) {
        outcome_.rows = job_->rows_written();
        outcome_.bytes = job_->bytes_written();
    }
    job_.reset();
    sink_.reset();
    ++steps_;
}

} // namespace sightline
