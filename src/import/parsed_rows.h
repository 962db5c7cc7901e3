// Activities read in one thread and stored in another. The page's parse worker runs a
// FileImporter into a ParsedRowsEncoder and posts the bytes to the page's thread, which hands
// them to ParsedFileReplay (app/parsed_file_replay.h): the parsing, decoding and mapping of a
// file (about 40% of an import) run beside the inserts instead of before them.
//
// The framing (its tags and what follows each) is the parse worker's protocol,
// import/parse_worker_protocol.h.
#pragma once

#include "import/import_report.h"
#include "import/parse_worker_protocol.h"
#include "model/activity.h"
#include "model/activity_fields.h"
#include "store/activity_sink.h"
#include "store/raw_records.h"
#include "store/texts_beside_record.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sightline {

class ParsedRowsEncoder : public ActivitySink {
public:
    // Every row counts as new here: the store counts duplicates when it replays them.
    bool insert(const Activity& activity, std::string_view raw, std::optional<KeptAt> raw_kept) override;
    // The page's thread holds the file's source itself (ParsedFileReplay).
    void hold_source(uint32_t) override {}
    // How far into the file the importer has read, for the progress bar.
    void add_progress(int64_t bytes_read);
    // The file's report, after its last row.
    void add_report(const FileImportReport& report);
    // The file is in no known format: the page reads it (nothing of it was encoded).
    void add_handed_back();

    const std::string& bytes() const { return out_; }
    void clear() { out_.clear(); }

private:
    std::string out_;
};

class ParsedRowsDecoder {
public:
    enum class Entry { Row, Progress, Report, HandedBack, End };
    // `bytes` must outlive the decoder: rows point into them.
    explicit ParsedRowsDecoder(std::span<const uint8_t> bytes) : in_(bytes) {}
    // Reads the next entry. Throws std::runtime_error on bytes no encoder wrote.
    Entry next();
    // Bytes read so far: the end of the last entry.
    size_t position() const { return at_; }
    // The last Row: the activity, and its record as the store takes it (views into the bytes,
    // valid until the next call).
    const ActivityFields& activity() const { return activity_; }
    const RawRecordIn& raw() const { return raw_; }
    // The last Progress, and the last Report.
    int64_t bytes_read() const { return bytes_read_; }
    const FileImportReport& report() const { return report_; }

private:
    void read_row();
    void read_report();

    uint8_t u8();
    template <typename Int> Int read_int();
    std::string_view text();
    TextList list(std::vector<std::string_view>& storage);

    std::span<const uint8_t> in_;
    size_t at_ = 0;
    ActivityFields activity_;
    std::vector<std::string_view> lists_[kImportedListCount]; // the list fields' values, reused from row to row
    RawRecordIn raw_;
    std::string_view extra_texts_[std::size(TextsBesideRecord{}.texts)];
    int64_t bytes_read_ = 0;
    FileImportReport report_;
};

} // namespace sightline
