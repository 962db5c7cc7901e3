// One import as the page, sightline-cli and the tests drive it: a state machine (its states are
// import/import_state.h's one enum) that makes every decision of an import. Which format a file is
// in (by content, FileImporter), whether it is read by the parse worker or on this thread, when the
// analyst is asked for a column mapping and what is remembered from the answer, taking a file
// back from the worker, whether the batch replaces the demo data, cancel and rollback, and the
// reports. Whoever drives it only moves bytes (chunks in, the worker's output in) and does what
// each answer says:
//
//   begin -> FileDone
//   begin_file -> ReadingHere | ReadingInWorker
//   ReadingHere:      feed ... end_file; WaitingForMapping until the analyst answers
//                     (confirm -> ReadingHere or FileDone, skip -> FileDone)
//   ReadingInWorker:  add_parsed(the worker's output) ... -> FileDone with the file's report, or
//                     HandedBack (no known format, or worker_failed before a row was stored):
//                     the file is begun here, to be fed from its first byte -> ReadingHere
//   FileDone:         begin_file (the next) or finish -> Finished
//   any state:        cancel (or a cancel requested, taken at the next step) -> Cancelled;
//                     an error -> Failed. Both roll the batch back: the data is as it was.
#pragma once

#include "app/import_job.h"
#include "app/mapping_prompt.h"
#include "import/column_mapping_memory.h"
#include "import/import_state.h"
#include "store/activity_store.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// What the session tells the model that holds it (app/app_model.h).
class ImportSessionListener {
public:
    virtual ~ImportSessionListener() = default;
    // The data shown is the demo: the first import replaces it.
    virtual bool showing_demo_data() const = 0;
    // The batch's transaction is about to open: nothing may read the store meanwhile.
    virtual void import_starting() = 0;
    // The batch committed (the data changed; `replaced_demo`: the demo is gone) or rolled back.
    virtual void import_ended(bool committed, bool replaced_demo) = 0;
    // The mapping dialog opened or closed, or its mapping changed: redraw.
    virtual void mapping_prompt_changed() = 0;
    // A confirmed mapping was remembered: the settings to keep changed.
    virtual void mapping_remembered() = 0;
};

struct ImportFileOptions {
    ColumnMapping mapping;         // load()'s mapping: read as a plain table with it
    bool ask_for_mapping = false;  // the analyst opened the file: a file in no known format asks
    uint32_t kept_source = 0;      // where the file's chunks are kept (store/kept_sources.h), 0: none
    bool worker_available = false; // a parse worker could read this file
};

class ImportSession {
public:
    using Clock = ParsedFileReplay::Clock;

    ImportSession(ActivityStore& store, ImportSessionListener& listener);

    ImportState state() const { return state_; }
    // A batch is open (its transaction too): from begin until it finished, was cancelled or failed.
    bool running() const { return job_ != nullptr; }

    // --- steps: each answers the state after it; once the batch has ended, they change nothing --
    // Throws std::logic_error while a batch is running.
    ImportState begin(int file_count, int64_t bytes_total);
    ImportState begin_file(std::string name, ImportFileOptions options = {});
    ImportState feed(std::span<const uint8_t> chunk);
    ImportState end_file();
    // The parse worker's output for the file (import/parse_worker_protocol.h), stored until
    // `deadline`: `used` bytes of it, whole entries; the caller passes the rest again.
    struct Stored {
        ImportState state;
        size_t used;
    };
    Stored add_parsed(std::span<const uint8_t> rows, Clock::time_point deadline = Clock::time_point::max());
    // The worker stopped on the file: handed back when nothing of it was stored, else Failed.
    ImportState worker_failed(std::string_view message);
    // Takes a requested cancel; otherwise the state as it is.
    ImportState poll();
    ImportState finish();
    ImportState cancel();
    // Ends the batch with an error the driver met (a file it could not read, say).
    ImportState fail(std::string message);
    // From the UI, in the middle of a step: taken at the next one.
    void request_cancel();
    bool cancel_requested() const { return cancel_requested_; }

    // --- the column-mapping dialog, open while the state is WaitingForMapping ------------------
    // Each returns an error message, empty on success, and changes nothing on failure.
    const MappingPrompt* mapping_prompt() const { return prompt_ ? &*prompt_ : nullptr; }
    std::string set_mapping_column(std::string_view field, std::string_view column);
    // Imports the file with the prompt's mapping and remembers it for files with this header.
    std::string confirm_mapping();
    // Imports nothing of this file; the import goes on with the next one.
    std::string skip_mapping_file();
    const ColumnMappingMemory& remembered_mappings() const { return remembered_; }
    // Restores remembered mappings from storage; returns what could not be restored, if anything.
    std::string restore_remembered_mappings(std::string_view json);
    // A settings import's mappings (app/settings_transfer.h): in place of these, or merged.
    void import_remembered_mappings(const ColumnMappingMemory& imported, bool replace);

    // --- what the UI draws and the driver returns -----------------------------------------------
    const ImportJob* job() const { return job_.get(); }
    // The last batch that finished: its files' reports, and whether it replaced the demo.
    const std::vector<FileImportReport>& last_reports() const { return last_reports_; }
    bool last_replaced_demo() const { return last_replaced_demo_; }
    // The reports of the files of the running batch read so far.
    const std::vector<FileImportReport>* batch_reports() const { return job_ ? &job_->reports() : nullptr; }
    const std::string& error() const { return error_; }
    // The ended batch as load() answers it: the reports, or {"error", "cancelled"}.
    std::string result_json() const;

private:
    template <typename Step>
    ImportState step(Step step);
    ImportState reading_state();
    void begin_here();
    void hand_back();
    void sync_prompt();
    void close_batch(bool committed);

    ActivityStore& store_;
    ImportSessionListener& listener_;
    ImportState state_ = ImportState::Idle;
    std::unique_ptr<ImportJob> job_;
    bool cancel_requested_ = false;
    std::optional<MappingPrompt> prompt_;
    ColumnMappingMemory remembered_;
    // The file being read, as begun: a file the worker hands back is begun again with it.
    std::string file_name_;
    ImportFileOptions file_options_;
    bool in_worker_ = false;
    bool just_handed_back_ = false; // HandedBack until the first chunk is fed here
    std::vector<FileImportReport> last_reports_;
    bool last_replaced_demo_ = false;
    std::string error_;
};

} // namespace sightline
