// Finds the records of a JSON export in text that arrives in arbitrary chunks: the objects of a
// top-level array, of a `{"data": [...]}` / `{"value": [...]}` page, or top-level objects one
// after another (JSON Lines). Each complete record's text is handed out for rapidjson to parse.
// rapidjson's SAX Reader cannot pause mid-document to wait for the browser's next File.slice(),
// so this small bracket scanner does the streaming and rapidjson parses one record at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace sightline {

struct JsonRecordText {
    std::string_view text;
    int64_t line = 0;        // 1-based line where the record starts
    int64_t byte_offset = 0; // offset of its first byte in the text fed
};

class JsonRecordScanner {
public:
    using RecordHandler = std::function<void(const JsonRecordText&)>;
    // `lost_record`: a record was dropped (cut off or broken), not just noted.
    using IssueHandler = std::function<void(int64_t line, int64_t byte_offset, bool lost_record, std::string message)>;

    JsonRecordScanner(RecordHandler on_record, IssueHandler on_issue);

    void feed(std::string_view text);
    void finish(); // reports a document cut off inside a record (that record is dropped)

private:
    void parse(std::string_view data);
    void structural(std::string_view data, size_t i);
    void close_bracket(std::string_view data, size_t i);
    void abandon_line_record(size_t newline);
    void keep_tail(std::string_view data, bool data_is_buffer);
    int64_t offset_of(size_t i) const { return data_offset_ + static_cast<int64_t>(i); }

    static constexpr size_t kNone = static_cast<size_t>(-1);

    RecordHandler on_record_;
    IssueHandler on_issue_;
    std::string buffer_;
    size_t pos_ = 0;
    int64_t data_offset_ = 0;
    int64_t line_ = 1;
    int depth_ = 0;
    bool in_string_ = false, escaped_ = false, skipping_line_ = false;
    int record_depth_ = 1;          // depth at which a record's '{' opens (1: top-level array)
    size_t record_start_ = kNone;   // start of the open record (or of a top-level object)
    int64_t record_line_ = 0;
    bool in_wrapper_ = false;       // inside a top-level object
    bool wrapper_has_records_ = false; // ... that turned out to be a {"data": [...]} page
    size_t key_start_ = kNone;      // string at depth 1 of a top-level object: the last key
    std::string last_string_, last_key_;
    int64_t records_ = 0;
    bool json_lines_ = false;       // one record per line: a line break ends a broken record
};

} // namespace sightline
