#include "export/csv_row_writer.h"

#include "export/csv_cell.h"
#include "import/field_text.h"
#include "model/canonical_fields.h"
#include "util/time_format.h"

#include <sqlite3.h>

namespace sightline {

CsvRowWriter::CsvRowWriter(const ActivityStore& store, const std::vector<CsvColumn>& columns, char delimiter)
    : store_(store), columns_(columns), delimiter_(delimiter) {
    // Names come from the field table (csv_export_columns checked them), never from the caller.
    std::string select;
    int row_columns = 0;
    for (const CsvColumn& column : columns_) {
        const std::optional<FieldInfo> field = find_field(column.field);
        if (field && field->kind == FieldKind::List) {
            cells_.push_back({CellKind::List, static_cast<int>(lists_.size())});
            lists_.push_back(prepare(store.db(), "SELECT value FROM " + list_table_name(field->name) +
                                                     " WHERE activity = ?1 ORDER BY rowid"));
            continue;
        }
        if (column.field == kComputedColumn) {
            cells_.push_back({CellKind::Computed, row_columns++});
            select += (select.empty() ? "" : ", ") + std::string("computed");
            continue;
        }
        const CellKind kind = !field ? CellKind::Text // the raw record
                              : field->kind == FieldKind::Time ? CellKind::Time
                              : field->kind == FieldKind::Bool ? CellKind::Flag
                                                               : CellKind::Text;
        cells_.push_back({kind, row_columns++});
        select += (select.empty() ? "" : ", ") + (field ? std::string(field->name) : std::string("raw"));
    }
    if (select.empty()) select = "rowid";
    row_ = prepare(store.db(), "SELECT " + select + " FROM activities WHERE rowid = ?1");
}

void CsvRowWriter::append_header(std::string& out, bool bom) const {
    if (bom) out += "\xEF\xBB\xBF";
    for (size_t i = 0; i < columns_.size(); ++i) {
        if (i) out += delimiter_;
        append_csv_cell(out, columns_[i].header, delimiter_);
    }
    out += "\r\n";
}

void CsvRowWriter::append_row(std::string& out, int64_t rowid) {
    sqlite3_stmt* row = row_.get();
    sqlite3_reset(row);
    sqlite3_bind_int64(row, 1, rowid);
    if (!step_row(store_.db(), row)) return;
    for (size_t i = 0; i < cells_.size(); ++i) {
        if (i) out += delimiter_;
        const Cell& cell = cells_[i];
        switch (cell.kind) {
        case CellKind::Text: append_csv_cell(out, column_text_view(row, cell.index), delimiter_); break;
        case CellKind::Time: append_iso8601_utc(out, sqlite3_column_int64(row, cell.index)); break;
        case CellKind::Flag: out += sqlite3_column_int64(row, cell.index) ? "true" : "false"; break;
        case CellKind::List: append_list_cell(out, lists_[static_cast<size_t>(cell.index)].get(), rowid); break;
        case CellKind::Computed: append_computed_cell(out, static_cast<ComputedFields>(sqlite3_column_int64(row, cell.index))); break;
        }
    }
    sqlite3_reset(row); // no read statement stays open between slices
    out += "\r\n";
}

void CsvRowWriter::append_computed_cell(std::string& out, ComputedFields fields) {
    values_.clear();
    for (const std::string_view name : computed_field_names(fields)) values_.emplace_back(name);
    append_csv_cell(out, join_list(values_), delimiter_);
}

void CsvRowWriter::append_list_cell(std::string& out, sqlite3_stmt* list, int64_t rowid) {
    values_.clear();
    sqlite3_reset(list);
    sqlite3_bind_int64(list, 1, rowid);
    while (step_row(store_.db(), list)) values_.emplace_back(column_text_view(list, 0));
    append_csv_cell(out, join_list(values_), delimiter_);
}

} // namespace sightline
