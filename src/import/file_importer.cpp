#include "import/file_importer.h"

#include "import/activity_completion.h"
#include "import/column_mapping_memory.h"
#include "import/field_text.h"
#include "import/input_sniffing.h"
#include "import/json_values.h"
#include "import/table_formats.h"

#include <rapidjson/error/en.h>

#include <algorithm>

namespace sightline {
namespace {

constexpr size_t kSniffBytes = 4096;        // enough to see BOMs, magic numbers and NULs
constexpr size_t kSampleRows = 50;          // rows a guessed mapping looks at
constexpr size_t kPreviewRows = 20;         // rows the mapping dialog shows
constexpr size_t kMaxHeaderWait = 1 << 20;  // decide the CSV delimiter by then at the latest

std::span<const uint8_t> as_bytes(std::string_view text) {
    return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}

// Comma unless the header line clearly uses semicolons (European Excel) or tabs.
char guess_delimiter(std::string_view header_line) {
    size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (char c : header_line) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        commas += c == ',';
        semicolons += c == ';';
        tabs += c == '\t';
    }
    if (tabs > commas && tabs >= semicolons) return '\t';
    if (semicolons > commas) return ';';
    return ',';
}

bool is_blank_row(std::span<const std::string_view> fields) {
    return fields.size() == 1 && trim(fields[0]).empty();
}

} // namespace

FileImporter::FileImporter(std::string file_name, ActivitySink& sink, ImportOptions options)
    : file_name_(std::move(file_name)), sink_(sink), options_(std::move(options)) {
    report_.name = file_name_;
    if (options_.kept_source) sink_.hold_source(options_.kept_source);
}

FileImporter::~FileImporter() = default;

void FileImporter::feed(std::span<const uint8_t> chunk) {
    report_.bytes += static_cast<int64_t>(chunk.size());
    if (failed()) return;
    if (!sniffed_) {
        head_.append(reinterpret_cast<const char*>(chunk.data()), chunk.size());
        if (head_.size() >= kSniffBytes) sniff();
        return;
    }
    accept_text(decoder_->decode(chunk), false);
    note_decoder_problems();
}

void FileImporter::finish() {
    if (!failed() && !sniffed_) sniff();
    if (failed()) return;
    accept_text(decoder_->finish(), true);
    note_decoder_problems();
    if (failed()) return;
    if (syntax_ == Syntax::Undecided) return fail("file holds no data (only whitespace)");
    if (csv_) csv_->finish();
    if (json_) json_->finish();
    if (failed()) return;
    if (syntax_ == Syntax::Csv && !columns_) return fail("no header row found");
    input_ended_ = true;
    finish_table();
}

void FileImporter::finish_table() {
    if (columns_ && !table_format_ && !choose_table_format(true)) return; // failed, or asking the analyst
    if (syntax_ == Syntax::Json && !json_first_record_seen_) fail("no JSON records (objects) found");
}

void FileImporter::sniff() {
    sniffed_ = true;
    if (head_.empty()) return fail("empty file (0 bytes)");
    const std::string head = std::move(head_);
    head_.clear();
    const SniffResult sniffed = sniff_input(as_bytes(head));
    if (!sniffed.refusal.empty()) return fail(sniffed.refusal);
    bom_length_ = sniffed.bom_length;
    decoder_ = std::make_unique<TextDecoder>(sniffed.encoding);
    offsets_ = FileOffsets(*decoder_, sniffed.encoding, static_cast<int64_t>(bom_length_));
    accept_text(decoder_->decode(as_bytes(head).subspan(bom_length_)), false);
    note_decoder_problems();
}

void FileImporter::accept_text(std::string_view text, bool at_end) {
    if (failed()) return;
    if (syntax_ == Syntax::Undecided) {
        undecided_text_.append(text);
        choose_syntax(at_end);
        return;
    }
    if (csv_) csv_->feed(text);
    else json_->feed(text);
}

