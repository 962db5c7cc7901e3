#include "export/csv_export_job.h"

#include "query/activity_query.h"

#include <chrono>

namespace sightline {
namespace {

using Clock = std::chrono::steady_clock;

// A slice looks at the clock every so many rows (a row takes a few microseconds).
constexpr int64_t kRowsBetweenClockChecks = 256;
// Within a slice, a buffer this large goes to the sink at once (wasm memory stays small).
constexpr size_t kMaxChunkBytes = 4 << 20;

Clock::time_point deadline_after(double budget_ms) {
    if (budget_ms > 1e9) return Clock::time_point::max();
    return Clock::now() + std::chrono::microseconds(static_cast<int64_t>(budget_ms * 1000.0));
}

} // namespace

CsvExportJob::CsvExportJob(const ActivityStore& store, const CsvExportOptions& options,
                           std::vector<CsvColumn> columns, CsvSink& sink)
    : store_(store), options_(options), sink_(sink), rows_(store, columns, options.delimiter),
      generation_(store.data_generation()) {
    rows_.append_header(buffer_, options.bom);
}

bool CsvExportJob::step(double budget_ms) {
    if (finished_ || stopped_) return false;
    if (store_.data_generation() != generation_) {
        fail("the activities changed during the export; nothing was saved");
        return false;
    }
    if (!rowids_ready_) select(budget_ms);
    if (rowids_ready_) write(budget_ms);
    return !finished_ && !stopped_;
}

void CsvExportJob::select(double budget_ms) {
    if (!reader_) {
        // The column copy answers most filters and sorts over a million rows in milliseconds.
        if (auto rowids = column_matching_rowids(store_, options_.filter, options_.sort)) {
            rowids_ = std::move(*rowids);
            rowids_ready_ = true;
            return;
        }
        reader_.emplace(store_, options_.filter, options_.sort);
    }
    if (reader_->read(rowids_, budget_ms)) return;
    reader_.reset();
    rowids_ready_ = true;
}

void CsvExportJob::write(double budget_ms) {
    const Clock::time_point deadline = deadline_after(budget_ms);
    const int64_t total = rows_total();
    while (next_ < total) {
        const int64_t stop = std::min(total, next_ + kRowsBetweenClockChecks);
        for (; next_ < stop; ++next_) rows_.append_row(buffer_, rowids_[static_cast<size_t>(next_)]);
        if (buffer_.size() >= kMaxChunkBytes) flush();
        if (Clock::now() >= deadline) break;
    }
    flush();
    if (next_ < total) return;
    finished_ = true;
    sink_.finish();
}

void CsvExportJob::flush() {
    if (buffer_.empty()) return;
    sink_.write(buffer_);
    bytes_ += static_cast<int64_t>(buffer_.size());
    buffer_.clear();
}

void CsvExportJob::cancel() {
    if (finished_ || stopped_) return;
    stopped_ = true;
    reader_.reset();
    buffer_.clear();
    sink_.abort();
}

void CsvExportJob::fail(std::string error) {
    cancel();
    error_ = std::move(error);
}

CsvExportText export_csv_text(const ActivityStore& store, const CsvExportOptions& options) {
    CsvColumnsResult columns = csv_export_columns(options);
    if (!columns.error.empty()) return {"", columns.error};
    StringCsvSink sink;
    CsvExportJob job(store, options, std::move(columns.columns), sink);
    while (job.step(1e12)) {
    }
    if (!job.error().empty()) return {"", job.error()};
    return {sink.text(), ""};
}

} // namespace sightline
