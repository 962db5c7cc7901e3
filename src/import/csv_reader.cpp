#include "import/csv_reader.h"

#include "util/byte_scan.h"

#include <algorithm>
#include <cstring>

namespace sightline {
namespace {

// The value of a field from its raw text: quotes removed, doubled quotes undone. Text after a
// closing quote (`"a"b`) is kept rather than dropped, since exports do write such fields.
std::string_view field_value(std::string_view raw, bool quoted, std::string& scratch) {
    if (!quoted) return raw;
    if (raw.size() >= 2 && raw.back() == '"' && raw.find('"', 1) == raw.size() - 1)
        return raw.substr(1, raw.size() - 2);
    // Eight bytes at a time between quotes: a JSON column has a doubled quote every few bytes,
    // and copying each run with a call of its own was a tenth of the CSV reading time in wasm.
    using namespace byte_scan;
    constexpr uint64_t kQuotes = repeated('"');
    scratch.resize(raw.size() + 8); // room for the last word's full store
    const char* in = raw.data();
    char* out = scratch.data();
    size_t i = 1, o = 0;
    const size_t n = raw.size();
    while (i < n) {
        if (i + 8 <= n) {
            const uint64_t word = load8(in + i);
            store8(out + o, word);
            const uint64_t quotes = equal_bytes(word, kQuotes);
            if (!quotes) {
                i += 8;
                o += 8;
                continue;
            }
            const size_t k = first_marked(quotes);
            i += k;
            o += k;
        } else if (in[i] != '"') {
            out[o++] = in[i++];
            continue;
        }
        // in[i] is a quote: a doubled one stands for one, a lone one is dropped.
        if (i + 1 < n && in[i + 1] == '"') {
            out[o++] = '"';
            i += 2;
        } else {
            i += 1;
        }
    }
    return std::string_view(scratch.data(), o);
}

} // namespace

CsvReader::CsvReader(RecordHandler on_record, char delimiter)
    : on_record_(std::move(on_record)), delimiter_(delimiter) {}

void CsvReader::feed(std::string_view text) {
    if (buffer_.empty()) { // the common case: parse the chunk where it is, copy only the tail
        parse(text);
        keep_tail(text, false);
    } else {
        buffer_.append(text);
        parse(buffer_);
        keep_tail(buffer_, true);
    }
}

void CsvReader::finish() {
    std::string_view data = buffer_;
    parse(data);
    if (state_ == State::Quoted) {
        // The input ended inside quotes: most likely a stray quote, which swallowed every line
        // after it. Read that quote as an ordinary character so those lines become records again.
        recovering_quote_ = true;
        pos_ = field_start_ + 1;
        line_ = field_line_;
        state_ = State::Unquoted;
        parse(data);
    }
    if (record_open_) {
        const bool unterminated = state_ == State::Quoted || recovering_quote_;
        end_field(data.size());
        end_record(data, data.size(), unterminated);
    }
    buffer_.clear();
    recovering_quote_ = false;
    state_ = State::FieldStart;
    record_open_ = false;
    pos_ = 0;
}

void CsvReader::parse(std::string_view data) {
    const char* p = data.data();
    const size_t n = data.size();
    size_t i = pos_;
    while (i < n) {
        switch (state_) {
        case State::AfterCR:
            if (p[i] == '\n') ++i; // CRLF: the CR already ended the record
            state_ = State::FieldStart;
            break;
        case State::FieldStart:
            if (!record_open_) {
                record_open_ = true;
                record_start_ = i;
                record_line_ = line_;
            }
            field_start_ = i;
            field_line_ = line_;
            field_quoted_ = p[i] == '"';
            if (field_quoted_) ++i;
            state_ = field_quoted_ ? State::Quoted : State::Unquoted;
            break;
        case State::Unquoted: {
            i = byte_scan::find_any(p, i, n, delimiter_, '\r', '\n');
            if (i >= n) break;
            const char c = p[i];
            end_field(i);
            if (c == delimiter_) {
                state_ = State::FieldStart;
            } else {
                ++line_;
                end_record(data, i, false);
                state_ = c == '\r' ? State::AfterCR : State::FieldStart;
            }
            ++i;
            break;
        }
        case State::Quoted: {
            const size_t stop = next_quote(p, i, n);
            i = stop;
            if (stop < n) {
                ++i;
                state_ = State::QuoteInQuoted;
            }
            break;
        }
        case State::QuoteInQuoted:
            if (p[i] == '"') { // a doubled quote inside the value
                ++i;
                state_ = State::Quoted;
            } else { // closing quote: the delimiter, line break or stray text is handled as unquoted
                state_ = State::Unquoted;
            }
            break;
        }
    }
    pos_ = i;
}

// Position of the next quote in p[i, n) (or n), counting the line breaks passed on the way.
size_t CsvReader::next_quote(const char* p, size_t i, size_t n) {
    using namespace byte_scan;
    constexpr uint64_t kQuotes = repeated('"');
    constexpr uint64_t kBreaks = repeated('\n');
    for (; i + 8 <= n; i += 8) {
        const uint64_t word = load8(p + i);
        const uint64_t quotes = equal_bytes(word, kQuotes);
        const uint64_t breaks = equal_bytes(word, kBreaks);
        if (quotes) {
            const size_t k = first_marked(quotes);
            line_ += std::popcount(marks_before(breaks, k));
            return i + k;
        }
        line_ += std::popcount(breaks);
    }
    for (; i < n && p[i] != '"'; ++i) line_ += p[i] == '\n';
    return i;
}

void CsvReader::end_field(size_t end) { spans_.push_back({field_start_, end, field_quoted_}); }

void CsvReader::end_record(std::string_view data, size_t end, bool unterminated) {
    if (unescaped_.size() < spans_.size()) unescaped_.resize(spans_.size());
    values_.clear();
    const bool may_leave = spans_.size() == leave_escaped_.size();
    for (size_t f = 0; f < spans_.size(); ++f) {
        const FieldSpan& s = spans_[f];
        const std::string_view text = data.substr(s.begin, s.end - s.begin);
        values_.push_back(may_leave && leave_escaped_[f] ? text : field_value(text, s.quoted, unescaped_[f]));
    }
    CsvRecord record;
    record.fields = values_;
    record.text = data.substr(record_start_, end - record_start_);
    record.line = record_line_;
    record.byte_offset = data_offset_ + static_cast<int64_t>(record_start_);
    record.unterminated_quote = unterminated || recovering_quote_;
    recovering_quote_ = false;
    spans_.clear();
    record_open_ = false;
    on_record_(record);
}

void CsvReader::keep_tail(std::string_view data, bool data_is_buffer) {
    const size_t keep_from = record_open_ ? record_start_ : pos_;
    if (data_is_buffer) buffer_.erase(0, keep_from);
    else buffer_.assign(data.substr(keep_from));
    data_offset_ += static_cast<int64_t>(keep_from);
    pos_ -= keep_from;
    record_start_ -= std::min(record_start_, keep_from);
    field_start_ -= std::min(field_start_, keep_from);
    for (FieldSpan& s : spans_) {
        s.begin -= keep_from;
        s.end -= keep_from;
    }
}

} // namespace sightline