// JSON when the first non-blank character opens an object or array, else CSV.
void FileImporter::choose_syntax(bool at_end) {
    const size_t first = undecided_text_.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return;
    const char c = undecided_text_[first];
    if (c == '{' || c == '[') {
        syntax_ = Syntax::Json;
        json_ = std::make_unique<JsonRecordScanner>(
            [this](const JsonRecordText& record) { on_json_record(record); },
            [this](int64_t line, int64_t offset, bool lost_record, std::string message) {
                if (lost_record) ++report_.skipped;
                add_issue(line, offsets_.at(offset), std::move(message));
            });
    } else {
        const size_t line_end = undecided_text_.find('\n', first);
        if (line_end == std::string::npos && !at_end && undecided_text_.size() < kMaxHeaderWait) return;
        const char delimiter = guess_delimiter(std::string_view(undecided_text_).substr(first, line_end - first));
        syntax_ = Syntax::Csv;
        csv_ = std::make_unique<CsvReader>([this](const CsvRecord& record) { on_csv_record(record); }, delimiter);
    }
    const std::string text = std::move(undecided_text_);
    undecided_text_.clear();
    accept_text(text, at_end);
}

void FileImporter::note_decoder_problems() {
    if (invalid_text_noted_ || !decoder_ || !decoder_->saw_invalid()) return;
    invalid_text_noted_ = true;
    const int64_t offset = decoder_->first_invalid_offset() + static_cast<int64_t>(bom_length_);
    add_issue(decoder_->first_invalid_line(), offset,
              "invalid text encoding at byte " + std::to_string(offset) + " (line " +
                  std::to_string(decoder_->first_invalid_line()) +
                  "): invalid bytes replaced with U+FFFD (noted once per file)");
}

// --- CSV ------------------------------------------------------------------------------------

void FileImporter::on_csv_record(const CsvRecord& record) {
    if (failed()) return;
    const int64_t offset = offsets_.record(record.byte_offset, record.text);
    if (!columns_) {
        if (is_blank_row(record.fields)) return;
        std::vector<std::string> names;
        for (std::string_view f : record.fields) names.emplace_back(trim(f));
        set_table_header(std::move(names), TableSyntax::Csv);
        return;
    }
    on_table_row(record.fields, record.text, record.line, offset, record.unterminated_quote);
}

void FileImporter::set_table_header(std::vector<std::string> names, TableSyntax syntax) {
    columns_.emplace(std::move(names));
    table_syntax_ = syntax;
    choose_table_format(false);
}

// Known formats are recognised from the header; otherwise a mapping is guessed once enough
// sample rows (or the end of the file) have arrived. Rows seen meanwhile wait in pending_rows_.
bool FileImporter::choose_table_format(bool at_end) {
    if (mapping_sample_) return false; // the analyst has not answered yet
    if (!options_.explicit_mapping.empty()) {
        std::string why;
        table_format_ = make_mapped_table_format(*columns_, options_.explicit_mapping, table_syntax_, why);
        if (!table_format_) {
            fail("column mapping cannot be used: " + why);
            return false;
        }
        report_.mapping_source = "given";
        start_table_rows();
        return true;
    }
    table_format_ = detect_known_table_format(*columns_, table_syntax_);
    if (table_format_) {
        start_table_rows();
        return true;
    }
    if (!at_end && pending_rows_.size() < kSampleRows) return false;
    return choose_generic_format();
}

// A table in no known format: the mapping remembered for its header, else a guess; or, when
// the UI asked, either of them as the starting point of the analyst's choice.
bool FileImporter::choose_generic_format() {
    if (options_.stop_at_unknown_format) {
        stopped_at_unknown_format_ = true;
        return false;
    }
    std::optional<RememberedMapping> remembered;
    if (options_.remembered_mappings) remembered = options_.remembered_mappings->find(columns_->names());
    std::vector<std::vector<std::string>> samples;
    for (const PendingRow& row : pending_rows_) samples.push_back(row.fields);
    if (options_.ask_for_mapping) {
        if (remembered) ask_for_mapping(remembered->mapping, remembered->file_name);
        else ask_for_mapping(guess_column_mapping(*columns_, samples), "");
        return false;
    }
    std::string why;
    if (remembered) {
        table_format_ = make_mapped_table_format(*columns_, remembered->mapping, table_syntax_, why);
        report_.mapping_source = "remembered";
    }
    if (!table_format_) {
        table_format_ = make_guessed_table_format(*columns_, samples, table_syntax_, why);
        report_.mapping_source = "guessed";
    }
    if (!table_format_) {
        report_.mapping_source.clear();
        fail("unknown format: " + why);
        return false;
    }
    start_table_rows();
    return true;
}

