#include "app/import_session.h"

#include "import/import_report_json.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <exception>
#include <stdexcept>

namespace sightline {

ImportSession::ImportSession(ActivityStore& store, ImportSessionListener& listener)
    : store_(store), listener_(listener) {}

ImportState ImportSession::begin(int file_count, int64_t bytes_total) {
    if (job_) throw std::logic_error("an import is already running");
    cancel_requested_ = false;
    error_.clear();
    in_worker_ = false;
    just_handed_back_ = false;
    listener_.import_starting();
    try {
        // The demo is replaced by the first import of the analyst's own files (ImportJob).
        job_ = std::make_unique<ImportJob>(store_, file_count, bytes_total, listener_.showing_demo_data());
    } catch (const std::exception& e) {
        listener_.import_ended(false, false); // what import_starting() stopped starts again
        return fail(e.what());
    }
    return state_ = ImportState::FileDone;
}

// Runs a step of the open batch: a requested cancel comes first, an exception (the store's,
// bytes no encoder wrote) fails the batch, and the answer is read from the job afterwards.
template <typename Step>
ImportState ImportSession::step(Step step) {
    if (!job_) return state_;
    if (cancel_requested_) return cancel();
    try {
        step();
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    sync_prompt();
    return state_ = reading_state();
}

ImportState ImportSession::reading_state() {
    if (prompt_) return ImportState::WaitingForMapping;
    if (just_handed_back_) return ImportState::HandedBack;
    if (!job_->file_open()) {
        in_worker_ = false;
        return ImportState::FileDone;
    }
    return in_worker_ ? ImportState::ReadingInWorker : ImportState::ReadingHere;
}

ImportState ImportSession::begin_file(std::string name, ImportFileOptions options) {
    return step([&] {
        file_name_ = std::move(name);
        file_options_ = std::move(options);
        just_handed_back_ = false;
        // A given mapping is this thread's to apply; the worker reads known formats only and
        // hands back a file that needs a mapping (hand_back()).
        in_worker_ = file_options_.worker_available && file_options_.mapping.empty();
        if (in_worker_) job_->begin_parsed_file(file_name_, file_options_.kept_source);
        else begin_here();
    });
}

void ImportSession::begin_here() {
    ImportOptions options;
    options.explicit_mapping = file_options_.mapping;
    options.remembered_mappings = &remembered_;
    options.ask_for_mapping = file_options_.ask_for_mapping;
    options.kept_source = file_options_.kept_source;
    job_->begin_file(file_name_, std::move(options));
}

// Nothing of the file was stored: it is read again here, from its first byte (the page replays
// the chunks it kept), with the mapping dialog and the remembered mappings of this thread.
void ImportSession::hand_back() {
    in_worker_ = false;
    just_handed_back_ = true;
    begin_here(); // (ImportJob drops the parsed file, checking that it stored nothing)
}

ImportState ImportSession::feed(std::span<const uint8_t> chunk) {
    return step([&] {
        if (in_worker_) throw std::logic_error(file_name_ + ": fed on this thread while the parse worker reads it");
        just_handed_back_ = false;
        job_->feed(chunk);
    });
}

ImportState ImportSession::end_file() {
    return step([&] {
        if (in_worker_) throw std::logic_error(file_name_ + ": the parse worker's report ends the file");
        job_->end_file();
    });
}

ImportSession::Stored ImportSession::add_parsed(std::span<const uint8_t> rows, Clock::time_point deadline) {
    size_t used = rows.size();
    const ImportState state = step([&] {
        if (!in_worker_) throw std::logic_error(file_name_ + ": rows from a parse worker that is not reading it");
        used = job_->add_parsed(rows, deadline);
        if (job_->parsed_file_handed_back()) hand_back();
    });
    return {state, used};
}

ImportState ImportSession::worker_failed(std::string_view message) {
    return step([&] {
        if (!in_worker_) return; // a late message about a file already taken back
        if (job_->parsed_file_rows_stored() == 0) return hand_back();
        throw std::runtime_error(file_name_ + ": " + std::string(message));
    });
}

ImportState ImportSession::poll() {
    return step([] {});
}

ImportState ImportSession::finish() {
    if (!job_) return state_;
    if (cancel_requested_) return cancel();
    try {
        job_->commit();
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    last_reports_ = job_->reports();
    last_replaced_demo_ = job_->replaces_demo();
    close_batch(true);
    return state_ = ImportState::Finished;
}

ImportState ImportSession::cancel() {
    if (!job_) return state_;
    close_batch(false);
    return state_ = ImportState::Cancelled;
}

ImportState ImportSession::fail(std::string message) {
    error_ = std::move(message);
    if (job_) close_batch(false);
    return state_ = ImportState::Failed;
}

void ImportSession::request_cancel() {
    if (job_) cancel_requested_ = true;
}

// The job's writer rolls the batch back when it goes uncommitted.
void ImportSession::close_batch(bool committed) {
    job_.reset();
    const bool had_prompt = prompt_.has_value();
    prompt_.reset();
    cancel_requested_ = false;
    in_worker_ = false;
    just_handed_back_ = false;
    if (had_prompt) listener_.mapping_prompt_changed();
    listener_.import_ended(committed, committed && last_replaced_demo_);
}

// The dialog opens when the import starts waiting and closes when it stops.
void ImportSession::sync_prompt() {
    const MappingSample* question = job_ ? job_->mapping_question() : nullptr;
    if (question && !prompt_) prompt_.emplace(*question);
    else if (!question && prompt_) prompt_.reset();
    else return;
    listener_.mapping_prompt_changed();
}

std::string ImportSession::set_mapping_column(std::string_view field, std::string_view column) {
    if (!prompt_) return "no file is waiting for a column mapping";
    std::string error = prompt_->set_column(field, column);
    if (error.empty()) listener_.mapping_prompt_changed();
    return error;
}

std::string ImportSession::confirm_mapping() {
    if (!prompt_ || !job_) return "no file is waiting for a column mapping";
    if (!prompt_->preview().error.empty()) return prompt_->preview().error;
    const MappingSample sample = prompt_->sample();
    const ColumnMapping mapping = prompt_->mapping();
    std::string error;
    try {
        error = job_->answer_mapping(mapping); // stores the rows that waited
    } catch (const std::exception& e) {
        fail(e.what());
        return error_;
    }
    if (!error.empty()) return error;
    // Remembered at once, even if the batch is later cancelled: the mapping was the analyst's
    // answer for this header, whatever happens to the data.
    remembered_.remember(sample.columns, mapping, sample.file_name);
    listener_.mapping_remembered();
    sync_prompt();
    state_ = reading_state();
    return {};
}

std::string ImportSession::skip_mapping_file() {
    if (!prompt_ || !job_) return "no file is waiting for a column mapping";
    job_->skip_file("skipped in the column-mapping dialog: nothing of this file was imported");
    job_->end_file(); // the rest of it need not be read
    sync_prompt();
    state_ = reading_state();
    return {};
}

void ImportSession::import_remembered_mappings(const ColumnMappingMemory& imported, bool replace) {
    if (replace) remembered_ = imported;
    else remembered_.merge(imported);
}

std::string ImportSession::restore_remembered_mappings(std::string_view json) {
    ColumnMappingMemoryLoad loaded = ColumnMappingMemory::from_json(json);
    remembered_ = std::move(loaded.memory);
    return loaded.error;
}

namespace {

std::string error_json(const std::string& message, bool cancelled) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("error");
    w.String(message.c_str(), static_cast<rapidjson::SizeType>(message.size()));
    if (cancelled) {
        w.Key("cancelled");
        w.Bool(true);
    }
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace

std::string ImportSession::result_json() const {
    switch (state_) {
    case ImportState::Finished: return import_reports_to_json(last_reports_, store_.count(), last_replaced_demo_);
    case ImportState::Cancelled: return error_json("import cancelled; nothing was changed", true);
    case ImportState::Failed: return error_json(error_, false);
    default: return error_json("the import has not ended", false);
    }
}

} // namespace sightline
