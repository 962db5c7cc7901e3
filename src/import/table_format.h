// A table-shaped export format (CSV, or flat JSON records seen as columns): maps one row of
// cells to an activity. One implementation per format; detect_known_table_format() chooses.
#pragma once

#include "import/record_outcome.h"
#include "import/table_columns.h"
#include "model/activity.h"

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

enum class TableSyntax { Csv, Json };

class TableFormat {
public:
    virtual ~TableFormat() = default;
    virtual std::string_view name() const = 0;
    // The column mapping used, as JSON ({"time":"When",...}), for guessed/explicit mappings.
    virtual std::string mapping_json() const { return {}; }
    // A format that knows where a row's surplus fields came from (Defender's unquoted commas)
    // rejoins them here; `storage` keeps the joined text alive. False: no repair known.
    virtual bool merge_surplus_fields(std::vector<std::string_view>& /*fields*/, std::string& /*storage*/) const {
        return false;
    }
    // The columns map_row() reads, when the format knows them exactly: a CSV reader may then
    // leave the others' cells as they are in the file (CsvReader::leave_escaped). Empty: all.
    virtual std::vector<int> columns_read() const { return {}; }
    // Fills `activity` (reset by the caller) from one row of cells.
    virtual void map_row(std::span<const std::string_view> row, Activity& activity, RecordOutcome& outcome) = 0;
};

// A known format recognised from the header alone, or nullptr.
std::unique_ptr<TableFormat> detect_known_table_format(const TableColumns& columns, TableSyntax syntax);

} // namespace sightline