void FileImporter::ask_for_mapping(ColumnMapping initial, std::string remembered_from) {
    MappingSample sample;
    sample.file_name = file_name_;
    sample.columns = columns_->names();
    for (size_t i = 0; i < pending_rows_.size() && i < kPreviewRows; ++i) sample.rows.push_back(pending_rows_[i].fields);
    sample.syntax = table_syntax_;
    sample.initial_mapping = std::move(initial);
    sample.remembered_from = std::move(remembered_from);
    mapping_sample_ = std::move(sample);
}

std::string FileImporter::use_mapping(const ColumnMapping& mapping) {
    if (!mapping_sample_) return "this file is not waiting for a column mapping";
    std::string why;
    std::unique_ptr<TableFormat> format = make_mapped_table_format(*columns_, mapping, table_syntax_, why);
    if (!format) return why;
    mapping_sample_.reset();
    table_format_ = std::move(format);
    report_.mapping_source = "chosen";
    start_table_rows();
    if (input_ended_) finish_table();
    return {};
}

void FileImporter::skip(std::string reason) {
    mapping_sample_.reset();
    pending_rows_.clear();
    skipped_ = true;
    fail(std::move(reason));
}

// The format is known: report it and map the rows that waited for it.
void FileImporter::start_table_rows() {
    report_.format = table_format_->name();
    if (csv_) leave_unread_columns_escaped();
    report_.mapping_json = table_format_->mapping_json();
    std::vector<PendingRow> waiting = std::move(pending_rows_);
    pending_rows_.clear();
    for (const PendingRow& row : waiting) {
        const std::vector<std::string_view> fields(row.fields.begin(), row.fields.end());
        map_table_row(fields, row.text, row.line, row.byte_offset, row.unterminated_quote);
        if (failed()) break;
    }
}

void FileImporter::leave_unread_columns_escaped() {
    const std::vector<int> read = table_format_->columns_read();
    if (read.empty()) return;
    std::vector<bool> unread(columns_->size(), true);
    for (int column : read)
        if (column >= 0 && static_cast<size_t>(column) < unread.size()) unread[static_cast<size_t>(column)] = false;
    csv_->leave_escaped(std::move(unread));
}

void FileImporter::on_table_row(std::span<const std::string_view> fields, std::string_view text, int64_t line,
                                int64_t byte_offset, bool unterminated_quote) {
    if (failed()) return;
    if (is_blank_row(fields) && !unterminated_quote) return;
    if (!table_format_) {
        pending_rows_.push_back({std::vector<std::string>(fields.begin(), fields.end()), std::string(text), line,
                                 byte_offset, unterminated_quote});
        if (pending_rows_.size() >= kSampleRows) choose_table_format(false);
        return;
    }
    map_table_row(fields, text, line, byte_offset, unterminated_quote);
}

void FileImporter::map_table_row(std::span<const std::string_view> fields, std::string_view text, int64_t line,
                                 int64_t byte_offset, bool unterminated_quote) {
    RecordOutcome outcome;
    row_fields_.assign(fields.begin(), fields.end());
    const size_t width = columns_->size();
    const size_t count = row_fields_.size();
    if (count > width && table_syntax_ == TableSyntax::Csv) {
        const bool only_empty_extras =
            std::all_of(row_fields_.begin() + static_cast<std::ptrdiff_t>(width), row_fields_.end(),
                        [](std::string_view f) { return trim(f).empty(); });
        if (table_format_->merge_surplus_fields(row_fields_, merge_storage_)) {
            outcome.repaired = true;
            outcome.note(std::to_string(count - width) + " unquoted comma(s) inside a value: the split fields were rejoined");
        } else if (only_empty_extras) {
            row_fields_.resize(width); // a trailing delimiter
        } else {
            outcome.repaired = true;
            outcome.note("row has " + std::to_string(count) + " fields, the header " + std::to_string(width) +
                         ": the extra fields were ignored");
            row_fields_.resize(width);
        }
    } else if (count < width && table_syntax_ == TableSyntax::Csv) {
        outcome.repaired = true;
        outcome.note("row has " + std::to_string(count) + " of " + std::to_string(width) +
                     " fields: the missing ones were left empty");
    }
    if (unterminated_quote) {
        outcome.repaired = true;
        outcome.note("a quote opened here is never closed (file cut off?): it was read as an ordinary character");
    }
    reset_activity(activity_);
    table_format_->map_row(row_fields_, activity_, outcome);
    store(outcome, text, line, byte_offset);
}

