#include "app/import_file_driver.h"

#include "import/parse_worker_file.h"

#include <optional>
#include <string>
#include <vector>

namespace sightline {
namespace {

std::span<const uint8_t> bytes_of(const std::string& s) { return {reinterpret_cast<const uint8_t*>(s.data()), s.size()}; }

class FileDrive {
public:
    FileDrive(ImportSession& session, FileDriveOptions& options) : session_(session), options_(options) {}

    FileDriveResult run(std::string name) {
        const uint32_t source = options_.kept ? options_.kept->open() : 0;
        source_ = source;
        ImportState state =
            session_.begin_file(name, {options_.mapping, options_.ask_for_mapping, source, options_.via_worker_protocol});
        bool in_worker = false;
        if (state == ImportState::ReadingInWorker) {
            state = read_in_worker(name);
            in_worker = state == ImportState::FileDone;
        }
        if (state == ImportState::HandedBack) state = read_here(true);
        else if (state == ImportState::ReadingHere) state = read_here(false);
        return {state, in_worker};
    }

private:
    // The next chunk of the file, kept; nullopt at its end.
    std::optional<std::string> next_chunk() {
        std::string chunk(options_.chunk_bytes, '\0');
        const size_t got = options_.read(std::span<uint8_t>(reinterpret_cast<uint8_t*>(chunk.data()), chunk.size()));
        if (got == 0) return std::nullopt;
        chunk.resize(got);
        if (options_.kept) options_.kept->append(source_, bytes_of(chunk));
        return chunk;
    }

    // The worker's output for a step, stored as the page stores it (all of it: no frames here).
    ImportState store(ParseWorkerFile& worker) {
        const auto rows = bytes_of(worker.rows());
        ImportState state = ImportState::ReadingInWorker;
        for (size_t done = 0; done < rows.size() && state == ImportState::ReadingInWorker;) {
            const ImportSession::Stored stored = session_.add_parsed(rows.subspan(done));
            state = stored.state;
            done += stored.used;
        }
        worker.clear_rows();
        return state;
    }

    ImportState read_in_worker(const std::string& name) {
        ParseWorkerFile worker(name, source_);
        for (;;) {
            std::optional<std::string> chunk = next_chunk();
            if (chunk) read_.push_back(*chunk);
            const ImportState step = chunk ? worker.feed(bytes_of(*chunk)) : worker.finish();
            if (step == ImportState::Failed) return session_.worker_failed(worker.error());
            const ImportState state = store(worker);
            if (state != ImportState::ReadingInWorker) return state; // FileDone, HandedBack, Cancelled, Failed
        }
    }

    ImportState read_here(bool replay) {
        ImportState state = ImportState::ReadingHere;
        size_t replayed = 0;
        for (;;) {
            std::optional<std::string> chunk;
            if (replay && replayed < read_.size()) chunk = std::move(read_[replayed++]);
            else chunk = next_chunk();
            if (!chunk) break;
            state = answered(session_.feed(bytes_of(*chunk)));
            if (state != ImportState::ReadingHere) break;
        }
        if (state == ImportState::ReadingHere) state = answered(session_.end_file());
        return state;
    }

    // Waits for the answer to a mapping question: here the caller's callback gives it at once.
    ImportState answered(ImportState state) {
        if (state != ImportState::WaitingForMapping) return state;
        if (options_.answer_mapping) options_.answer_mapping(session_);
        state = session_.poll();
        if (state == ImportState::WaitingForMapping) { // no answer (or one refused): the file is skipped
            session_.skip_mapping_file();
            state = session_.poll();
        }
        return state;
    }

    ImportSession& session_;
    FileDriveOptions& options_;
    uint32_t source_ = 0;
    std::vector<std::string> read_; // the chunks the worker read, fed here again if it hands the file back
};

} // namespace

FileDriveResult drive_file(ImportSession& session, std::string name, FileDriveOptions options) {
    return FileDrive(session, options).run(std::move(name));
}

} // namespace sightline
