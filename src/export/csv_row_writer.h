// Writes activities as CSV rows, by rowid, for the chosen columns: one prepared statement reads
// the row's columns and one per list field its values, so a million-row export reads only the
// columns it writes (not every field, as ActivityStore::read does for the table).
//
// Cells are the fields' canonical text, the same values the automation API's query() answers:
// time as ISO 8601 UTC, booleans as true/false, lists joined with "; " (as JSON arrays when a
// value holds a ';' or the cell would start with '[', so the importer splits them back alike).
#pragma once

#include "export/csv_export_options.h"
#include "store/activity_store.h"
#include "store/computed_fields.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sightline {

class CsvRowWriter {
public:
    // The store must outlive the writer and not be written while it lives.
    CsvRowWriter(const ActivityStore& store, const std::vector<CsvColumn>& columns, char delimiter);

    // The header row (after the byte order mark when `bom`).
    void append_header(std::string& out, bool bom) const;
    // The activity's row; nothing when no activity has this rowid.
    void append_row(std::string& out, int64_t rowid);

private:
    enum class CellKind { Text, Time, Flag, List, Computed };
    struct Cell {
        CellKind kind;
        int index; // the main statement's column, or the list statement's place
    };

    void append_list_cell(std::string& out, sqlite3_stmt* list, int64_t rowid);
    void append_computed_cell(std::string& out, ComputedFields fields);

    const ActivityStore& store_;
    std::vector<CsvColumn> columns_;
    char delimiter_;
    std::vector<Cell> cells_;
    Statement row_;                 // the columns that are not lists, by rowid
    std::vector<Statement> lists_;  // one per list column
    std::vector<std::string> values_; // a list cell's values, reused
};

} // namespace sightline
