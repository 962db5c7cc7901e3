// One import: a batch of files read in chunks into the store inside a single transaction.
// The page feeds chunks between frames, so the UI keeps drawing and shows progress; cancel
// rolls the whole batch back and leaves the data set exactly as it was before.
#pragma once

#include "app/parsed_file_replay.h"
#include "import/file_importer.h"
#include "store/activity_store.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace sightline {

struct ImportProgress {
    int file_index = 0;           // 0-based, of file_count
    int file_count = 0;
    std::string file_name;
    int64_t bytes_done = 0;       // over all files of the batch
    int64_t bytes_total = 0;      // 0 when unknown
    int64_t rows = 0;             // rows read so far in the batch
};

class ImportJob {
public:
    // `replace_demo`: the demo data is deleted when the batch commits (in its transaction,
    // so a cancel keeps it), not when it starts: until then the table keeps showing it.
    ImportJob(ActivityStore& store, int file_count, int64_t bytes_total, bool replace_demo);

    // Begins reading a file here. A parsed file (below) that was handed back unread, because the
    // worker found it in no known format, gives way to it: nothing of it was stored.
    void begin_file(std::string name, ImportOptions options = {});
    void feed(std::span<const uint8_t> chunk);
    // Ends the file, unless it waits for the analyst's mapping: then it ends once answered.
    void end_file();

    // A file that the page's parse worker reads (import/parsed_rows.h): its rows come encoded,
    // in any number of pieces, and its report last, which ends the file. add_parsed() stores
    // until `deadline` and returns the bytes it used (ParsedFileReplay::add).
    void begin_parsed_file(std::string name, uint32_t kept_source);
    size_t add_parsed(std::span<const uint8_t> bytes,
                      ParsedFileReplay::Clock::time_point deadline = ParsedFileReplay::Clock::time_point::max());

    // The current file's question to the analyst (ImportOptions::ask_for_mapping), or null.
    const MappingSample* mapping_question() const { return current_ ? current_->mapping_sample() : nullptr; }
    // The analyst's answers: go on with this mapping (an error changes nothing), or skip the file.
    std::string answer_mapping(const ColumnMapping& mapping);
    void skip_file(std::string reason);
    // A file is being read (either kind): its report is not in reports() yet.
    bool file_open() const { return current_ || parsed_; }
    // The parsed file being read: handed back by the worker, and the rows stored of it so far.
    bool parsed_file_handed_back() const { return parsed_ && parsed_->handed_back(); }
    int64_t parsed_file_rows_stored() const { return parsed_ ? parsed_->report().rows + parsed_->report().duplicates : 0; }
    // Makes the batch's rows part of the data set.
    void commit();

    const ImportProgress& progress() const { return progress_; }
    bool replaces_demo() const { return replace_demo_; }
    const std::vector<FileImportReport>& reports() const { return reports_; }

private:
    int64_t rows_in_finished_files() const;
    void update_progress();
    // Ends the file being read, either kind, before another begins or the batch commits.
    void end_open_file();
    void end_parsed_file();
    void file_done(const FileImportReport& report);

    ActivityStore& store_;
    ActivityWriter writer_;
    std::unique_ptr<FileImporter> current_;
    std::unique_ptr<ParsedFileReplay> parsed_;
    bool current_input_ended_ = false; // end_file() was called for current_
    std::vector<FileImportReport> reports_;
    ImportProgress progress_;
    int64_t bytes_before_current_ = 0;
    bool replace_demo_ = false;
};

} // namespace sightline
