// What a CSV export writes: the rows a filter selects in a sort, and which columns in what
// form. The Export panel, the automation API's exportCsv and the tests fill one of these;
// csv_export_columns() turns it into the columns and their header, or says what is wrong.
#pragma once

#include "filter/activity_filter.h"
#include "model/sort_key.h"
#include "store/computed_fields.h" // kComputedColumn: with all_fields, after the fields

#include <string>
#include <string_view>
#include <vector>

namespace sightline {

struct CsvExportOptions {
    ActivityFilter filter;
    std::vector<SortKey> sort = default_sort();
    // Canonical field names, in the order written; unused when all_fields is set.
    std::vector<std::string> columns;
    // Every field of model/field_table.h in its order, headed by the canonical names, so that
    // Sightline reads the file back without a column mapping.
    bool all_fields = false;
    bool raw = false;        // adds the original record as the last column
    bool bom = false;        // a UTF-8 byte order mark first, for Excel
    char delimiter = ',';    // ',' or ';' (Excel in locales with a decimal comma)
};

// One column of the file: the field it reads ("raw" for the original record, kComputedColumn
// for the computed mark) and its header.
struct CsvColumn {
    std::string field;
    std::string header;
};

struct CsvColumnsResult {
    std::vector<CsvColumn> columns;
    std::string error; // names the option: `columns[2]: unknown field "usr"`
};

// The header is the canonical name with all_fields, else the field's label (the table's).
CsvColumnsResult csv_export_columns(const CsvExportOptions& options);

// The header of the raw-record column when headers are labels.
inline constexpr std::string_view kRawColumnLabel = "Raw record";

} // namespace sightline
