#include "import/json_record_scanner.h"

#include <algorithm>

namespace sightline {

JsonRecordScanner::JsonRecordScanner(RecordHandler on_record, IssueHandler on_issue)
    : on_record_(std::move(on_record)), on_issue_(std::move(on_issue)) {}

void JsonRecordScanner::feed(std::string_view text) {
    if (buffer_.empty()) {
        parse(text);
        keep_tail(text, false);
    } else {
        buffer_.append(text);
        parse(buffer_);
        keep_tail(buffer_, true);
    }
}

void JsonRecordScanner::finish() {
    parse(buffer_);
    const int64_t end = offset_of(buffer_.size());
    if (record_start_ != kNone) {
        on_issue_(record_line_, offset_of(record_start_), true,
                  "JSON cut off at byte " + std::to_string(end) + " inside a record starting at byte " +
                      std::to_string(offset_of(record_start_)) + ": that record was dropped, the " +
                      std::to_string(records_) + " complete records before it were kept");
    } else if (depth_ > 0) {
        on_issue_(line_, end, false, "JSON ends at byte " + std::to_string(end) + " before its closing bracket (file cut off?); the " +
                                  std::to_string(records_) + " complete records were kept");
    }
    buffer_.clear();
    pos_ = 0;
}

void JsonRecordScanner::parse(std::string_view data) {
    const char* p = data.data();
    const size_t n = data.size();
    size_t i = pos_;
    while (i < n) {
        if (skipping_line_) { // resynchronising after junk between records
            const size_t nl = data.find('\n', i);
            if (nl == std::string_view::npos) { i = n; break; }
            skipping_line_ = false;
            i = nl;
            continue;
        }
        if (in_string_) {
            while (i < n) {
                const char c = p[i];
                if (escaped_) escaped_ = false;
                else if (c == '\\') escaped_ = true;
                else if (c == '"') break;
                else if (c == '\n') {
                    if (json_lines_) break;
                    ++line_;
                }
                ++i;
            }
            if (i >= n) break;
            if (p[i] == '\n') { // JSON Lines: a record never spans lines
                abandon_line_record(i);
                continue;
            }
            in_string_ = false;
            if (key_start_ != kNone) {
                // Only short strings can be the "data"/"value" keys that matter here.
                if (i - key_start_ <= 16) last_string_.assign(p + key_start_, i - key_start_);
                else last_string_.clear();
                key_start_ = kNone;
            }
            ++i;
            continue;
        }
        structural(data, i);
        ++i;
    }
    pos_ = i;
}

void JsonRecordScanner::structural(std::string_view data, size_t i) {
    const char c = data[i];
    switch (c) {
    case '\n':
        if (json_lines_ && depth_ > 0) return abandon_line_record(i);
        ++line_;
        return;
    case ' ': case '\t': case '\r': case ',': return;
    case '"':
        in_string_ = true;
        if (in_wrapper_ && depth_ == 1) key_start_ = i + 1;
        return;
    case ':':
        if (in_wrapper_ && depth_ == 1) last_key_ = last_string_;
        return;
    case '{': case '[':
        if (depth_ == 0 && c == '{') { // a top-level object: a record, or a page wrapping records
            in_wrapper_ = true;
            wrapper_has_records_ = false;
            record_start_ = i;
            record_line_ = line_;
        } else if (c == '[' && in_wrapper_ && depth_ == 1 && (last_key_ == "data" || last_key_ == "value")) {
            wrapper_has_records_ = true; // the page's own fields are not a record
            record_start_ = kNone;
            record_depth_ = 2;
        } else if (c == '{' && record_start_ == kNone && depth_ == record_depth_) {
            record_start_ = i;
            record_line_ = line_;
        }
        if (depth_ == 0 && c == '[') record_depth_ = 1;
        ++depth_;
        return;
    case '}': case ']':
        close_bracket(data, i);
        return;
    default:
        if (depth_ == 0) {
            on_issue_(line_, offset_of(i), false, std::string("unexpected text '") + c + "' between JSON records: skipped to the next line");
            skipping_line_ = true;
        }
        return;
    }
}

void JsonRecordScanner::close_bracket(std::string_view data, size_t i) {
    if (depth_ == 0) {
        on_issue_(line_, offset_of(i), false, std::string("unmatched '") + data[i] + "' in JSON: skipped to the next line");
        skipping_line_ = true;
        return;
    }
    --depth_;
    const int closing_depth = in_wrapper_ && !wrapper_has_records_ ? 0 : record_depth_;
    const bool closes_record = record_start_ != kNone && depth_ == closing_depth;
    if (closes_record) {
        JsonRecordText record{data.substr(record_start_, i + 1 - record_start_), record_line_, offset_of(record_start_)};
        record_start_ = kNone;
        ++records_;
        // One complete object on one line at the top level: the file is JSON Lines.
        if (depth_ == 0 && !wrapper_has_records_ && record_line_ == line_) json_lines_ = true;
        on_record_(record);
    }
    if (depth_ == 0) {
        in_wrapper_ = false;
        last_key_.clear();
        record_depth_ = 1;
    }
}

void JsonRecordScanner::abandon_line_record(size_t newline) {
    const int64_t line = record_start_ != kNone ? record_line_ : line_;
    const int64_t offset = record_start_ != kNone ? offset_of(record_start_) : offset_of(newline);
    on_issue_(line, offset, true, "incomplete JSON record on line " + std::to_string(line) + " (JSON Lines): skipped");
    depth_ = 0;
    in_string_ = escaped_ = in_wrapper_ = wrapper_has_records_ = false;
    record_start_ = key_start_ = kNone;
    record_depth_ = 1;
    last_key_.clear();
    ++line_;
}

void JsonRecordScanner::keep_tail(std::string_view data, bool data_is_buffer) {
    size_t keep_from = record_start_ != kNone ? record_start_ : pos_;
    if (key_start_ != kNone) keep_from = std::min(keep_from, key_start_);
    if (data_is_buffer) buffer_.erase(0, keep_from);
    else buffer_.assign(data.substr(keep_from));
    data_offset_ += static_cast<int64_t>(keep_from);
    pos_ -= keep_from;
    if (record_start_ != kNone) record_start_ -= keep_from;
    if (key_start_ != kNone) key_start_ -= keep_from;
}

} // namespace sightline
