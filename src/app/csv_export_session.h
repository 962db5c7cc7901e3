// The analyst's CSV export as the app runs it: the options the Export panel shows, the
// activity log's visible columns (which the export writes unless "all fields" is chosen), one
// export job at a time stepped between frames with the other background work, and how the
// last one ended. The panel, the automation API and the tests give these commands.
#pragma once

#include "app/activity_log.h"
#include "export/csv_export_job.h"
#include "export/csv_sink.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sightline {

// The panel's choices, kept between exports.
struct CsvExportChoices {
    bool all_fields = false;
    bool raw = false;
    bool bom = false;
    bool semicolon = false;
};

// How the latest export ended.
struct CsvExportOutcome {
    bool done = false;       // every row written and the file handed over
    bool cancelled = false;
    std::string error;
    int64_t rows = 0;        // rows written (of a done export)
    int64_t bytes = 0;
};

class CsvExportSession {
public:
    explicit CsvExportSession(ActivityStore& store) : store_(store) {}

    // The activity log's columns as the analyst arranged them: canonical fields of the visible
    // columns, in display order. The Marks column (keyed on `starred`) stands for every mark.
    void set_visible_columns(const std::vector<std::string>& fields);
    const std::vector<std::string>& visible_columns() const { return visible_columns_; }

    CsvExportChoices& choices() { return choices_; }
    const CsvExportChoices& choices() const { return choices_; }
    // What the Export button writes: the log's filter and sort, the visible columns, the choices.
    CsvExportOptions current_options(const ActivityLog& log) const;

    // Where the Export button's file goes: the platform saves it (the page: a download built
    // from Blob parts, wasm/js_download_sink.h). Without one, nothing can be saved.
    using DownloadFactory = std::function<std::unique_ptr<CsvSink>(const std::string& file_name)>;
    void set_downloads(DownloadFactory downloads) { downloads_ = std::move(downloads); }
    static constexpr const char* kFileName = "sightline-activities.csv";

    // Starts an export into `sink`; an error (bad options, one already running) leaves
    // everything as it was.
    std::string start(const CsvExportOptions& options, std::unique_ptr<CsvSink> sink);
    // The Export button (and the API's startExport): the same into a file the platform saves.
    std::string start_download(const CsvExportOptions& options);
    // One slice of the running export; true while work remains.
    bool step(double budget_ms);
    void cancel();
    // The store is about to be written (an import, clear, the demo): the export stops with a reason.
    void stop_for_writing();
    // A few rows are about to be marked: the rows to write are read to the end first.
    void finish_selecting() {
        if (job_) job_->finish_selecting();
    }

    const CsvExportJob* job() const { return job_.get(); }
    bool running() const { return job_ != nullptr; }
    const CsvExportOutcome& outcome() const { return outcome_; }
    // Increases with each slice, so the page redraws the progress bar.
    uint64_t steps() const { return steps_; }

private:
    void end_job();

    ActivityStore& store_;
    DownloadFactory downloads_;
    std::vector<std::string> visible_columns_;
    CsvExportChoices choices_;
    std::unique_ptr<CsvSink> sink_;
    std::unique_ptr<CsvExportJob> job_;
    CsvExportOutcome outcome_;
    uint64_t steps_ = 0;
};

// The log's default visible columns (app/field_layouts.h), as set_visible_columns() takes them.
std::vector<std::string> default_visible_columns();

} // namespace sightline
