// A streaming CSV (RFC 4180) record reader: text arrives in arbitrary chunks and complete
// records are handed out as soon as they end, keeping only the unfinished tail in memory.
// Written here rather than taken from a library because it must stream chunk by chunk and
// stay lenient enough for Defender's unquoted-comma rows (repaired later, by field count).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

struct CsvRecord {
    std::span<const std::string_view> fields; // unquoted values
    std::string_view text;                    // the record as written, without its line break
    int64_t line = 0;                         // 1-based line where the record starts
    int64_t byte_offset = 0;                  // offset of its first byte in the text fed
    bool unterminated_quote = false;          // input ended inside quotes; the quote was read as text
};

class CsvReader {
public:
    using RecordHandler = std::function<void(const CsvRecord&)>;

    explicit CsvReader(RecordHandler on_record, char delimiter = ',');

    void feed(std::string_view text);
    void finish(); // a last record without a line break, or cut inside quotes, is still handed out
    // Columns nobody reads (true at their index): in a record with exactly as many fields as
    // `columns`, those fields are handed out as they are in the file, quotes and doubled quotes
    // left in, without the work of unescaping them (a Defender export's JSON "Raw data" column
    // was a third of the CSV reading time). Records of another width get every field unescaped.
    void leave_escaped(std::vector<bool> columns) { leave_escaped_ = std::move(columns); }

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted, AfterCR };
    struct FieldSpan {
        size_t begin = 0, end = 0; // raw span in the buffer, quotes included
        bool quoted = false;
    };

    void parse(std::string_view data);
    size_t next_quote(const char* p, size_t i, size_t n);
    void end_field(size_t end);
    void end_record(std::string_view data, size_t end, bool unterminated);
    void keep_tail(std::string_view data, bool data_is_buffer);

    RecordHandler on_record_;
    char delimiter_;
    std::string buffer_;           // the unfinished record carried over between chunks
    State state_ = State::FieldStart;
    size_t pos_ = 0;               // scan position in the current data
    size_t record_start_ = 0;
    size_t field_start_ = 0;
    bool field_quoted_ = false;
    std::vector<FieldSpan> spans_;
    std::vector<std::string_view> values_;
    std::vector<std::string> unescaped_;
    std::vector<bool> leave_escaped_;
    int64_t line_ = 1;             // line at the scan position
    int64_t record_line_ = 1;
    int64_t field_line_ = 1;
    bool recovering_quote_ = false; // re-reading an unclosed quoted field as plain text
    int64_t data_offset_ = 0;      // text offset of data[0]
    bool record_open_ = false;
};

} // namespace sightline
