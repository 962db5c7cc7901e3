// One CSV export, done in slices: first the rowids the filter selects in the sort (from the
// column copy in one go, or from SQL a slice at a time), then the rows, a few thousand per
// slice, written into a buffer that is handed to the sink at the end of each slice. So no frame
// waits for a million rows and the whole CSV is never one string in memory.
#pragma once

#include "export/csv_export_options.h"
#include "export/csv_row_writer.h"
#include "export/csv_sink.h"
#include "query/matching_rowid_reader.h"
#include "store/activity_store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sightline {

class CsvExportJob {
public:
    // `columns` from csv_export_columns(options). The store and the sink must outlive the job;
    // the store must not be written while it runs (step() fails the job if it was).
    CsvExportJob(const ActivityStore& store, const CsvExportOptions& options, std::vector<CsvColumn> columns,
                 CsvSink& sink);

    // Works for about `budget_ms`; returns true while work remains. The last step hands the
    // last chunk to the sink and calls its finish(); a failure calls abort() and sets error().
    bool step(double budget_ms);
    // Stops here: the sink's abort() drops what it has. Nothing is reported as done.
    void cancel();
    // Reads the rest of the rowids now: a few rows are about to be written (marks), and no
    // read statement may stay open meanwhile.
    void finish_selecting() {
        if (!rowids_ready_ && !stopped_) select(1e12);
    }

    bool selecting() const { return !rowids_ready_; }
    bool finished() const { return finished_; }
    bool stopped() const { return stopped_; }
    const std::string& error() const { return error_; }
    // Rows to write (known once selecting() is over) and rows written so far.
    int64_t rows_total() const { return static_cast<int64_t>(rowids_.size()); }
    int64_t rows_written() const { return next_; }
    int64_t bytes_written() const { return bytes_; }

private:
    void select(double budget_ms);
    void write(double budget_ms);
    void flush();
    void fail(std::string error);

    const ActivityStore& store_;
    CsvExportOptions options_;
    CsvSink& sink_;
    CsvRowWriter rows_;
    uint64_t generation_;
    std::optional<MatchingRowidReader> reader_;
    std::vector<int64_t> rowids_;
    bool rowids_ready_ = false;
    int64_t next_ = 0;
    std::string buffer_;
    int64_t bytes_ = 0;
    bool finished_ = false;
    bool stopped_ = false;
    std::string error_;
};

// Runs a whole export at once into a string: what the automation API answers, and what the
// tests compare with the page's download (both run the same job).
struct CsvExportText {
    std::string text;
    std::string error;
};
CsvExportText export_csv_text(const ActivityStore& store, const CsvExportOptions& options);

} // namespace sightline
