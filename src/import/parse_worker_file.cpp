#include "import/parse_worker_file.h"

#include <exception>
#include <stdexcept>

namespace sightline {

ParseWorkerFile::ParseWorkerFile(std::string name, uint32_t kept_source) {
    ImportOptions options;
    options.kept_source = kept_source;
    // Its column mapping would need the analyst and the remembered mappings, which live on the page.
    options.stop_at_unknown_format = true;
    file_ = std::make_unique<FileImporter>(std::move(name), rows_, std::move(options));
}

template <typename Step>
ImportState ParseWorkerFile::guarded(Step step) {
    try {
        if (!file_) throw std::logic_error("the parse worker's file has ended");
        return step();
    } catch (const std::exception& e) {
        error_ = e.what();
    } catch (...) {
        error_ = "unknown error";
    }
    file_.reset();
    return ImportState::Failed;
}

ImportState ParseWorkerFile::feed(std::span<const uint8_t> chunk) {
    return guarded([&] {
        // The chunk's bytes count as read before its rows, which the page stores in several
        // slices when they are many: its progress bar moves as the rows start to arrive.
        rows_.add_progress(file_->report().bytes + static_cast<int64_t>(chunk.size()));
        file_->feed(chunk);
        if (!file_->stopped_at_unknown_format()) return ImportState::ReadingInWorker;
        rows_.add_handed_back();
        file_.reset();
        return ImportState::HandedBack;
    });
}

ImportState ParseWorkerFile::finish() {
    return guarded([&] {
        file_->finish();
        if (file_->stopped_at_unknown_format()) {
            rows_.add_handed_back();
        } else {
            rows_.add_report(file_->report());
        }
        const bool handed_back = file_->stopped_at_unknown_format();
        file_.reset();
        return handed_back ? ImportState::HandedBack : ImportState::FileDone;
    });
}

} // namespace sightline