// --- JSON -----------------------------------------------------------------------------------

void FileImporter::on_json_record(const JsonRecordText& record) {
    if (failed()) return;
    const int64_t offset = offsets_.record(record.byte_offset, record.text);
    rapidjson::Document doc;
    doc.Parse(record.text.data(), record.text.size());
    if (doc.HasParseError() || !doc.IsObject()) {
        ++report_.skipped;
        const std::string reason = doc.HasParseError()
                                       ? std::string(rapidjson::GetParseError_En(doc.GetParseError())) + " at byte " +
                                             std::to_string(offsets_.in_record(record.text.substr(0, doc.GetErrorOffset())))
                                       : std::string("not an object");
        add_issue(record.line, offset, "invalid JSON record skipped: " + reason);
        return;
    }
    if (!json_first_record_seen_) {
        json_first_record_seen_ = true;
        if (options_.explicit_mapping.empty()) json_format_ = detect_json_record_format(doc);
        if (json_format_) {
            report_.format = json_format_->name();
        } else {
            std::vector<std::string> keys = json_object_keys(doc);
            for (size_t i = 0; i < keys.size(); ++i) json_column_of_.emplace(keys[i], static_cast<int>(i));
            set_table_header(std::move(keys), TableSyntax::Json);
            if (failed()) return;
        }
    }
    if (json_format_) {
        RecordOutcome outcome;
        reset_activity(activity_);
        json_format_->map_record(doc, activity_, outcome);
        store(outcome, record.text, record.line, offset);
        return;
    }
    flatten_json_record(doc);
    const std::vector<std::string_view> fields(json_values_.begin(), json_values_.end());
    on_table_row(fields, record.text, record.line, offset, false);
}

void FileImporter::flatten_json_record(const rapidjson::Value& record) {
    json_values_.assign(columns_->size(), std::string{});
    for (const auto& member : record.GetObject()) {
        auto it = json_column_of_.find(std::string(member.name.GetString(), member.name.GetStringLength()));
        if (it != json_column_of_.end()) json_values_[static_cast<size_t>(it->second)] = json_value_text(member.value);
    }
}

// --- results --------------------------------------------------------------------------------

void FileImporter::store(RecordOutcome& outcome, std::string_view raw, int64_t line, int64_t byte_offset) {
    if (outcome.skip) {
        ++report_.skipped;
        add_issue(line, byte_offset, "record skipped: " + outcome.message);
        return;
    }
    complete_activity(activity_, format_name(), file_name_, raw);
    // The original record is the record's text, unless the format found a raw column.
    const bool raw_is_record = activity_.raw.empty();
    std::optional<KeptAt> kept;
    if (raw_is_record && record_is_verbatim()) kept = KeptAt{options_.kept_source, static_cast<uint64_t>(byte_offset)};
    bool inserted = false;
    try {
        inserted = sink_.insert(activity_, raw_is_record ? raw : std::string_view(activity_.raw), kept);
    } catch (const std::exception& e) {
        return fail(std::string("could not store activities: ") + e.what());
    }
    ++(inserted ? report_.rows : report_.duplicates);
    if (outcome.repaired) ++report_.repaired;
    if (!outcome.message.empty()) add_issue(line, byte_offset, std::move(outcome.message));
}

// Whether the record just read lies in the file byte for byte, where the kept source has it:
// the text of a UTF-8 file in which the decoder has replaced nothing so far (it decodes ahead
// of the records, so a replacement later in the chunk already counts).
bool FileImporter::record_is_verbatim() const {
    return options_.kept_source && decoder_ && decoder_->encoding() == TextEncoding::Utf8 && !decoder_->saw_invalid();
}

void FileImporter::add_issue(int64_t line, int64_t byte_offset, std::string message) {
    ++report_.issue_count;
    if (report_.errors.size() < options_.max_reported_issues) report_.errors.push_back({line, byte_offset, std::move(message)});
}

void FileImporter::fail(std::string message) {
    if (failed()) return;
    if (report_.format.empty()) report_.format = "unknown";
    add_issue(0, 0, message);
    report_.fatal_error = std::move(message);
}

std::string_view FileImporter::format_name() const {
    if (table_format_) return table_format_->name();
    if (json_format_) return json_format_->name();
    return {};
}

} // namespace sightline
