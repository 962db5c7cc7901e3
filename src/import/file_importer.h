// Imports one file, fed in chunks of any size (the browser's File.slice() pieces or the CLI's
// reads), into an ActivityWriter: sniffs the encoding, tells CSV from JSON by content, detects
// the export format, maps each record to an activity and reports what happened.
// Only the unfinished tail of the input is kept between chunks.
#pragma once

#include "import/csv_reader.h"
#include "import/file_offsets.h"
#include "import/import_report.h"
#include "import/json_record_format.h"
#include "import/json_record_scanner.h"
#include "import/mapping_sample.h"
#include "import/table_format.h"
#include "import/text_decoder.h"
#include "store/activity_sink.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace sightline {

class FileImporter {
public:
    FileImporter(std::string file_name, ActivitySink& sink, ImportOptions options = {});
    ~FileImporter();
    FileImporter(const FileImporter&) = delete;
    FileImporter& operator=(const FileImporter&) = delete;

    void feed(std::span<const uint8_t> chunk); // arbitrary chunk boundaries
    void finish();                             // end of input
    const FileImportReport& report() const { return report_; }
    bool failed() const { return !report_.fatal_error.empty(); }

    // With ImportOptions::ask_for_mapping, a file in no known format stops here once its first
    // rows have arrived (or its end): rows fed meanwhile wait, unmapped, until the analyst
    // answers with use_mapping() or skip().
    const MappingSample* mapping_sample() const { return mapping_sample_ ? &*mapping_sample_ : nullptr; }
    // Maps the waiting rows and goes on; an error (a column the file lacks, no time) changes
    // nothing, and the question stays open.
    std::string use_mapping(const ColumnMapping& mapping);
    // Gives the file up: nothing of it is imported; the report says why.
    void skip(std::string reason);
    bool skipped() const { return skipped_; }
    // With ImportOptions::stop_at_unknown_format: the file is in no known format, and nothing of
    // it was stored. Feeding it further is pointless.
    bool stopped_at_unknown_format() const { return stopped_at_unknown_format_; }

private:
    enum class Syntax { Undecided, Csv, Json };
    // A row seen before the table format could be chosen (a guessed mapping needs samples).
    struct PendingRow {
        std::vector<std::string> fields;
        std::string text;
        int64_t line = 0, byte_offset = 0;
        bool unterminated_quote = false;
    };

    void sniff();
    void accept_text(std::string_view text, bool at_end);
    void choose_syntax(bool at_end);
    void note_decoder_problems();

    void on_csv_record(const CsvRecord& record);
    void on_json_record(const JsonRecordText& record);
    void on_table_row(std::span<const std::string_view> fields, std::string_view text, int64_t line,
                      int64_t byte_offset, bool unterminated_quote);
    void set_table_header(std::vector<std::string> names, TableSyntax syntax);
    bool choose_table_format(bool at_end);
    bool choose_generic_format();
    void ask_for_mapping(ColumnMapping initial, std::string remembered_from);
    void start_table_rows();
    void leave_unread_columns_escaped();
    void finish_table();
    void map_table_row(std::span<const std::string_view> fields, std::string_view text, int64_t line,
                       int64_t byte_offset, bool unterminated_quote);
    void flatten_json_record(const rapidjson::Value& record);

    void store(RecordOutcome& outcome, std::string_view raw, int64_t line, int64_t byte_offset);
    bool record_is_verbatim() const;
    void add_issue(int64_t line, int64_t byte_offset, std::string message);
    void fail(std::string message);
    std::string_view format_name() const;

    std::string file_name_;
    ActivitySink& sink_;
    ImportOptions options_;
    FileImportReport report_;

    std::string head_;                 // first bytes, until sniffing has enough
    bool sniffed_ = false;
    size_t bom_length_ = 0;
    FileOffsets offsets_;              // file offsets of positions in the decoded text
    std::unique_ptr<TextDecoder> decoder_;
    bool invalid_text_noted_ = false;

    Syntax syntax_ = Syntax::Undecided;
    std::string undecided_text_;       // leading text before CSV/JSON is decided
    std::unique_ptr<CsvReader> csv_;
    std::unique_ptr<JsonRecordScanner> json_;

    // Table-shaped input (CSV, flat JSON): header, chosen format, rows waiting for it.
    std::optional<TableColumns> columns_;
    TableSyntax table_syntax_ = TableSyntax::Csv;
    std::unique_ptr<TableFormat> table_format_;
    std::vector<PendingRow> pending_rows_;
    std::optional<MappingSample> mapping_sample_; // the question to the analyst, while open
    bool input_ended_ = false;                    // finish() was called
    bool skipped_ = false;
    bool stopped_at_unknown_format_ = false;
    std::vector<std::string_view> row_fields_;
    std::string merge_storage_;
    // Flat JSON records: key -> column, and the current record's values.
    std::unordered_map<std::string, int> json_column_of_;
    std::vector<std::string> json_values_;

    std::unique_ptr<JsonRecordFormat> json_format_;
    bool json_first_record_seen_ = false;

    Activity activity_;
};

} // namespace sightline
